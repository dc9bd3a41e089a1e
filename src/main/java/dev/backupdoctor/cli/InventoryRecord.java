package dev.backupdoctor.cli;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;

/**
 * One device record of an inventory, found but not yet mapped: mapping (for MDM, reading and parsing
 * the property list too) is the costly part, so a batch does it on its workers.
 */
interface InventoryRecord {

    /** Where the record is, as messages name it: the file, and the record's position in it when the file holds many. */
    String where();

    /** The record as a snapshot, or why not. Never throws for bad input. */
    Outcome map();

    /** What became of a record. */
    sealed interface Outcome {
    }

    /** A device: its snapshot, with only what the inventory knows. */
    record Device(DeviceSnapshot snapshot) implements Outcome {
    }

    /** A device that is not an iPhone, left out. */
    record Skipped(String modelIdentifier) implements Outcome {
    }

    /** A record that can't be read, and why. */
    record Unreadable(String problem) implements Outcome {
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

        UnusableRecord(String message) {
            super(message, null, false, false);
        }
    }
}
