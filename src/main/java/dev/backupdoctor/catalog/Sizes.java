package dev.backupdoctor.catalog;

/** Byte counts as a person reads them in Settings, in decimal units as Apple shows them: "1.5 GB", "350 MB". */
public final class Sizes {

    private static final long MB = 1_000_000L;
    private static final long GB = 1_000_000_000L;
    private static final long TENTH_GB = GB / 10;

    private Sizes() {
    }

    /**
     * A size as Settings would show it: its amount and unit, for a message to word.
     *
     * @param amount {@code "1.5"} from a tenth of a GB, rounded half up; {@code "350"} from 1 MB; else the bytes
     * @param unit {@code "GB"}, {@code "MB"} or {@code "bytes"}
     */
    public record Readable(String amount, String unit) {
    }

    /**
     * A size as Settings would show it.
     *
     * @param bytes a byte count, not negative
     * @return {@code "1.5 GB"}, {@code "350 MB"} or {@code "999 bytes"}, as {@link #readableParts} splits them
     */
    public static String readable(long bytes) {
        Readable readable = readableParts(bytes);
        return readable.amount() + " " + readable.unit();
    }

    /**
     * A size as Settings would show it, in parts: the catalog's wording says it in its own words.
     *
     * @param bytes a byte count, not negative
     * @return 1.5 GB from a tenth of a GB, rounded half up; 350 MB from 1 MB; else 999 bytes
     */
    public static Readable readableParts(long bytes) {
        // Plain arithmetic instead of String.format, which costs microseconds in every diagnosis;
        // rounds half up to the tenth like "%.1f" did (FactsTest checks the two agree).
        if (bytes >= TENTH_GB) {
            long tenths = bytes / TENTH_GB + (bytes % TENTH_GB >= TENTH_GB / 2 ? 1 : 0);
            return new Readable(tenths / 10 + "." + tenths % 10, "GB");
        }
        if (bytes >= MB) {
            return new Readable(String.valueOf(Math.round(bytes / (double) MB)), "MB");
        }
        return new Readable(String.valueOf(bytes), "bytes");
    }
}
