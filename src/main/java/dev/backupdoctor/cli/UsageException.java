package dev.backupdoctor.cli;

/** The command line was given something it can't use (a missing file, a folder as a file): exit 2 with this message. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
