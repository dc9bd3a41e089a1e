package dev.backupdoctor.facts;

import java.util.Locale;

/** Byte counts as a person reads them in Settings, in decimal units as Apple shows them: "1.5 GB", "350 MB". */
public final class Sizes {

    private static final long MB = 1_000_000L;
    private static final long GB = 1_000_000_000L;

    private Sizes() {
    }

    public static String readable(long bytes) {
        if (bytes >= GB / 10) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
        }
        if (bytes >= MB) {
            return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) MB));
        }
        return bytes + " bytes";
    }
}
