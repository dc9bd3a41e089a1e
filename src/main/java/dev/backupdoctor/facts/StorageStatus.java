package dev.backupdoctor.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The iCloud storage plan. Sizes are in bytes, {@code null} when unknown; {@code appBackups} is
 * {@code null} when the list is unknown and empty when it is known that there are none.
 */
public record StorageStatus(Long totalBytes, Long usedBytes, Long nextBackupBytes, List<AppBackup> appBackups) {

    public static final StorageStatus UNKNOWN = new StorageStatus(null, null, null, null);

    private static final Comparator<AppBackup> LARGEST_FIRST =
            Comparator.comparingLong(AppBackup::bytes).reversed().thenComparing(AppBackup::app);

    public StorageStatus {
        requireNotNegative("totalBytes", totalBytes);
        requireNotNegative("usedBytes", usedBytes);
        requireNotNegative("nextBackupBytes", nextBackupBytes);
        if (totalBytes != null && usedBytes != null && usedBytes > totalBytes) {
            throw new IllegalArgumentException(
                    "usedBytes must not exceed totalBytes (" + totalBytes + "), was " + usedBytes);
        }
        appBackups = appBackups == null ? null : List.copyOf(appBackups);
    }

    private static void requireNotNegative(String field, Long bytes) {
        if (bytes != null && bytes < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, was " + bytes);
        }
    }

    /** Whether total, used and next-backup sizes are all known. */
    private boolean sizesKnown() {
        return totalBytes != null && usedBytes != null && nextBackupBytes != null;
    }

    /** Free space, or {@code null} when unknown. */
    public Long freeBytes() {
        return totalBytes == null || usedBytes == null ? null : totalBytes - usedBytes;
    }

    /** YES when the next backup is larger than the free space. */
    public Answer tooFull() {
        return sizesKnown() ? Answer.of(nextBackupBytes > freeBytes()) : Answer.UNKNOWN;
    }

    /** How many more bytes the next backup needs than are free; 0 when it fits or is unknown. */
    public long shortfallBytes() {
        return tooFull() == Answer.YES ? nextBackupBytes - freeBytes() : 0;
    }

    /** YES when deleting the listed app backups can cover the shortfall; UNKNOWN when they aren't listed. */
    public Answer appBackupsCoverShortfall() {
        if (appBackups == null || !sizesKnown()) {
            return Answer.UNKNOWN;
        }
        long listed = 0;
        for (AppBackup backup : appBackups) {
            listed = saturatedAdd(listed, backup.bytes());
        }
        return Answer.of(listed >= shortfallBytes());
    }

    /**
     * The fewest app backups to delete, largest first, that cover the shortfall; empty when they
     * can't cover it or nothing needs deleting.
     */
    public List<AppBackup> appBackupsToDelete() {
        if (appBackupsCoverShortfall() != Answer.YES || shortfallBytes() == 0) {
            return List.of();
        }
        List<AppBackup> chosen = new ArrayList<>();
        long freed = 0;
        List<AppBackup> largestFirst = new ArrayList<>(appBackups);
        largestFirst.sort(LARGEST_FIRST);
        for (AppBackup backup : largestFirst) {
            if (freed >= shortfallBytes()) {
                break;
            }
            chosen.add(backup);
            freed = saturatedAdd(freed, backup.bytes());
        }
        return List.copyOf(chosen);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
