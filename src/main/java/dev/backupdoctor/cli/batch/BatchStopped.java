package dev.backupdoctor.cli.batch;

import dev.backupdoctor.problems.RuleFailedException;

/**
 * A batch that stopped before the end of its input because a rule ran the JVM out of memory: every
 * thread may have failed half-way then, so no later line's result could be trusted. Exit status 1.
 */
public final class BatchStopped extends RuntimeException {

    public static final String BATCH = "the batch stopped: its output ends with a whole line from before this one,"
            + " and later lines were not diagnosed";
    public static final String REPORT = "the report stopped: nothing was printed, and later lines were not diagnosed";

    private final String entry;

    /** @param entry the entry the rule failed on, as messages name it: "line 17", "record 17" */
    BatchStopped(String entry, RuleFailedException cause) {
        this(entry, cause, BATCH);
    }

    private BatchStopped(String entry, RuleFailedException cause, String stopped) {
        super(entry + ": " + cause.getMessage() + "; " + stopped, cause, false, false);
        this.entry = entry;
    }

    /** The same failure as {@code report} tells it, which prints nothing when it stops. */
    public BatchStopped forReport() {
        return new BatchStopped(entry, (RuleFailedException) getCause(), REPORT);
    }
}
