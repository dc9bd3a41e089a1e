package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.facts.DeviceSnapshot;

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
     * The closing line on standard error of {@code import}, and of {@code batch} and {@code report}
     * with {@code --from}: "5 devices written, 1 skipped (not an iPhone), 0 unreadable".
     */
    static String counts(long devices, String what, long skipped, long unreadable) {
        return devices + (devices == 1 ? " device " : " devices ") + what + ", "
                + skipped + " skipped (not " + (skipped == 1 ? "an iPhone" : "iPhones") + "), "
                + unreadable + " unreadable";
    }

    /** Thrown while mapping a record that can't be used; the message says why. */
    final class UnusableRecord extends RuntimeException {

        public UnusableRecord(String message) {
            super(message, null, false, false);
        }
    }
}
