package dev.backupdoctor.facts;

/** Byte counts as a person reads them in Settings, in decimal units as Apple shows them: "1.5 GB", "350 MB". */
public final class Sizes {

    private static final long MB = 1_000_000L;
    private static final long GB = 1_000_000_000L;
    private static final long TENTH_GB = GB / 10;

    private Sizes() {
    }

    public static String readable(long bytes) {
        // Plain arithmetic instead of String.format, which costs microseconds in every diagnosis;
        // rounds half up to the tenth like "%.1f" did (FactsTest checks the two agree).
        if (bytes >= TENTH_GB) {
            long tenths = bytes / TENTH_GB + (bytes % TENTH_GB >= TENTH_GB / 2 ? 1 : 0);
            return tenths / 10 + "." + tenths % 10 + " GB";
        }
        if (bytes >= MB) {
            return Math.round(bytes / (double) MB) + " MB";
        }
        return bytes + " bytes";
    }
}
