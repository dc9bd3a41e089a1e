package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
                "Exit status 2 if any line was invalid; all others are still processed, and standard error says"
                        + " how many were invalid and which was the first."})
final class BatchCommand implements Callable<Integer> {

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The snapshots, one per line; '-' or none: standard input.")
    private String file;

    @Mixin
    private RulesOption rules;

    BatchCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration timeLimit = rules.timeLimit();
        InputStream input = open(file, context);
        try (input) {
            BackupDoctor doctor = context.doctors().apply(rules.folders);
            int workers = Runtime.getRuntime().availableProcessors();
            Batch batch = new Batch(doctor, workers, context.terminal().progress() ? context.err() : null);
            Batch.Result result;
            // A rule stuck in its own code keeps its worker for good: the batch can't go on without it.
            try (PlanLines plans = new PlanLines(context, workers);
                    Watchdog watching = Watchdog.start(doctor, timeLimit, context, stuckLine(batch, timeLimit),
                            BatchStopped.BATCH, Main.UNEXPECTED)) {
                result = batch.run(input, plans);
            }
            if (result.invalidLines() == 0 || result.stopped() || context.outputClosed()) {
                return Main.OK;
            }
            context.err().println(Printable.of(summary(result)));
            return Main.INVALID;
        } catch (IOException e) {
            throw inputFailed(file, e);
        }
    }

    /** The line a rule is stuck on, as a message starts: "line 17: ". */
    static Supplier<String> stuckLine(Batch batch, Duration timeLimit) {
        return () -> {
            OptionalLong line = batch.lineRunningLongerThan(timeLimit);
            return line.isPresent() ? "line " + line.getAsLong() + ": " : "";
        };
    }

    /** Output errors end a batch quietly (a closed pipe), so an {@link IOException} is the input failing mid-way. */
    static UsageException inputFailed(String file, IOException e) {
        return UsageException.cannotRead(SnapshotFile.isStandardInput(file) ? "standard input" : file, e);
    }

    /** For standard error, where a person looks first: how many lines were invalid, and the first one. */
    static String summary(Batch.Result result) {
        Batch.Invalid first = result.firstInvalid();
        String where = "line " + first.line() + ": " + first.error();
        String of = result.invalidLines() + " of " + result.lines() + (result.lines() == 1 ? " line" : " lines");
        return result.invalidLines() == 1 ? of + " was invalid: " + where : of + " were invalid; the first, " + where;
    }

    /** The JSON Lines input: the file, or standard input for none or '-'. */
    static InputStream open(String file, Main.Context context) {
        if (SnapshotFile.isStandardInput(file)) {
            // Closing the batch's input must not close the process's standard input.
            return new FilterInputStream(context.in()) {
                @Override
                public void close() {
                }
            };
        }
        Path path = SnapshotFile.existing(file, "a JSON Lines file");
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw UsageException.cannotRead(file, e);
        }
    }
}
