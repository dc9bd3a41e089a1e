package dev.backupdoctor.cli;

import dev.backupdoctor.cli.common.Printable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Standard output, as bytes ({@code batch}'s lines) or as UTF-8 text ({@link #text}), keeping the
 * first {@link IOException} a write threw: {@link PrintWriter} swallows it, and then a full disk
 * would pass for success. After a failure nothing more is written, so what was written is a
 * prefix of the output. A reader that went away (a closed pipe) also fails writes, but is no
 * error: nobody reads the rest.
 */
final class StandardOutput extends OutputStream {

    /** What Java says when the reader of a pipe has gone: EPIPE on Linux and macOS, then Windows' two wordings. */
    private static final Set<String> READER_GONE = Set.of("Broken pipe", "The pipe is being closed", "The pipe has been ended");

    private final OutputStream target;
    private final PrintWriter text;
    private volatile IOException failure;

    StandardOutput(OutputStream target) {
        this.target = target;
        this.text = new PrintWriter(new BufferedWriter(new OutputStreamWriter(this, StandardCharsets.UTF_8), 1 << 16));
    }

    /** The same output as text; a write that fails sets its error flag, and is kept here. */
    PrintWriter text() {
        return text;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        throwIfFailed();
        try {
            target.write(bytes, offset, length);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void flush() throws IOException {
        throwIfFailed();
        try {
            target.flush();
        } catch (IOException e) {
            throw keep(e);
        }
    }

    /** Flushes the text; {@code true} when nothing more can be written: its reader has gone, or a write failed. */
    boolean stopped() {
        text.flush();
        return failure != null;
    }

    /**
     * Flushes the text; the one-line message for a write that failed, or nothing when none did or
     * only the reader has gone.
     */
    Optional<String> failedWrite() {
        if (!stopped()) {
            return Optional.empty();
        }
        String reason = Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
        if (READER_GONE.contains(reason)) {
            return Optional.empty();
        }
        return Optional.of("standard output: cannot write: " + Printable.of(reason) + "; the output is incomplete");
    }

    private void throwIfFailed() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** The first failure is the one to report: a later one may only be its consequence. */
    private synchronized IOException keep(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return failure;
    }
}
