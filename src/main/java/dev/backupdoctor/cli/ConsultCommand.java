package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Question;
import dev.backupdoctor.cli.batch.LineReader;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "consult", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Asks, one at a time, only the questions whose answers would change the plan, the most useful first.",
                "Then it walks through the plan one action at a time and asks whether it fixed the backup.",
                "It starts from what FILE already knows, or from nothing; answers come from standard input, where 'skip' moves on and 'done' stops."})
final class ConsultCommand implements Callable<Integer> {

    private static final int MAX_REPLY_BYTES = Consultation.MAX_REPLY_CHARS * 4;

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "What is already known (a snapshot); none: start from nothing.")
    private String file;

    @Option(names = "--save", paramLabel = "FILE",
            description = "After every answer, write what was learned to FILE as a snapshot, which consult or diagnose can pick up from.")
    private String save;

    /** The file {@code --save} writes: FILE, or the regular file FILE links to. */
    private Path saveTo;

    @Mixin
    private RulesOption rules;

    private final SnapshotWriter writer = new SnapshotWriter();
    private PrintWriter out;
    private LineReader answers;
    private PlanText text;
    private DeviceSnapshot saved;

    ConsultCommand(Main.Context context) {
        this.context = context;
    }

    /** A reply, or why there is none: the end of the input. */
    private record Reply(String text) {

        static final Reply END = new Reply(null);

        boolean is(String... words) {
            return text != null && List.of(words).contains(text.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws IOException {
        if (file != null && file.equals("-")) {
            throw new UsageException("consult reads your answers from standard input; give the snapshot as a file");
        }
        if (save != null) {
            saveTo = saveTarget(save);
        }
        Duration timeLimit = rules.timeLimit();
        DeviceSnapshot known = file == null ? DeviceSnapshot.unknown() : SnapshotFile.read(file, context.in());
        BackupDoctor doctor = context.doctors().apply(rules.folders);
        try (Watchdog watching = Watchdog.start(doctor, timeLimit, context, "stopped", Main.INVALID)) {
            return consult(doctor, known);
        }
    }

    private int consult(BackupDoctor doctor, DeviceSnapshot known) throws IOException {
        out = context.writer();
        answers = new LineReader(context.in(), MAX_REPLY_BYTES);
        text = new PlanText(context.terminal().colour(), false);

        Consultation consultation = doctor.consult(known);
        save(consultation);
        int question = 1;
        int step = 1;
        boolean walking = false;
        if (consultation.next() instanceof Consultation.Ask) {
            out.println("I'll ask only what would change the plan, most useful first. Answer each question,");
            out.println("or type 'skip' to leave it unknown, or 'done' to stop.");
        }
        boolean inputEnded = false;
        while (!inputEnded && !(consultation.next() instanceof Consultation.End)) {
            Consultation.Step next = consultation.next();
            if (next instanceof Consultation.Show && !walking) {
                walking = true;
                if (question > 1) {
                    out.println();
                }
                out.println(question == 1 ? "Nothing to ask: all that would change the plan is known."
                        : "No more questions would change the plan.");
                out.println("Now the plan, one action at a time: after each, say whether it fixed the backup.");
            }
            Consultation after = next instanceof Consultation.Ask ask
                    ? ask(consultation, ask.question(), question++)
                    : show(consultation, (Consultation.Show) next, step++);
            inputEnded = after == null;
            if (!inputEnded) {
                consultation = after;
                save(consultation);
            }
        }
        if (question > 1 || step > 1) {
            out.println();
        }
        if (inputEnded) {
            out.println("No more answers: stopped.");
        } else if (question == 1 && step == 1) {
            // Nothing asked, nothing shown: the plan is empty, which its summary says.
            out.print(text.render(consultation.diagnosis()));
        } else {
            out.println(ending((Consultation.End) consultation.next()));
        }
        if (save != null) {
            boolean fixed = consultation.next() instanceof Consultation.End end && end.why() == Consultation.Ending.FIXED;
            String shown = Printable.of(save);
            out.println("What was learned is saved in " + shown
                    + (fixed ? "." : ": 'consult " + shown + "' picks up from there."));
        } else if (!consultation.snapshot().equals(known)) {
            out.println("What was learned is not saved: run consult with --save FILE to keep it.");
        }
        return Main.OK;
    }

    /** Asks until the reply fits; {@code null} at the end of the input. */
    private Consultation ask(Consultation consultation, Question question, int number) throws IOException {
        out.println();
        out.println(number + ". " + Printable.of(question.text()) + " (" + Printable.of(question.hint()) + ")");
        while (true) {
            Reply reply = read();
            if (reply == Reply.END) {
                return null;
            }
            if (reply.is("done")) {
                return consultation.stop();
            }
            if (reply.is("skip")) {
                out.println("   Skipped: it stays unknown.");
                return consultation.skip();
            }
            try {
                Consultation answered = consultation.answer(reply.text());
                printChanges(consultation.diagnosis(), answered.diagnosis());
                return answered;
            } catch (IllegalArgumentException unclear) {
                out.println("   Sorry, " + Printable.of(unclear.getMessage()) + ". Or 'skip', or 'done'.");
            }
        }
    }

    /** Shows an action, or its alternatives, and asks whether it fixed the backup; {@code null} at the end of the input. */
    private Consultation show(Consultation consultation, Consultation.Show show, int number) throws IOException {
        List<Action> ways = show.ways();
        StringBuilder shown = new StringBuilder().append("\n").append(number).append(". ");
        if (ways.size() == 1) {
            text.action(shown, ways.get(0), "   ");
        } else {
            for (int way = 0; way < ways.size(); way++) {
                shown.append(way == 0 ? "Either: " : "   Or instead: ");
                text.action(shown, ways.get(way), "      ");
            }
        }
        out.print(shown);
        out.println("Did that fix the backup? (yes, no, skip, done)");
        while (true) {
            Reply reply = read();
            if (reply == Reply.END) {
                return null;
            }
            if (reply.is("done")) {
                return consultation.stop();
            }
            if (reply.is("skip")) {
                out.println("   Skipped: on to the next.");
                return consultation.skip();
            }
            boolean fixed = reply.is("yes", "y");
            if (fixed || reply.is("no", "n")) {
                Action taken = ways.size() == 1 ? ways.get(0) : whichWay(ways);
                if (taken == null) {
                    return null;
                }
                if (fixed) {
                    return consultation.fixed(taken.id());
                }
                out.println(taken.kind() == Kind.TRY ? "   Noted: tried, without success."
                        : "   Noted: taken as done, and the plan worked out again.");
                return consultation.notFixed(taken.id());
            }
            out.println("   Please answer yes, no, skip or done.");
        }
    }

    /** Which of the ways shown the person took; {@code null} at the end of the input. */
    private Action whichWay(List<Action> ways) throws IOException {
        String choices = ways.size() == 2 ? "1 or 2" : "a number from 1 to " + ways.size();
        List<String> named = new ArrayList<>();
        for (int way = 0; way < ways.size(); way++) {
            named.add((way + 1) + " = " + Printable.of(ways.get(way).title()));
        }
        out.println("Which did you do? (" + String.join(", ", named) + ")");
        while (true) {
            Reply reply = read();
            if (reply == Reply.END) {
                return null;
            }
            for (int way = 0; way < ways.size(); way++) {
                if (reply.is(String.valueOf(way + 1))) {
                    return ways.get(way);
                }
            }
            out.println("   Please answer " + choices + ".");
        }
    }

    /** The next line, after a prompt; a line too long to be an answer is refused here, without being held in memory. */
    private Reply read() throws IOException {
        while (true) {
            out.print("> ");
            if (context.outputStopped()) {
                // Nobody sees the questions any more; Main.run reports a write that failed.
                return Reply.END;
            }
            LineReader.Line line = answers.nextLine();
            if (line == null) {
                out.println();
                return Reply.END;
            }
            String reply = line.tooLong() ? null : new String(line.bytes(), StandardCharsets.UTF_8);
            if (reply != null && reply.codePointCount(0, reply.length()) <= Consultation.MAX_REPLY_CHARS) {
                return new Reply(reply);
            }
            out.println("   That answer is too long (at most " + String.format("%,d", Consultation.MAX_REPLY_CHARS)
                    + " characters); please answer again.");
        }
    }

    private static String ending(Consultation.End end) {
        return switch (end.why()) {
            case FIXED -> {
                Action action = end.fixedBy().orElseThrow();
                yield "Fixed by: " + Printable.of(action.title()) + " (" + action.id() + "). The backup works again.";
            }
            case PLAN_DONE -> "That was the whole plan, and nothing in it fixed the backup.";
            case STOPPED -> "Stopped.";
        };
    }

    private void printChanges(Diagnosis before, Diagnosis after) {
        List<String> changes = new ArrayList<>();
        for (Action action : before.actions()) {
            if (!contains(after, action)) {
                changes.add("   - no longer: [" + action.kind() + "] " + Printable.of(action.title()));
            }
        }
        for (Action action : after.actions()) {
            if (!contains(before, action)) {
                changes.add("   + now:       [" + action.kind() + "] " + Printable.of(action.title()));
            }
        }
        for (Action action : after.actions()) {
            before.action(action.id()).filter(old -> old.kind() == action.kind()
                    && !old.instructions().equals(action.instructions()))
                    .ifPresent(old -> changes.add("   ~ adjusted:  [" + action.kind() + "] " + Printable.of(action.title())));
        }
        if (changes.isEmpty()) {
            changes.add("   The plan is unchanged.");
        }
        changes.forEach(out::println);
    }

    private static boolean contains(Diagnosis diagnosis, Action action) {
        return diagnosis.action(action.id()).filter(other -> other.kind() == action.kind()).isPresent();
    }

    /**
     * Where {@code --save} writes, checked before the first question: a regular file, or a new one in
     * a folder that exists. A device, a pipe or a socket is refused, as the rename that saves would
     * replace it with a file. A symbolic link is followed, as editors do: the file it points to gets
     * the snapshot and the link stays.
     */
    private static Path saveTarget(String save) {
        Path target = Path.of(save);
        String option = "--save " + Printable.cut(save);
        if (Files.isDirectory(target)) {
            throw new UsageException(option + ": is a folder, not a file");
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                throw new UsageException(option + ": is a device, a pipe or a socket, not a regular file");
            }
            try {
                return target.toRealPath();
            } catch (IOException e) {
                throw UsageException.cannotWrite("--save " + save, e);
            }
        }
        if (Files.isSymbolicLink(target)) {
            throw new UsageException(option + ": is a symbolic link to a file that doesn't exist");
        }
        if (!Files.isDirectory(target.toAbsolutePath().getParent())) {
            throw new UsageException(option + ": cannot write: no such folder");
        }
        return target;
    }

    /**
     * Writes what was learned, whole or not at all: to a file beside the target, on disk before it
     * is moved over the target, so that Ctrl-C, a full disk or a crash never leaves half a snapshot.
     */
    private void save(Consultation consultation) {
        if (saveTo == null || consultation.snapshot().equals(saved)) {
            return;
        }
        Path folder = saveTo.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            // A short name of its own: FILE's name may already be as long as the file system allows.
            temporary = Files.createTempFile(folder, ".bd", ".tmp");
            Set<PosixFilePermission> permissions = permissions(saveTo);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer json = StandardCharsets.UTF_8.encode(writer.toJson(consultation.snapshot()));
                while (json.hasRemaining()) {
                    channel.write(json);
                }
                if (permissions != null) {
                    Files.setPosixFilePermissions(temporary, permissions);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, saveTo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, saveTo, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(folder);
            saved = consultation.snapshot();
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw UsageException.cannotWrite("--save " + save, e);
        }
    }

    /**
     * The permissions of the file a save replaces, which the new one keeps (a new file is the
     * temporary file's, readable by its owner only); {@code null} when there is none or the file
     * system has no POSIX permissions.
     */
    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null || !Files.exists(file) ? null : view.readAttributes().permissions();
    }

    /** Puts the rename on disk too, so that a crash just after a save can't bring the old snapshot back. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notPossibleHere) {
            // Some systems (Windows) can't open a folder to sync it; the snapshot is whole either way.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The write has already failed; that failure is the one to report.
            }
        }
    }
}
