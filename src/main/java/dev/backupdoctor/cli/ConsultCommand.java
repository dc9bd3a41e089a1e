package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Question;
import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.PlanWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "consult", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Asks, one at a time, only the questions whose answers would change the plan, the most useful first.",
                "It starts from what FILE already knows, or from nothing.",
                "Answer each on standard input; 'skip' leaves it unknown, 'done' stops with the plan so far."})
final class ConsultCommand implements Callable<Integer> {

    private static final String SKIP = "skip";
    private static final String DONE = "done";

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "What is already known (a snapshot); none: start from nothing.")
    private String file;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "How to print the final plan: text (default) or json.")
    private DiagnoseCommand.Format format;

    @Mixin
    private RulesOption rules;

    ConsultCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (file != null && file.equals("-")) {
            throw new UsageException("consult reads your answers from standard input; give the snapshot as a file");
        }
        DeviceSnapshot snapshot = file == null ? DeviceSnapshot.unknown() : SnapshotFile.read(file, context.in());
        BackupDoctor doctor = context.doctors().apply(rules.folders);
        BufferedReader answers = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        PrintWriter out = context.writer();

        Diagnosis diagnosis = doctor.diagnose(snapshot);
        out.println("I'll ask only what would change the plan, most useful first. Answer each question,");
        out.println("or type 'skip' to leave it unknown, or 'done' to stop and see the plan.");
        Set<String> asked = new HashSet<>();
        int number = 1;
        String stopped = "No more questions would change the plan.";
        for (Optional<Question> next = nextQuestion(diagnosis, asked); next.isPresent(); next = nextQuestion(diagnosis, asked)) {
            Question question = next.get();
            out.println();
            out.println(number + ". " + question.text() + " (" + question.hint() + ")");
            String reply = prompt(answers, out);
            while (reply != null && !isCommand(reply)) {
                try {
                    snapshot = question.answer(snapshot, reply);
                    break;
                } catch (IllegalArgumentException invalid) {
                    out.println("   Sorry, " + invalid.getMessage() + ". Or 'skip', or 'done'.");
                    reply = prompt(answers, out);
                }
            }
            if (reply == null || reply.strip().equalsIgnoreCase(DONE)) {
                stopped = reply == null ? "No more answers: here is the plan so far." : "Stopped: here is the plan so far.";
                break;
            }
            asked.add(question.id());
            number++;
            if (reply.strip().equalsIgnoreCase(SKIP)) {
                out.println("   Skipped: it stays unknown.");
                continue;
            }
            Diagnosis updated = doctor.diagnose(snapshot);
            printChanges(diagnosis, updated, out);
            diagnosis = updated;
        }
        out.println();
        out.println(stopped);
        out.println();
        out.print(format == DiagnoseCommand.Format.json
                ? new PlanWriter().toJson(diagnosis) + "\n"
                : new PlanText(context.terminal().colour(), false).render(diagnosis));
        return Main.OK;
    }

    private static Optional<Question> nextQuestion(Diagnosis diagnosis, Set<String> asked) {
        return diagnosis.questions().stream().filter(question -> !asked.contains(question.id())).findFirst();
    }

    private static boolean isCommand(String reply) {
        return reply.strip().equalsIgnoreCase(SKIP) || reply.strip().equalsIgnoreCase(DONE);
    }

    private static String prompt(BufferedReader answers, PrintWriter out) throws IOException {
        out.print("> ");
        out.flush();
        return answers.readLine();
    }

    private static void printChanges(Diagnosis before, Diagnosis after, PrintWriter out) {
        List<String> changes = new ArrayList<>();
        for (Action action : before.actions()) {
            if (!contains(after, action)) {
                changes.add("   - no longer: [" + action.kind() + "] " + action.title());
            }
        }
        for (Action action : after.actions()) {
            if (!contains(before, action)) {
                changes.add("   + now:       [" + action.kind() + "] " + action.title());
            }
        }
        for (Action action : after.actions()) {
            before.action(action.id()).filter(old -> old.kind() == action.kind()
                    && !old.instructions().equals(action.instructions()))
                    .ifPresent(old -> changes.add("   ~ adjusted:  [" + action.kind() + "] " + action.title()));
        }
        if (changes.isEmpty()) {
            changes.add("   The plan is unchanged.");
        }
        changes.forEach(out::println);
    }

    private static boolean contains(Diagnosis diagnosis, Action action) {
        return diagnosis.action(action.id()).filter(other -> other.kind() == action.kind()).isPresent();
    }
}
