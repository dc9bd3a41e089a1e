package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.cli.batch.BatchInput;
import dev.backupdoctor.cli.batch.BatchStopped;
import dev.backupdoctor.cli.batch.BatchSummary;
import dev.backupdoctor.cli.batch.PlanLines;
import dev.backupdoctor.cli.inventory.InventoryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Diagnoses many snapshots: one snapshot (JSON) per input line, one plan (JSON) per output line.",
                "Each non-blank input line gives exactly one output line, in input order, with its line number:"
                        + " the plan, or why the line is invalid.",
                "With --from, reads device-management inventories instead (Apple MDM or Jamf Pro, as import does):"
                        + " each record of an iPhone gives one output line, whose line is the record's position across all inputs.",
                "Exit status 2 if any line was invalid; all others are still processed, and standard error says"
                        + " how many were invalid and which was the first."})
final class BatchCommand implements Callable<Integer> {

    private final Main.Context context;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
            description = "The snapshots, one per line; '-' or none: standard input. With --from: inventory files, and"
                    + " folders whose .plist (mdm) or .json (jamf) files are read in name order.")
    private List<String> files = new ArrayList<>();

    @Mixin
    private InventoryOptions inventory;

    @Mixin
    private RulesOption rules;

    BatchCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration timeLimit = rules.timeLimit();
        BatchInput input = BatchInput.open(files, inventory, context.in());
        try (input) {
            BackupDoctor doctor = context.doctors().apply(rules.folders);
            int workers = Runtime.getRuntime().availableProcessors();
            Batch batch = new Batch(doctor, workers, context.terminal().progress() ? context.err() : null,
                    input.unit());
            Batch.Result result;
            // A rule stuck in its own code keeps its worker for good: the batch can't go on without it.
            try (PlanLines plans = new PlanLines(context.out(), workers);
                    Watchdog watching = Watchdog.start(doctor, timeLimit, context, batch.stuckEntry(timeLimit),
                            BatchStopped.BATCH, Main.UNEXPECTED)) {
                result = batch.run(input.entries(), plans);
            }
            if (result.stopped()) {
                // Nothing more to say when the output stopped: Main.run reports a write that failed.
                return Main.OK;
            }
            BatchSummary.print(result, input, doctor, context.err(), "batch");
            return result.invalidLines() == 0 ? Main.OK : Main.INVALID;
        } catch (IOException e) {
            throw input.failed(e);
        }
    }
}
