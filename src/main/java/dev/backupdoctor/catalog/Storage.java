package dev.backupdoctor.catalog;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** What making room in iCloud changes, for the storage entries' "answered no": the room is made, and the backup still fails. */
final class Storage {

    private Storage() {
    }

    /** The backups DELETE_OLD_DEVICE_BACKUPS named, chosen as its rule chose them, are gone and their space is free. */
    static StorageStatus oldBackupsDeleted(StorageStatus storage) {
        List<DeviceBackup> deleted = storage.oldBackupsToDelete();
        if (deleted.isEmpty()) {
            return storage;
        }
        return storage.withOtherDeviceBackups(without(storage.otherDeviceBackups(), deleted))
                .withUsedBytes(less(storage.usedBytes(), sum(deleted, DeviceBackup::bytes)));
    }

    /** The app backups FREE_UP_ICLOUD_STORAGE's FIX named are out of the next backup; its CHECK changes nothing. */
    static DeviceSnapshot appBackupsSwitchedOff(DeviceSnapshot done, Kind kind) {
        StorageStatus storage = done.storage();
        List<AppBackup> switchedOff = storage.appBackupsToSwitchOff();
        if (kind != Kind.FIX) {
            return done;
        }
        if (switchedOff.isEmpty()) {
            return roomMade(done);
        }
        return roomMade(done.with(storage.withAppBackups(without(storage.appBackups(), switchedOff))
                .withNextBackupBytes(less(storage.nextBackupBytes(), sum(switchedOff, AppBackup::bytes)))));
    }

    /**
     * After room was made where the sizes are unknown, what Back Up Now said of storage is no longer
     * known: the plan asks to tap it again instead of making room once more.
     */
    static DeviceSnapshot roomMade(DeviceSnapshot done) {
        boolean saidStorage = done.icloud().backupMessage() == BackupMessage.NOT_ENOUGH_STORAGE;
        return saidStorage && done.storage().tooFull() == Answer.UNKNOWN ? done.with(done.icloud().withBackupMessage(null)) : done;
    }

    /** A plan just big enough for what is stored and the next backup. */
    static StorageStatus justEnough(StorageStatus storage) {
        if (storage.usedBytes() == null || storage.nextBackupBytes() == null) {
            return storage;
        }
        // Two sizes within the limit can add up past it; a plan can't be bigger than the limit.
        return storage.withTotalBytes(Math.min(StorageStatus.MAX_BYTES, storage.usedBytes() + storage.nextBackupBytes()));
    }

    /** One entry removed per entry named, so that of two equal backups only the one named goes. */
    private static <T> List<T> without(List<T> listed, List<T> removed) {
        List<T> left = new ArrayList<>(listed);
        removed.forEach(left::remove);
        return left;
    }

    private static <T> long sum(List<T> backups, ToLongFunction<T> bytes) {
        return backups.stream().mapToLong(bytes).sum();
    }

    /** Facts may contradict each other (backups listed larger than what is used): never below nothing. */
    private static Long less(Long bytes, long freed) {
        return bytes == null ? null : Math.max(0, bytes - freed);
    }
}
