package dev.backupdoctor.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The devices whose last backup is oldest, at most {@link #LIMIT} of them: most days first, equal
 * days in input order. A report may count millions of devices, so this keeps only the ones that can
 * still be listed, in a heap whose head is the first to give way to an older backup.
 */
final class OldestBackups {

    static final int LIMIT = 50;

    /** Older first: more days, then the earlier line. */
    private static final Comparator<OldBackup> OLDER_FIRST = Comparator.comparingInt(OldBackup::days).reversed()
            .thenComparingLong(OldBackup::line);

    private final PriorityQueue<OldBackup> kept = new PriorityQueue<>(LIMIT + 1, OLDER_FIRST.reversed());

    /**
     * One device's last backup.
     *
     * @param line the snapshot's line in the input
     * @param id the snapshot's id, or {@code null} when it has none
     * @param days completed days since the last backup
     */
    record OldBackup(long line, String id, int days) {
    }

    void add(long line, String id, int days) {
        add(new OldBackup(line, id, days));
    }

    /** Adds a later chunk's devices: the fleet keeps the oldest of both. */
    void add(OldestBackups later) {
        for (OldBackup backup : later.kept) {
            add(backup);
        }
    }

    private void add(OldBackup backup) {
        if (kept.size() < LIMIT) {
            kept.add(backup);
        } else if (OLDER_FIRST.compare(backup, kept.peek()) < 0) {
            kept.poll();
            kept.add(backup);
        }
    }

    /** Most days first, equal days in input order. */
    List<OldBackup> oldestFirst() {
        List<OldBackup> sorted = new ArrayList<>(kept);
        sorted.sort(OLDER_FIRST);
        return sorted;
    }
}
