package dev.backupdoctor.cli.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/**
 * The command line was given something it can't use (a missing file, a folder as a file): exit 2
 * with this message, which quotes a file name cut as {@link Printable#cut} does.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }

    /** {@code file} exists but reading it failed; the reason without the path that Java's message repeats. */
    public static UsageException cannotRead(String file, IOException e) {
        return new UsageException(Printable.cut(file) + ": cannot read: " + reason(e));
    }

    /** Writing {@code file} failed; the reason without the path that Java's message repeats. */
    public static UsageException cannotWrite(String file, IOException e) {
        return new UsageException(Printable.cut(file) + ": cannot write: " + reason(e));
    }

    public static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException problem && problem.getReason() != null ? problem.getReason()
                : e.getMessage();
    }
}
