package dev.backupdoctor.facts;

import java.util.Objects;

/** One app's backed-up data in iCloud, as listed under Manage Storage. */
public record AppBackup(String app, long bytes) {

    public AppBackup {
        Objects.requireNonNull(app, "app");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be at least 0, was " + bytes);
        }
    }
}
