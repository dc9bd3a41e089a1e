package dev.backupdoctor.cli.common;

/**
 * Text from a snapshot, a rule or an argument as a terminal can show it without harm: control
 * characters (ESC, BEL, line breaks), line and paragraph separators and bidirectional overrides
 * (U+202E and friends), which could clear, retitle or reorder the screen of the person reading,
 * are shown as {@code \u001B}-style escapes. Everything else, emoji sequences included, passes as is.
 */
public final class Printable {

    /** How much of an argument or a name a message quotes, as the snapshot reader quotes a value. */
    static final int MAX_QUOTED_CHARS = 60;

    private Printable() {
    }

    /** An argument or name as a message quotes it: cut to {@value #MAX_QUOTED_CHARS} characters. */
    public static String cut(String text) {
        return cut(text, MAX_QUOTED_CHARS);
    }

    public static String cut(String text, int maxChars) {
        return text.codePointCount(0, text.length()) <= maxChars ? text
                : text.substring(0, text.offsetByCodePoints(0, maxChars)) + "…";
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstHarmful(text);
        if (first < 0) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (harmful(codePoint)) {
                shown.append(String.format("\\u%04X", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return shown.toString();
    }

    private static int firstHarmful(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (harmful(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean harmful(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || codePoint >= 0x202A && codePoint <= 0x202E
                || codePoint >= 0x2066 && codePoint <= 0x2069;
    }
}
