package dev.backupdoctor.facts;

import java.util.Objects;

/** One app's data in this iPhone's iCloud backup, as listed under Manage Account Storage → Backups. *
 * @param app the name of the app as Settings lists it, e.g. {@code "WhatsApp"}
 * @param bytes the size of its backup in bytes, 0 to {@link StorageStatus#MAX_BYTES}
 */
@Example("{\"app\": \"WhatsApp\", \"bytes\": 900000000}")
public record AppBackup(String app, long bytes) {

    /**
     * Checks the name and size.
     *
     * @param app the name, not {@code null}
     * @param bytes the size in bytes
     * @throws IllegalArgumentException if {@code bytes} is negative or above {@link StorageStatus#MAX_BYTES}
     */
    public AppBackup {
        Objects.requireNonNull(app, "app");
        StorageStatus.requireByteCount("bytes", bytes);
    }
}
