package dev.backupdoctor.facts;

import java.util.Arrays;
import java.util.regex.Pattern;

/** A dotted iOS version ("17", "17.1", "17.1.2"), compared numerically: "17.10" is newer than "17.9". */
public final class IosVersion implements Comparable<IosVersion> {

    private static final Pattern DOTTED = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}");

    private final int[] parts;

    private IosVersion(int[] parts) {
        this.parts = parts;
    }

    /**
     * @throws IllegalArgumentException if the text is not one to four dot-separated numbers
     */
    public static IosVersion parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            throw new IllegalArgumentException("not a version like \"17.1.2\": \"" + text + "\"");
        }
        return new IosVersion(Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    /** Missing trailing parts count as zero, so "17" equals "17.0". */
    @Override
    public int compareTo(IosVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int difference = Integer.compare(part(i), other.part(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** The first part: 17 for "17.1.2". */
    public int major() {
        return parts[0];
    }

    public boolean isOlderThan(IosVersion other) {
        return compareTo(other) < 0;
    }

    private int part(int index) {
        return index < parts.length ? parts[index] : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IosVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 1 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            text.append('.').append(parts[i]);
        }
        return text.toString();
    }
}
