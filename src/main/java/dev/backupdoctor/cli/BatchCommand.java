package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
        BatchInput input = BatchInput.open(files, inventory, context);
        try (input) {
            BackupDoctor doctor = context.doctors().apply(rules.folders);
            int workers = Runtime.getRuntime().availableProcessors();
            Batch batch = new Batch(doctor, workers, context.terminal().progress() ? context.err() : null,
                    input.unit());
            Batch.Result result;
            // A rule stuck in its own code keeps its worker for good: the batch can't go on without it.
            try (PlanLines plans = new PlanLines(context, workers);
                    Watchdog watching = Watchdog.start(doctor, timeLimit, context, stuckLine(batch, timeLimit, input.unit()),
                            BatchStopped.BATCH, Main.UNEXPECTED)) {
                result = batch.run(input.entries(), plans);
            }
            if (result.stopped()) {
                // Nothing more to say when the output stopped: Main.run reports a write that failed.
                return Main.OK;
            }
            return finish(result, input, doctor, context, "batch");
        } catch (IOException e) {
            throw input.failed(e);
        }
    }

    /**
     * After the output: on standard error, the {@code tried} ids no rule suggests, the invalid entries
     * (and, when the first line is a snapshot cut short, that {@code command} takes one snapshot a line)
     * and, for inventories, how many records were diagnosed, skipped and unreadable; the exit status.
     */
    static int finish(Batch.Result result, BatchInput input, BackupDoctor doctor, Main.Context context, String command) {
        if (result.unknownTried().snapshots() > 0) {
            context.err().println(result.unknownTried().summary(doctor));
        }
        if (result.invalidLines() > 0) {
            context.err().println(Printable.of(summary(result, input.unit())));
        }
        if (result.startsUnfinished()) {
            // A pretty-printed snapshot fails on every line; its first line, "{", is where that shows.
            context.err().println(command + " takes one snapshot per line (JSON Lines); to diagnose one pretty-printed snapshot,"
                    + " use 'diagnose FILE'");
        }
        input.backupsAfterAsOf().ifPresent(warning -> context.err().println(Printable.of(warning)));
        if (input.inventories()) {
            context.err().println(ImportCommand.counts(result.lines() - result.invalidLines(), "diagnosed",
                    result.skipped(), result.invalidLines()));
        }
        return result.invalidLines() == 0 ? Main.OK : Main.INVALID;
    }

    /** The entry a rule is stuck on, as a message starts: "line 17: ". */
    static Supplier<String> stuckLine(Batch batch, Duration timeLimit, String unit) {
        return () -> {
            OptionalLong line = batch.lineRunningLongerThan(timeLimit);
            return line.isPresent() ? unit + " " + line.getAsLong() + ": " : "";
        };
    }

    /** For standard error, where a person looks first: how many entries were invalid, and the first one. */
    static String summary(Batch.Result result, String unit) {
        Batch.Invalid first = result.firstInvalid();
        String where = unit + " " + first.line() + ": " + first.error();
        String of = result.invalidLines() + " of " + result.lines() + " " + unit + (result.lines() == 1 ? "" : "s");
        return result.invalidLines() == 1 ? of + " was invalid: " + where : of + " were invalid; the first, " + where;
    }
}
