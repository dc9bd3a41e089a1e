package dev.backupdoctor.facts;

/**
 * A yes/no fact that may not be known. A snapshot field that is absent or null is {@link #UNKNOWN},
 * never {@link #NO}: "we don't know whether Wi-Fi is on" and "Wi-Fi is off" lead to different advice.
 */
public enum Answer {
    YES, NO, UNKNOWN;

    /** {@code true} → YES, {@code false} → NO, {@code null} → UNKNOWN. */
    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    static Answer orUnknown(Answer answer) {
        return answer == null ? UNKNOWN : answer;
    }
}
