package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import java.time.Instant;
import java.util.Arrays;

/**
 * What an inventory knows of a device, each {@code null} when it doesn't say.
 *
 * @param asOf the moment backup ages are counted to, {@code null} when there is none
 */
record KnownDevice(String id, String model, String iosVersion, Boolean backupEnabled, Instant lastBackup, Instant asOf,
        Integer batteryPercent) {

    /**
     * The device's snapshot, everything else unknown.
     *
     * @param idFields where the id came from, for the message when it is too long
     */
    InventoryRecord.Device device(IosVersion latestIos, String idFields) {
        DeviceInfo device = DeviceInfo.UNKNOWN.withModel(model).withIosVersion(versionOrUnknown(iosVersion))
                .withLatestIosVersion(latestIos);
        boolean aged = lastBackup != null && asOf != null;
        ICloudSettings icloud = ICloudSettings.UNKNOWN.withBackupEnabled(Answer.of(backupEnabled))
                .withLastBackupDaysAgo(aged ? InventorySettings.daysAgo(lastBackup, asOf) : null);
        PowerState power = PowerState.UNKNOWN.withBatteryPercent(batteryPercent);
        try {
            return new InventoryRecord.Device(DeviceSnapshot.unknown().withId(id).with(device).with(icloud).with(power),
                    aged && lastBackup.isAfter(asOf));
        } catch (IllegalArgumentException tooLong) {
            throw new InventoryRecord.UnusableRecord(idFields + ": " + tooLong.getMessage());
        }
    }

    /** The first candidate that is neither missing nor empty: an empty serial number names no device. */
    static String firstNonEmpty(String... candidates) {
        return Arrays.stream(candidates).filter(candidate -> candidate != null && !candidate.isEmpty()).findFirst().orElse(null);
    }

    /** Dotted ASCII numbers; anything else (a beta's "17.0 (21A5248v)") leaves the version unknown. */
    private static IosVersion versionOrUnknown(String text) {
        try {
            return text == null ? null : IosVersion.parse(text);
        } catch (IllegalArgumentException notDotted) {
            return null;
        }
    }
}
