package dev.backupdoctor.cli.batch;

import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.json.PlanWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code batch}'s output: each chunk's plans as UTF-8 JSON Lines, written to standard output in
 * input order. The output buffers are reused. While it is open, Ctrl-C or SIGTERM lets the chunk
 * being written finish, so the output ends with a whole line.
 */
public final class PlanLines implements Batch.Consumer<PlanLines.Chunk>, AutoCloseable {

    /** How long Ctrl-C waits for the chunk being written; only a reader that has stopped reading makes it wait. */
    private static final long FLUSH_ON_EXIT_WAIT_SECONDS = 5;
    /** A plan line is about 3.5 KB: most chunks fit without the buffer growing. */
    private static final int CHUNK_OUTPUT_BYTES = Batch.CHUNK_LINES * 4096;
    /** A buffer grown past this by a chunk of unusually long plans is dropped rather than kept for reuse. */
    private static final int REUSE_MAX_BYTES = 4 * CHUNK_OUTPUT_BYTES;

    private final PlanWriter writer = new PlanWriter();
    private final Output output;
    private final Thread flushOnExit;
    /** Output buffers the writer has emptied, for the workers to fill again. */
    private final BlockingQueue<Bytes> emptied;

    public PlanLines(OutputStream out, int workers) {
        this.output = new Output(out);
        this.emptied = new ArrayBlockingQueue<>(Batch.chunksAtOnce(workers));
        this.flushOnExit = new Thread(output::finish, "backup-doctor-flush");
        Runtime.getRuntime().addShutdownHook(flushOnExit);
    }

    @Override
    public Chunk newChunk() {
        Bytes json = emptied.poll();
        if (json == null) {
            json = new Bytes(CHUNK_OUTPUT_BYTES);
        }
        return new Chunk(json, writer.jsonLines(json));
    }

    /** Writes the chunk; {@code false} once standard output can't take more (a closed pipe, a failed write, or Ctrl-C). */
    @Override
    public boolean take(Chunk chunk) {
        if (!output.write(chunk.json)) {
            return false;
        }
        if (chunk.json.size() <= REUSE_MAX_BYTES) {
            chunk.json.reset();
            emptied.offer(chunk.json);
        }
        return true;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(flushOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it has ended the output.
        }
    }

    /** One chunk's plans as JSON Lines. */
    static final class Chunk implements Batch.Chunk {

        private final Bytes json;
        private final PlanWriter.JsonLines lines;

        private Chunk(Bytes json, PlanWriter.JsonLines lines) {
            this.json = json;
            this.lines = lines;
        }

        @Override
        public void plan(long line, Diagnosis diagnosis) throws IOException {
            lines.plan(line, diagnosis);
        }

        @Override
        public void invalid(long line, String error) throws IOException {
            lines.error(line, error);
        }

        @Override
        public void finish() throws IOException {
            lines.close();
        }
    }

    /**
     * Standard output written a whole chunk of lines at a time. On Ctrl-C or SIGTERM the JVM runs
     * the shutdown hook while this thread may be half-way through a chunk; {@link #finish} waits for
     * that chunk, flushes, and lets no more through, so the output ends with a whole line.
     */
    static final class Output {

        private final OutputStream out;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean finished;

        Output(OutputStream out) {
            this.out = out;
        }

        /** {@code false} when the output has been finished or a write failed, which standard output keeps for Main to report. */
        boolean write(Bytes bytes) {
            lock.lock();
            try {
                if (finished) {
                    return false;
                }
                bytes.writeTo(out);
                return true;
            } catch (IOException failed) {
                return false;
            } finally {
                lock.unlock();
            }
        }

        void finish() {
            try {
                if (lock.tryLock(FLUSH_ON_EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    try {
                        finished = true;
                        out.flush();
                    } catch (IOException failed) {
                        // Kept by standard output; the process is ending with the signal's status anyway.
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A chunk's output. */
    static final class Bytes extends ByteArrayOutputStream {

        Bytes(int size) {
            super(size);
        }
    }
}
