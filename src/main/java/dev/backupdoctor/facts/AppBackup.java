package dev.backupdoctor.facts;

import java.util.Objects;

/** One app's data in this iPhone's iCloud backup, as listed under Manage Account Storage → Backups. */
@Example("{\"app\": \"WhatsApp\", \"bytes\": 900000000}")
public record AppBackup(String app, long bytes) {

    public AppBackup {
        Objects.requireNonNull(app, "app");
        Sizes.requireByteCount("bytes", bytes);
    }
}
