package dev.backupdoctor.cli.batch;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.inventory.InventoryRecord;
import java.io.PrintStream;

/** What {@code batch} and {@code report} say on standard error once their output is written: the same for both. */
public final class BatchSummary {

    private BatchSummary() {
    }

    /**
     * The {@code tried} ids no rule suggests, the invalid entries (and, when the first line is a
     * snapshot cut short, that {@code command} takes one snapshot a line) and, for inventories, how
     * many records were diagnosed, skipped and unreadable.
     */
    public static void print(Batch.Result result, BatchInput input, BackupDoctor doctor, PrintStream err, String command) {
        if (result.unknownTried().snapshots() > 0) {
            err.println(result.unknownTried().summary(doctor));
        }
        if (result.invalidLines() > 0) {
            err.println(Printable.of(invalidEntries(result, input.unit())));
        }
        if (result.startsUnfinished()) {
            // A pretty-printed snapshot fails on every line; its first line, "{", is where that shows.
            err.println(command + " takes one snapshot per line (JSON Lines); to diagnose one pretty-printed snapshot,"
                    + " use 'diagnose FILE'");
        }
        input.backupsAfterAsOf().ifPresent(warning -> err.println(Printable.of(warning)));
        if (input.inventories()) {
            err.println(InventoryRecord.counts(result.lines() - result.invalidLines(), "diagnosed",
                    result.skipped(), result.invalidLines()));
        }
    }

    /** For standard error, where a person looks first: how many entries were invalid, and the first one. */
    static String invalidEntries(Batch.Result result, String unit) {
        Batch.Invalid first = result.firstInvalid();
        String where = unit + " " + first.line() + ": " + first.error();
        String of = result.invalidLines() + " of " + result.lines() + " " + unit + (result.lines() == 1 ? "" : "s");
        return result.invalidLines() == 1 ? of + " was invalid: " + where : of + " were invalid; the first, " + where;
    }
}
