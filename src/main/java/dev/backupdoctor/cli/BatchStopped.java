package dev.backupdoctor.cli;

import dev.backupdoctor.RuleFailedException;

/**
 * A batch that stopped before the end of its input because a rule ran the JVM out of memory: every
 * thread may have failed half-way then, so no later line's result could be trusted. Exit status 1.
 */
final class BatchStopped extends RuntimeException {

    BatchStopped(long line, RuleFailedException cause) {
        super("line " + line + ": " + cause.getMessage() + "; the batch stopped: its output ends with a whole line"
                + " from before this one, and later lines were not diagnosed", cause, false, false);
    }
}
