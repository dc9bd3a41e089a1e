package dev.backupdoctor.facts;

import java.util.Arrays;

/**
 * A dotted iOS version ("17", "17.1", "17.1.2"), compared numerically part by part: "17.10" is newer
 * than "17.9", and missing parts count as zero, so "17" equals "17.0". Parts may have any number of
 * digits.
 */
public final class IosVersion implements Comparable<IosVersion> {

    /** Each part as its digits without leading zeros ("0" for zero), so that comparing needs no number type. */
    private final String[] parts;

    private IosVersion(String[] parts) {
        this.parts = parts;
    }

    /**
     * Reads a version as Settings > General > About shows it.
     *
     * @param text e.g. {@code "17.1.2"}; leading zeros in a part are ignored
     * @return the version
     * @throws IllegalArgumentException if the text is not dot-separated ASCII numbers
     */
    public static IosVersion parse(String text) {
        if (text == null || text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
            throw notAVersion(text);
        }
        String[] parts = text.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw notAVersion(text);
            }
            for (int c = 0; c < part.length(); c++) {
                if (part.charAt(c) < '0' || part.charAt(c) > '9') {
                    throw notAVersion(text);
                }
            }
            int firstDigit = 0;
            while (firstDigit < part.length() - 1 && part.charAt(firstDigit) == '0') {
                firstDigit++;
            }
            parts[i] = part.substring(firstDigit);
        }
        return new IosVersion(parts);
    }

    private static IllegalArgumentException notAVersion(String text) {
        return new IllegalArgumentException("not a version like \"17.1.2\": \"" + text + "\"");
    }

    @Override
    public int compareTo(IosVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            String mine = part(i);
            String theirs = other.part(i);
            int difference = mine.length() != theirs.length()
                    ? Integer.compare(mine.length(), theirs.length()) : mine.compareTo(theirs);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /**
     * Whether this version is older, so an update is available if {@code other} is the latest.
     *
     * @param other the version to compare with
     * @return {@code true} if this one comes before {@code other}; {@code false} if equal or newer
     */
    public boolean isOlderThan(IosVersion other) {
        return compareTo(other) < 0;
    }

    /**
     * The first part, which decides which features an iPhone has (Back Up Over Cellular needs 15).
     *
     * @return 17 for "17.1.2"; {@link Integer#MAX_VALUE} for a first part too large for an {@code int}
     */
    public int major() {
        String major = parts[0];
        return major.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(major);
    }

    private String part(int index) {
        return index < parts.length ? parts[index] : "0";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IosVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 1 && parts[end - 1].equals("0")) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    /** The version as it was written, less leading zeros in its parts. */
    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
