package dev.backupdoctor.engine;

/** A rule's code failed while a snapshot was diagnosed: it threw, recursed too deeply, ran out of memory or out of time. */
public final class RuleFailure extends RuntimeException {

    /** What went wrong in the rule. */
    public enum Reason {
        /** Its code threw an exception. */
        THREW,
        /** Its code recursed until the thread's stack ran out. */
        STACK_OVERFLOW,
        /** The JVM ran out of memory while it ran: the process is not to be trusted for more diagnoses. */
        OUT_OF_MEMORY,
        /** The diagnosis ran past its time limit while it fired. */
        TIME_LIMIT
    }

    private final String rule;
    private final String location;
    private final Reason reason;

    RuleFailure(String rule, String location, Reason reason, Throwable cause) {
        super(rule, cause, false, false);
        this.rule = rule;
        this.location = location;
        this.reason = reason;
    }

    /** The name of the rule that was firing. */
    public String rule() {
        return rule;
    }

    /** {@code file:line} of the rule, or {@code null} when it is not known. */
    public String location() {
        return location;
    }

    public Reason reason() {
        return reason;
    }
}
