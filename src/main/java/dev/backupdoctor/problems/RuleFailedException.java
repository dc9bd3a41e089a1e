package dev.backupdoctor.problems;

import java.time.Duration;

/**
 * A rule went wrong while a snapshot was diagnosed: its code threw, recursed too deeply, ran the
 * JVM out of memory, ran past the time limit, or rules kept firing without end
 * ({@link RunawayRuleException}). Only rules of your own can: the message names the rule and,
 * when known, where it is written ({@code rule "NAME" (file:line) failed: ...}).
 */
public class RuleFailedException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The rule's code threw an exception, which is this exception's cause. */
        THREW,
        /** The rule's code recursed until the thread's stack ran out. */
        STACK_OVERFLOW,
        /**
         * The JVM ran out of memory while the rule fired. Other threads may have failed too, half-way
         * through anything: don't trust the process for more work (see {@link #fatal()}).
         */
        OUT_OF_MEMORY,
        /** The diagnosis ran past the doctor's time limit and was stopped at its next rule firing. */
        TIME_LIMIT,
        /** Rules kept firing without end ({@link RunawayRuleException}). */
        RUNAWAY
    }

    /** How much of a rule's name a message shows: a name is the rule author's, of any length. */
    private static final int MAX_SHOWN_NAME_CHARS = 100;
    /** How much of the rule's own exception message a message shows, on one line. */
    private static final int MAX_SHOWN_CAUSE_CHARS = 300;

    /** The rule that was firing, or {@code null} when none was (a condition's code failed). */
    private final String rule;
    /** Where the rule is written, or {@code null}. */
    private final String location;
    /** What went wrong. */
    private final Reason reason;

    RuleFailedException(String message, String rule, String location, Reason reason, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.location = location;
        this.reason = reason;
    }

    /**
     * A rule whose code threw.
     *
     * @param rule the rule that was firing, or {@code null} when none was: a condition's code threw
     * @param location {@code file:line} where the rule is written, or {@code null} when not known
     * @param cause what its code threw
     * @return the failure, {@link Reason#THREW}
     */
    public static RuleFailedException threw(String rule, String location, Throwable cause) {
        return new RuleFailedException(ruleRef(rule, location) + " failed: " + describe(cause), rule, location,
                Reason.THREW, cause);
    }

    /**
     * A rule whose code recursed until the thread's stack ran out.
     *
     * @param rule the rule that was firing, or {@code null} when none was
     * @param location {@code file:line} where the rule is written, or {@code null} when not known
     * @param overflow the error
     * @return the failure, {@link Reason#STACK_OVERFLOW}
     */
    public static RuleFailedException recursedTooDeeply(String rule, String location, StackOverflowError overflow) {
        return new RuleFailedException(ruleRef(rule, location) + " failed: StackOverflowError, its code recursed too deeply",
                rule, location, Reason.STACK_OVERFLOW, overflow);
    }

    /**
     * A rule that was firing when the JVM ran out of memory.
     *
     * @param rule the rule that was firing, or {@code null} when none was
     * @param location {@code file:line} where the rule is written, or {@code null} when not known
     * @param exhausted the error
     * @return the failure, {@link Reason#OUT_OF_MEMORY}
     */
    public static RuleFailedException ranOutOfMemory(String rule, String location, OutOfMemoryError exhausted) {
        return new RuleFailedException(ruleRef(rule, location) + " failed: OutOfMemoryError, the JVM ran out of memory"
                + " while it fired", rule, location, Reason.OUT_OF_MEMORY, exhausted);
    }

    /**
     * A rule that was firing when a diagnosis ran past the time limit.
     *
     * @param rule the rule that was firing, or {@code null} when none was
     * @param location {@code file:line} where the rule is written, or {@code null} when not known
     * @param limit the time limit it ran past
     * @return the failure, {@link Reason#TIME_LIMIT}
     */
    public static RuleFailedException ranPastTimeLimit(String rule, String location, Duration limit) {
        return new RuleFailedException(ruleRef(rule, location) + " was still running after " + shown(limit)
                + ", the time limit for one diagnosis", rule, location, Reason.TIME_LIMIT, null);
    }

    /** {@code rule "NAME" (file:line)}, the name cut to a readable length. */
    static String ruleRef(String rule, String location) {
        if (rule == null) {
            return "a rule's condition (no rule was firing)";
        }
        return "rule \"" + cut(rule, MAX_SHOWN_NAME_CHARS) + "\"" + (location == null ? "" : " (" + location + ")");
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "an exception without a cause";
        }
        String message = cause.getMessage();
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + cut(line, MAX_SHOWN_CAUSE_CHARS));
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String shown(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** @return the name of the rule that was firing, or {@code null} when none was: a condition's code failed */
    public String rule() {
        return rule;
    }

    /** @return {@code file:line} where the rule is written, or {@code null} when not known */
    public String location() {
        return location;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /**
     * @return {@code true} when the process should not go on diagnosing: the JVM ran out of memory,
     *     and whatever else was running then may have been left half-done
     */
    public boolean fatal() {
        return reason == Reason.OUT_OF_MEMORY;
    }
}
