package dev.backupdoctor.facts;

/**
 * A yes/no fact that may not be known. A snapshot field that is absent or null is {@link #UNKNOWN},
 * never {@link #NO}: "we don't know whether Wi-Fi is on" and "Wi-Fi is off" lead to different advice.
 */
public enum Answer {
    /** Known to be so. */
    YES,
    /** Known not to be so. */
    NO,
    /** Not known; leads to a CHECK rather than a FIX. */
    UNKNOWN;

    /**
     * Converts a nullable boolean.
     *
     * @param value the boolean, or {@code null} when not known
     * @return {@code true} → YES, {@code false} → NO, {@code null} → UNKNOWN
     */
    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    static Answer orUnknown(Answer answer) {
        return answer == null ? UNKNOWN : answer;
    }
}
