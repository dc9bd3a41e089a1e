package dev.backupdoctor.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The iCloud storage plan. Sizes are in bytes, {@code null} when unknown. {@code appBackups} (the
 * apps in this iPhone's backup) and {@code otherDeviceBackups} (backups of other devices in the
 * same account) are {@code null} when the list is unknown and empty when there are known to be none.
 *
 * <p>Byte counts are at most {@link #MAX_BYTES} and each list holds at most
 * {@link #MAX_BACKUPS} entries, so every sum is exact in a {@code long}.
 *
 * @param totalBytes the size of the iCloud plan, or {@code null}
 * @param usedBytes how much of it is used, or {@code null}
 * @param nextBackupBytes the size of this iPhone's next backup, or {@code null}
 * @param appBackups the apps in this iPhone's backup with their sizes, or {@code null} if not listed
 * @param otherDeviceBackups other devices' backups in the account, or {@code null} if not listed
 */
public record StorageStatus(
        @Ask(step = 140, value = "How big is your iCloud storage plan (Settings > your name > iCloud)?")
        Long totalBytes,
        @Ask(step = 150, value = "How much of your iCloud storage is used?")
        Long usedBytes,
        @Ask(step = 160, value = "How big is the next backup (Settings > your name > iCloud > Manage Storage > Backups > this iPhone)?")
        Long nextBackupBytes,
        // Not asked, like otherDeviceBackups: a list is read off the Backups screen one entry at a time, not one reply.
        @Range(max = StorageStatus.MAX_BACKUPS)
        List<AppBackup> appBackups,
        @Range(max = StorageStatus.MAX_BACKUPS)
        List<DeviceBackup> otherDeviceBackups) {

    /** Nothing known about iCloud storage. */
    public static final StorageStatus UNKNOWN = new StorageStatus(null, null, null, null, null);
    /** The most entries in each backup list. */
    public static final int MAX_BACKUPS = 1_000;
    /** The largest byte count a snapshot holds, 2^53 − 1: every JSON reader keeps it exact, and sums of a thousand stay within a {@code long}. */
    public static final long MAX_BYTES = (1L << 53) - 1;

    private static final Comparator<AppBackup> LARGEST_APP_FIRST = Comparator.comparingLong(AppBackup::bytes).reversed();
    private static final Comparator<DeviceBackup> LARGEST_DEVICE_FIRST =
            Comparator.comparingLong(DeviceBackup::bytes).reversed();

    /**
     * Checks the sizes and copies the lists.
     *
     * @param totalBytes plan size in bytes, or {@code null}
     * @param usedBytes bytes used, at most {@code totalBytes}, or {@code null}
     * @param nextBackupBytes next backup in bytes, or {@code null}
     * @param appBackups at most {@link #MAX_BACKUPS} entries, or {@code null}
     * @param otherDeviceBackups at most {@link #MAX_BACKUPS} entries, or {@code null}
     * @throws IllegalArgumentException if a size is negative or above {@link #MAX_BYTES}, more is used than the plan holds, or a list is too long
     */
    public StorageStatus {
        requireKnownByteCount("totalBytes", totalBytes);
        requireKnownByteCount("usedBytes", usedBytes);
        requireKnownByteCount("nextBackupBytes", nextBackupBytes);
        if (totalBytes != null && usedBytes != null && usedBytes > totalBytes) {
            throw new IllegalArgumentException(
                    "usedBytes must not exceed totalBytes (" + totalBytes + "), was " + usedBytes);
        }
        appBackups = copyOf("appBackups", appBackups);
        otherDeviceBackups = copyOf("otherDeviceBackups", otherDeviceBackups);
    }

    /**
     * Sizes and app backups known; other devices' backups unknown.
     *
     * @param totalBytes plan size in bytes, or {@code null}
     * @param usedBytes bytes used, or {@code null}
     * @param nextBackupBytes next backup in bytes, or {@code null}
     * @param appBackups the apps in this iPhone's backup, or {@code null}
     */
    public StorageStatus(Long totalBytes, Long usedBytes, Long nextBackupBytes, List<AppBackup> appBackups) {
        this(totalBytes, usedBytes, nextBackupBytes, appBackups, null);
    }

    private static void requireKnownByteCount(String field, Long bytes) {
        if (bytes != null) {
            requireByteCount(field, bytes.longValue());
        }
    }

    /**
     * Checks a byte count of this section or of one of its lists' entries.
     *
     * @param field the field's name, for the message
     * @param bytes the count to check
     * @throws IllegalArgumentException unless 0 ≤ bytes ≤ {@link #MAX_BYTES}
     */
    static void requireByteCount(String field, long bytes) {
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException(field + " must be between 0 and " + MAX_BYTES + ", was " + bytes);
        }
    }

    private static <T> List<T> copyOf(String field, List<T> backups) {
        if (backups != null && backups.size() > MAX_BACKUPS) {
            throw new IllegalArgumentException(field + " may hold at most " + MAX_BACKUPS + " entries, had " + backups.size());
        }
        return backups == null ? null : List.copyOf(backups);
    }

    /** Whether total, used and next-backup sizes are all known. */
    private boolean sizesKnown() {
        return totalBytes != null && usedBytes != null && nextBackupBytes != null;
    }

    /**
     * The free iCloud space, as Settings shows it under the storage bar.
     *
     * @return plan size minus used, in bytes, or {@code null} when either is unknown
     */
    public Long freeBytes() {
        return totalBytes == null || usedBytes == null ? null : totalBytes - usedBytes;
    }

    /**
     * Whether the next backup fails for lack of iCloud space.
     *
     * @return YES when the next backup is larger than the free space; UNKNOWN when a size is
     */
    public Answer tooFull() {
        return sizesKnown() ? Answer.of(nextBackupBytes > freeBytes()) : Answer.UNKNOWN;
    }

    /**
     * How much room must be made before the next backup fits.
     *
     * @return bytes the next backup needs beyond the free space; 0 when it fits or is unknown
     */
    public long shortfallBytes() {
        return tooFull() == Answer.YES ? nextBackupBytes - freeBytes() : 0;
    }

    /**
     * The other devices' backups to delete, largest first (equal sizes in the order listed), leaving
     * out those of 0 bytes: just enough to cover the shortfall, or all of them when even all can't.
     * Where a size is unknown, so is the shortfall: then every one (Back Up Now may have said that
     * storage is short). Empty when nothing is short or none are listed.
     *
     * @return the backups to delete, largest first, unmodifiable
     */
    public List<DeviceBackup> oldBackupsToDelete() {
        long shortfall = sizesKnown() ? shortfallBytes() : Long.MAX_VALUE;
        if (shortfall == 0 || otherDeviceBackups == null) {
            return List.of();
        }
        List<DeviceBackup> largestFirst = new ArrayList<>(otherDeviceBackups);
        largestFirst.sort(LARGEST_DEVICE_FIRST);
        List<DeviceBackup> chosen = new ArrayList<>();
        long freed = 0;
        for (DeviceBackup backup : largestFirst) {
            if (freed >= shortfall || backup.bytes() == 0) {
                break;
            }
            chosen.add(backup);
            freed += backup.bytes();
        }
        return List.copyOf(chosen);
    }

    /**
     * What deleting {@link #oldBackupsToDelete()} frees.
     *
     * @return their bytes together; 0 when none are to be deleted
     */
    public long oldBackupsToDeleteBytes() {
        return oldBackupsToDelete().stream().mapToLong(DeviceBackup::bytes).sum();
    }

    /**
     * Whether deleting the other devices' backups makes all the room the next backup needs.
     *
     * @return true when something is short and deleting every one of them covers it
     */
    public boolean oldBackupsCoverShortfall() {
        return shortfallBytes() > 0 && shortAfterOldBackups() == 0;
    }

    /**
     * What is still short after deleting every other device's backup (unknown ones count as none).
     *
     * @return bytes still short; 0 when nothing is
     */
    public long shortAfterOldBackups() {
        long shortfall = shortfallBytes();
        if (shortfall == 0 || otherDeviceBackups == null) {
            return shortfall;
        }
        long old = 0;
        for (DeviceBackup backup : otherDeviceBackups) {
            old += backup.bytes();
        }
        return Math.max(0, shortfall - old);
    }

    /**
     * YES when switching off app backups can cover what is still short after the old device backups
     * go, NO when even all of them can't, UNKNOWN when the app backups aren't listed. NO when
     * nothing is left to cover.
     *
     * @return whether turning off app backups is enough, after the old devices' backups
     */
    public Answer appBackupsCoverTheRest() {
        long rest = shortAfterOldBackups();
        if (rest == 0) {
            return Answer.NO;
        }
        if (appBackups == null) {
            return Answer.UNKNOWN;
        }
        long listed = 0;
        for (AppBackup backup : appBackups) {
            listed += backup.bytes();
        }
        return Answer.of(listed >= rest);
    }

    /**
     * The fewest app backups to switch off, largest first (equal sizes in the order listed), that
     * cover what is still short after the old device backups; empty when they can't cover it or
     * nothing needs covering. Where a size is unknown, so is what is short: then every one with data
     * (Back Up Now may have said that storage is short).
     *
     * @return the app backups to turn off, largest first, unmodifiable
     */
    public List<AppBackup> appBackupsToSwitchOff() {
        if (!sizesKnown()) {
            return appBackups == null ? List.of() : appBackups.stream().filter(backup -> backup.bytes() > 0)
                    .sorted(LARGEST_APP_FIRST).toList();
        }
        if (appBackupsCoverTheRest() != Answer.YES) {
            return List.of();
        }
        long rest = shortAfterOldBackups();
        List<AppBackup> largestFirst = new ArrayList<>(appBackups);
        largestFirst.sort(LARGEST_APP_FIRST);
        List<AppBackup> chosen = new ArrayList<>();
        long freed = 0;
        for (AppBackup backup : largestFirst) {
            if (freed >= rest) {
                break;
            }
            chosen.add(backup);
            freed += backup.bytes();
        }
        return List.copyOf(chosen);
    }

    /**
     * What switching off {@link #appBackupsToSwitchOff()} frees.
     *
     * @return their bytes together; 0 when none are to be switched off
     */
    public long appBackupsToSwitchOffBytes() {
        return appBackupsToSwitchOff().stream().mapToLong(AppBackup::bytes).sum();
    }

    /**
     * A copy with the plan size replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public StorageStatus withTotalBytes(Long value) {
        return new StorageStatus(value, usedBytes, nextBackupBytes, appBackups, otherDeviceBackups);
    }

    /**
     * A copy with the space used replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public StorageStatus withUsedBytes(Long value) {
        return new StorageStatus(totalBytes, value, nextBackupBytes, appBackups, otherDeviceBackups);
    }

    /**
     * A copy with the next backup's size replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public StorageStatus withNextBackupBytes(Long value) {
        return new StorageStatus(totalBytes, usedBytes, value, appBackups, otherDeviceBackups);
    }

    /**
     * A copy with the list of app backups replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public StorageStatus withAppBackups(List<AppBackup> value) {
        return new StorageStatus(totalBytes, usedBytes, nextBackupBytes, value, otherDeviceBackups);
    }

    /**
     * A copy with the list of other devices' backups replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public StorageStatus withOtherDeviceBackups(List<DeviceBackup> value) {
        return new StorageStatus(totalBytes, usedBytes, nextBackupBytes, appBackups, value);
    }
}
