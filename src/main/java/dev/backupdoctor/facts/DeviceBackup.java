package dev.backupdoctor.facts;

import java.util.Objects;

/** Another device's backup in the same iCloud account (an old iPhone or iPad), as listed under Backups. *
 * @param device the name of the device as Settings lists it, e.g. {@code "Old iPad"}
 * @param bytes the size of its backup in bytes, 0 to {@link StorageStatus#MAX_BYTES}
 */
@Example("{\"device\": \"Old iPad\", \"bytes\": 700000000}")
public record DeviceBackup(String device, long bytes) {

    /**
     * Checks the name and size.
     *
     * @param device the name, not {@code null}
     * @param bytes the size in bytes
     * @throws IllegalArgumentException if {@code bytes} is negative or above {@link StorageStatus#MAX_BYTES}
     */
    public DeviceBackup {
        Objects.requireNonNull(device, "device");
        StorageStatus.requireByteCount("bytes", bytes);
    }
}
