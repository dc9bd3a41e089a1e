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
 * One device record of an inventory, found but not yet mapped: mapping (for MDM, reading and parsing
 * the property list too) is the costly part, so a batch does it on its workers.
 */
public interface InventoryRecord {

    /** Where the record is, as messages name it: the file, and the record's position in it when the file holds many. */
    String where();

    /** The record as a snapshot, or why not. Never throws for bad input. */
    Outcome map();

    /** What became of a record. */
    sealed interface Outcome {
    }

    /**
     * A device: its snapshot, with only what the inventory knows.
     *
     * @param backupAfterAsOf its last backup is after the moment ages are counted to, so its age counts as 0 days
     */
    record Device(DeviceSnapshot snapshot, boolean backupAfterAsOf) implements Outcome {
    }

    /** A device that is not an iPhone, left out. */
    record Skipped(String modelIdentifier) implements Outcome {
    }

    /** A record that can't be read, and why. */
    record Unreadable(String problem) implements Outcome {
    }

    /**
     * What an inventory knows of a device, each {@code null} when it doesn't say.
     *
     * @param asOf the moment backup ages are counted to, {@code null} when there is none
     */
    record Known(String id, String model, String iosVersion, Boolean backupEnabled, Instant lastBackup, Instant asOf,
            Integer batteryPercent) {

        /**
         * The device's snapshot, everything else unknown.
         *
         * @param idFields where the id came from, for the message when it is too long
         */
        Device device(IosVersion latestIos, String idFields) {
            DeviceInfo device = DeviceInfo.UNKNOWN.withModel(model).withIosVersion(versionOrUnknown(iosVersion))
                    .withLatestIosVersion(latestIos);
            boolean aged = lastBackup != null && asOf != null;
            ICloudSettings icloud = ICloudSettings.UNKNOWN.withBackupEnabled(Answer.of(backupEnabled))
                    .withLastBackupDaysAgo(aged ? InventorySettings.daysAgo(lastBackup, asOf) : null);
            PowerState power = PowerState.UNKNOWN.withBatteryPercent(batteryPercent);
            try {
                return new Device(DeviceSnapshot.unknown().withId(id).with(device).with(icloud).with(power),
                        aged && lastBackup.isAfter(asOf));
            } catch (IllegalArgumentException tooLong) {
                throw new UnusableRecord(idFields + ": " + tooLong.getMessage());
            }
        }
    }

    /** The first candidate that is neither missing nor empty: an empty serial number names no device. */
    static String firstNonEmpty(String... candidates) {
        return Arrays.stream(candidates).filter(candidate -> candidate != null && !candidate.isEmpty()).findFirst().orElse(null);
    }

    /** A record known to be unreadable before it is mapped: a file that can't be opened, a Jamf file that breaks off. */
    static InventoryRecord unreadable(String where, String problem) {
        return new InventoryRecord() {
            @Override
            public String where() {
                return where;
            }

            @Override
            public Outcome map() {
                return new Unreadable(problem);
            }
        };
    }

    /**
     * The closing line on standard error of {@code import}, and of {@code batch} and {@code report}
     * with {@code --from}: "5 devices written, 1 skipped (not an iPhone), 0 unreadable".
     */
    static String counts(long devices, String what, long skipped, long unreadable) {
        return devices + (devices == 1 ? " device " : " devices ") + what + ", "
                + skipped + " skipped (not " + (skipped == 1 ? "an iPhone" : "iPhones") + "), "
                + unreadable + " unreadable";
    }

    /** Dotted ASCII numbers; anything else (a beta's "17.0 (21A5248v)") leaves the version unknown. */
    static IosVersion versionOrUnknown(String text) {
        try {
            return text == null ? null : IosVersion.parse(text);
        } catch (IllegalArgumentException notDotted) {
            return null;
        }
    }

    /** Thrown while mapping a record that can't be used; the message says why. */
    final class UnusableRecord extends RuntimeException {

        public UnusableRecord(String message) {
            super(message, null, false, false);
        }
    }
}
