package dev.backupdoctor.cli;

import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.cli.inventory.BackupsAfterAsOf;
import dev.backupdoctor.cli.inventory.InventoryInputs;
import dev.backupdoctor.cli.inventory.InventoryOptions;
import dev.backupdoctor.cli.inventory.InventoryRecord;
import dev.backupdoctor.cli.inventory.InventorySettings;
import dev.backupdoctor.json.SnapshotWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Turns device-management inventories into snapshots: one JSON line per device record on standard"
                + " output, in input order, for batch, report or your own tools. Only what the inventory knows is filled in.",
                "Records of devices that are not iPhones are skipped. A record that can't be read is named on standard"
                        + " error and the others are still written; the exit status is then 2. Standard error ends with"
                        + " how many records were written, skipped and unreadable."})
final class ImportCommand implements Callable<Integer> {

    /** Records between checks that standard output still takes them (a closed pipe or a full disk ends the import). */
    private static final int CHECK_OUTPUT_EVERY = 1024;

    private final Main.Context context;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Inventory files, or folders whose .plist (mdm) or .json (jamf) files are read in name order.")
    private List<String> inputs;

    @Mixin
    private InventoryOptions inventory;

    ImportCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (inventory.from() == null) {
            throw new UsageException("import needs --from mdm or --from jamf");
        }
        InventorySettings settings = inventory.settings(Instant.now());
        BackupsAfterAsOf afterAsOf = inventory.backupsAfterAsOf(settings);
        SnapshotWriter writer = new SnapshotWriter();
        long written = 0;
        long skipped = 0;
        long unreadable = 0;
        try (InventoryInputs inventories = InventoryInputs.of(inventory.from(), inputs, settings, null)) {
            for (InventoryRecord record = inventories.next(); record != null; record = inventories.next()) {
                InventoryRecord.Outcome outcome = record.map();
                if (outcome instanceof InventoryRecord.Device device) {
                    if (device.backupAfterAsOf()) {
                        afterAsOf.add(written + skipped + unreadable + 1, device.snapshot().id());
                    }
                    context.writer().write(writer.toJsonLine(device.snapshot()));
                    written++;
                } else if (outcome instanceof InventoryRecord.Unreadable problem) {
                    context.writer().flush();
                    context.err().println(Printable.of(record.where() + ": " + problem.problem()));
                    unreadable++;
                } else {
                    skipped++;
                }
                // Asking flushes, so not after every record.
                if ((written + skipped + unreadable) % CHECK_OUTPUT_EVERY == 0 && context.outputStopped()) {
                    return Main.OK;
                }
            }
        }
        if (context.outputStopped()) {
            // Main.run reports a write that failed: counts of records not written would mislead.
            return Main.OK;
        }
        afterAsOf.warning().ifPresent(warning -> context.err().println(Printable.of(warning)));
        context.err().println(InventoryRecord.counts(written, "written", skipped, unreadable));
        return unreadable == 0 ? Main.OK : Main.INVALID;
    }
}
