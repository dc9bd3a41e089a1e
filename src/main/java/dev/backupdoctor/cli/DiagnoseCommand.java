package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.cli.batch.UnknownTried;
import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads one device snapshot (JSON) and prints the ordered plan to fix its iCloud backup.")
final class DiagnoseCommand implements Callable<Integer> {

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The snapshot; '-' or none: standard input.")
    private String file;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): a plan to follow; json: the plan as JSON.")
    private TextOrJson format;

    @Option(names = "--explain", description = "Under each action of the text plan, the rule that produced it and the facts it matched;"
            + " the JSON plan always carries them, with or without this option.")
    private boolean explain;

    @Mixin
    private RulesOption rules;

    DiagnoseCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        // Compiling the rules and setting up the JSON reader are each a good part of start-up, and
        // independent: on two cores they overlap.
        Duration timeLimit = rules.timeLimit();
        CompletableFuture<BackupDoctor> doctor = CompletableFuture.supplyAsync(() -> context.doctors().apply(rules.folders));
        DeviceSnapshot snapshot = SnapshotFile.read(file, context.in());
        BackupDoctor built = Main.await(doctor);
        Diagnosis diagnosis;
        try (Watchdog watching = Watchdog.start(built, timeLimit, context, "stopped, no plan written", Main.INVALID)) {
            diagnosis = built.diagnose(snapshot);
        }
        String output = format == TextOrJson.json
                ? new PlanWriter().toJson(diagnosis) + "\n"
                : new PlanText(context.terminal().colour(), explain).render(diagnosis);
        // Main.run flushes it, and reports a write that failed.
        context.writer().write(output);
        for (String warning : UnknownTried.warnings(diagnosis.unknownTried(), built)) {
            context.err().println(warning);
        }
        return Main.OK;
    }
}
