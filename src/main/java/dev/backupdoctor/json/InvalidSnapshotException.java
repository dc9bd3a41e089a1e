package dev.backupdoctor.json;

/**
 * A snapshot was rejected. The message is {@code <JSON path>: <problem>}, for example
 * {@code $.wifi.signalBars: must be between 0 and 3, was 7}; {@link #path()} and {@link #problem()}
 * give the two parts.
 */
public final class InvalidSnapshotException extends RuntimeException {

    private final String path;
    private final String problem;

    InvalidSnapshotException(String path, String problem) {
        // No stack trace: rejecting input is an expected outcome, and a batch may reject many lines.
        super(path + ": " + problem, null, false, false);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the snapshot, as a JSON path such as {@code $.storage.appBackups[2].bytes}; {@code $} for the whole input. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
