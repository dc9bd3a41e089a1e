package dev.backupdoctor.facts;

import java.util.Objects;

/** Another device's backup in the same iCloud account (an old iPhone or iPad), as listed under Backups. */
@Example("{\"device\": \"Old iPad\", \"bytes\": 700000000}")
public record DeviceBackup(String device, long bytes) {

    public DeviceBackup {
        Objects.requireNonNull(device, "device");
        Sizes.requireByteCount("bytes", bytes);
    }
}
