package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Diagnoses many snapshots, one per input line as for batch, and prints what a fleet admin wants to know"
                + " at a glance: how many devices, how many are healthy, and for each action in how many plans it is a fix,"
                + " a check or a general remedy, the most fixes first.",
                "Exit status 2 if any line was invalid: the report is still printed, and standard error says how many lines"
                        + " were invalid and which was the first."})
final class ReportCommand implements Callable<Integer> {

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The snapshots, one per line; '-' or none: standard input.")
    private String file;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "text (default): figures and a table for a person; json: the same as JSON; html: one page with a chart that works offline.")
    private FleetReport.Format format;

    @Mixin
    private RulesOption rules;

    ReportCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration timeLimit = rules.timeLimit();
        InputStream input = BatchCommand.open(file, context);
        try (input) {
            BackupDoctor doctor = context.doctors().apply(rules.folders);
            FleetTally fleet = new FleetTally();
            Batch batch = new Batch(doctor, Runtime.getRuntime().availableProcessors(),
                    context.terminal().progress() ? context.err() : null);
            Batch.Result result;
            try (Watchdog watching = Watchdog.start(doctor, timeLimit, context, BatchCommand.stuckLine(batch, timeLimit),
                    BatchStopped.REPORT, Main.UNEXPECTED)) {
                result = batch.run(input, fleet.adding());
            } catch (BatchStopped stopped) {
                throw stopped.forReport();
            }
            context.writer().write(new FleetReport(fleet).render(format));
            context.writer().flush();
            if (result.invalidLines() == 0) {
                return Main.OK;
            }
            context.err().println(Printable.of(BatchCommand.summary(result)));
            return Main.INVALID;
        } catch (IOException e) {
            throw BatchCommand.inputFailed(file, e);
        }
    }
}
