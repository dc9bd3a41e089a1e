package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.cli.batch.BatchInput;
import dev.backupdoctor.cli.batch.BatchStopped;
import dev.backupdoctor.cli.batch.BatchSummary;
import dev.backupdoctor.cli.common.OptionalDependency;
import dev.backupdoctor.cli.inventory.InventoryOptions;
import dev.backupdoctor.cli.report.FleetReport;
import dev.backupdoctor.cli.report.FleetTally;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Diagnoses many snapshots, one per input line as for batch, and prints what a fleet admin wants to know"
                + " at a glance: how many devices, how many are healthy, and for each action in how many plans it is a fix,"
                + " a check or a general remedy, the most fixes first.",
                "With --from, reads device-management inventories instead (Apple MDM or Jamf Pro, as import does).",
                "Exit status 2 if any line was invalid: the report is still printed, and standard error says how many lines"
                        + " were invalid and which was the first."})
final class ReportCommand implements Callable<Integer> {

    private final Main.Context context;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
            description = "The snapshots, one per line; '-' or none: standard input. With --from: inventory files, and"
                    + " folders whose .plist (mdm) or .json (jamf) files are read in name order.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "text (default): figures and a table for a person; json: the same as JSON; html: one page with a chart that works offline.")
    private FleetReport.Format format;

    @Mixin
    private InventoryOptions inventory;

    @Mixin
    private RulesOption rules;

    ReportCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (format == FleetReport.Format.html) {
            OptionalDependency.JTE.require();
        }
        Duration timeLimit = rules.timeLimit();
        BatchInput input = BatchInput.open(files, inventory, context.in());
        try (input) {
            BackupDoctor doctor = context.doctors().apply(rules.folders);
            FleetTally fleet = new FleetTally();
            Batch batch = new Batch(doctor, Runtime.getRuntime().availableProcessors(),
                    context.terminal().progress() ? context.err() : null,
                    input.unit());
            Batch.Result result;
            try (Watchdog watching = Watchdog.start(doctor, timeLimit, context, batch.stuckEntry(timeLimit),
                    BatchStopped.REPORT, Main.UNEXPECTED)) {
                result = batch.run(input.entries(), fleet.adding());
            } catch (BatchStopped stopped) {
                throw stopped.forReport();
            }
            context.writer().write(new FleetReport(fleet, input.unit()).render(format));
            if (context.outputStopped()) {
                // Main.run reports a write that failed; a reader that went away needs no summary.
                return Main.OK;
            }
            BatchSummary.print(result, input, doctor, context.err(), "report");
            return result.invalidLines() == 0 ? Main.OK : Main.INVALID;
        } catch (IOException e) {
            throw input.failed(e);
        }
    }
}
