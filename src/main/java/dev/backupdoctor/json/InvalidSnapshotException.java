package dev.backupdoctor.json;

/**
 * A snapshot was rejected. The message is {@code <JSON path>: <problem>}, for example
 * {@code $.wifi.signalBars: must be between 0 and 3, was 7}; {@link #path()} and {@link #problem()}
 * give the two parts.
 */
public final class InvalidSnapshotException extends RuntimeException {

    /** The JSON path of the rejected value; see {@link #path()}. */
    private final String path;
    /** What is wrong with it; see {@link #problem()}. */
    private final String problem;

    /** Whether the input ended inside an object, array or string; see {@link #unfinished()}. */
    private final boolean unfinished;

    InvalidSnapshotException(String path, String problem) {
        this(path, problem, false);
    }

    InvalidSnapshotException(String path, String problem, boolean unfinished) {
        // No stack trace: rejecting input is an expected outcome, and a batch may reject many lines.
        super(path + ": " + problem, null, false, false);
        this.path = path;
        this.problem = problem;
        this.unfinished = unfinished;
    }

    /**
     * Where in the snapshot the problem is, for pointing a person at the offending value.
     *
     * @return a JSON path such as {@code $.storage.appBackups[2].bytes}; {@code $} for the whole input
     */
    public String path() {
        return path;
    }

    /**
     * What is wrong, without the path.
     *
     * @return such as {@code must be between 0 and 3, was 7}
     */
    public String problem() {
        return problem;
    }

    /**
     * Whether the input ended inside an object, an array or a string: JSON cut short, or, for a
     * caller reading one line at a time, a snapshot written over several lines.
     *
     * @return {@code true} when the JSON ends before it is complete
     */
    public boolean unfinished() {
        return unfinished;
    }
}
