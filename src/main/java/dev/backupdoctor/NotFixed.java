package dev.backupdoctor;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.Sizes;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a consultation learns when an action was followed and the backup still fails (the contract's
 * "answered no" table): a TRY was tried; a FIX or CHECK was done, so its fact now holds the value
 * that removes the cause. The one place that knows it, so the table and the code can be read side by side.
 */
final class NotFixed {

    private NotFixed() {
    }

    /**
     * The snapshot after {@code action}, of {@code snapshot}'s plan, was followed without fixing the backup.
     * An id the table lacks (an extension's FIX or CHECK) changes nothing.
     */
    static DeviceSnapshot apply(DeviceSnapshot snapshot, Action action) {
        if (action.kind() == Kind.TRY) {
            return snapshot.withTried(action.id());
        }
        return switch (action.id()) {
            case "ALLOW_ICLOUD_BACKUP" -> snapshot.with(snapshot.restrictions().withBackupAllowed(YES));
            case "TURN_ON_ICLOUD_BACKUP" -> snapshot.with(snapshot.icloud().withBackupEnabled(YES));
            case "LOCK_IPHONE" -> snapshot.with(snapshot.device().withScreenLocked(YES));
            case "CONNECT_TO_WIFI" -> snapshot.with(snapshot.wifi().withEnabled(YES).withConnected(YES));
            case "MOVE_CLOSER_TO_ROUTER" -> snapshot.with(snapshot.wifi().withSignalBars(WifiStatus.MAX_SIGNAL_BARS));
            case "TURN_OFF_LOW_DATA_MODE" -> snapshot.with(snapshot.wifi().withLowDataMode(NO));
            case "TURN_ON_CELLULAR_BACKUP" -> snapshot.with(snapshot.icloud().withBackupOverCellular(YES));
            case "CONNECT_TO_POWER" -> snapshot.with(snapshot.power().withConnected(YES));
            case "TRY_ANOTHER_CABLE" -> snapshot.with(snapshot.power().withCharging(YES));
            case "DELETE_OLD_DEVICE_BACKUPS" -> snapshot.with(oldBackupsDeleted(snapshot.storage()));
            case "FREE_UP_ICLOUD_STORAGE" -> action.kind() == Kind.FIX ? snapshot.with(appBackupsSwitchedOff(snapshot.storage())) : snapshot;
            case "UPGRADE_ICLOUD_STORAGE" -> snapshot.with(justEnoughStorage(snapshot.storage()));
            case "WAIT_FOR_ICLOUD_SERVICE", "CHECK_SYSTEM_STATUS" ->
                    snapshot.with(snapshot.service().withIcloudBackup(ServiceState.AVAILABLE));
            case "VERIFY_ACCOUNT_EMAIL" -> snapshot.with(snapshot.icloud().withEmailVerified(YES));
            case "TURN_ON_TWO_FACTOR" -> snapshot.with(snapshot.icloud().withTwoFactor(YES));
            case "PAUSE_NETWORK_FILTER" -> snapshot.with(snapshot.wifi().withFiltered(NO));
            case "FIND_APP_BREAKING_BACKUP" -> snapshot.with(snapshot.device().withSideloadedApps(NO)).withTried(action.id());
            case "SIGN_IN_TO_ICLOUD" -> snapshot.with(snapshot.icloud().withSignedIn(YES));
            case "SIGN_OUT_AND_BACK_IN" -> snapshot.with(snapshot.icloud().withVerificationRequired(NO)).withTried(action.id());
            default -> snapshot;
        };
    }

    /** The backups DELETE_OLD_DEVICE_BACKUPS named, chosen as its rule chose them, are gone and their space is free. */
    private static StorageStatus oldBackupsDeleted(StorageStatus storage) {
        List<DeviceBackup> deleted = storage.oldBackupsToDelete();
        if (deleted.isEmpty()) {
            return storage;
        }
        return storage.withOtherDeviceBackups(without(storage.otherDeviceBackups(), deleted))
                .withUsedBytes(less(storage.usedBytes(), sum(deleted, DeviceBackup::bytes)));
    }

    /** The app backups FREE_UP_ICLOUD_STORAGE named, chosen as its rule chose them, are out of the next backup. */
    private static StorageStatus appBackupsSwitchedOff(StorageStatus storage) {
        List<AppBackup> switchedOff = storage.appBackupsToSwitchOff();
        if (switchedOff.isEmpty()) {
            return storage;
        }
        return storage.withAppBackups(without(storage.appBackups(), switchedOff))
                .withNextBackupBytes(less(storage.nextBackupBytes(), sum(switchedOff, AppBackup::bytes)));
    }

    /** A plan just big enough for what is stored and the next backup. */
    private static StorageStatus justEnoughStorage(StorageStatus storage) {
        if (storage.usedBytes() == null || storage.nextBackupBytes() == null) {
            return storage;
        }
        // Two sizes within the limit can add up past it; a plan can't be bigger than the limit.
        return storage.withTotalBytes(Math.min(Sizes.MAX_BYTES, storage.usedBytes() + storage.nextBackupBytes()));
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
