package dev.backupdoctor.cli;

import dev.backupdoctor.RuleFailedException;

/**
 * A batch that stopped before the end of its input because a rule ran the JVM out of memory: every
 * thread may have failed half-way then, so no later line's result could be trusted. Exit status 1.
 */
final class BatchStopped extends RuntimeException {

    static final String BATCH = "the batch stopped: its output ends with a whole line from before this one,"
            + " and later lines were not diagnosed";
    static final String REPORT = "the report stopped: nothing was printed, and later lines were not diagnosed";

    private final long line;

    BatchStopped(long line, RuleFailedException cause) {
        this(line, cause, BATCH);
    }

    private BatchStopped(long line, RuleFailedException cause, String stopped) {
        super("line " + line + ": " + cause.getMessage() + "; " + stopped, cause, false, false);
        this.line = line;
    }

    /** The same failure as {@code report} tells it, which prints nothing when it stops. */
    BatchStopped forReport() {
        return new BatchStopped(line, (RuleFailedException) getCause(), REPORT);
    }
}
