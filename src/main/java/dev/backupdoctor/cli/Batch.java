package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.RuleFailedException;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Diagnoses JSON Lines as a bounded pipeline: a reader thread cuts the input into chunks of lines,
 * a fixed pool diagnoses chunks in parallel into UTF-8 JSON, and the calling thread writes those
 * bytes in input order. The queue of chunks in flight is bounded, so memory stays flat whatever the
 * input's size, and the output buffers are reused.
 */
final class Batch {

    /** The longest input line read; a longer one becomes an error line. One line is one snapshot, so the snapshot limit. */
    static final int MAX_LINE_BYTES = SnapshotReader.MAX_BYTES;
    /** Lines per chunk: enough to make handing work to a thread cheap, few enough to keep the output flowing. */
    private static final int CHUNK_LINES = 256;
    /** Diagnosed chunks waiting for the writer, per worker: enough to keep every worker busy while the writer catches up. */
    private static final int CHUNKS_QUEUED_PER_WORKER = 4;
    /** Bytes per chunk, so that chunks of long lines don't multiply memory. */
    private static final long CHUNK_BYTES = 4L << 20;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    /** How long Ctrl-C waits for the chunk being written; only a reader that has stopped reading makes it wait. */
    private static final long FLUSH_ON_EXIT_WAIT_SECONDS = 5;
    /** A plan line is about 3.5 KB: most chunks fit without the buffer growing. */
    private static final int CHUNK_OUTPUT_BYTES = CHUNK_LINES * 4096;
    /** A buffer grown past this by a chunk of unusually long plans is dropped rather than kept for reuse. */
    private static final int REUSE_MAX_BYTES = 4 * CHUNK_OUTPUT_BYTES;

    /**
     * @param lines the non-blank lines diagnosed
     * @param firstInvalid the first invalid line's number and error, or {@code null} when none was
     */
    record Result(long lines, long invalidLines, Invalid firstInvalid, boolean outputClosed) {
    }

    /** An invalid line: its number in the input and why. */
    record Invalid(long line, String error) {
    }

    private record Chunk(List<LineReader.Line> lines) {
    }

    private record ChunkResult(Bytes json, int lines, int invalidLines, Invalid firstInvalid) {
    }

    private static final Future<ChunkResult> END = CompletableFuture.completedFuture(null);

    private final BackupDoctor doctor;
    private final int workers;
    private final PrintStream progress;
    private final SnapshotReader reader = new SnapshotReader();
    private final PlanWriter writer = new PlanWriter();
    /** Output buffers the writer has emptied, for the workers to fill again. */
    private final BlockingQueue<Bytes> emptied;

    /** {@code progress}: where to show a progress line each second, or {@code null} for none. */
    Batch(BackupDoctor doctor, int workers, PrintStream progress) {
        this.doctor = doctor;
        this.workers = workers;
        this.progress = progress;
        // Every chunk that can exist at once: queued, being diagnosed, being written.
        this.emptied = new ArrayBlockingQueue<>(workers * (CHUNKS_QUEUED_PER_WORKER + 1) + 1);
    }

    Result run(InputStream in, Main.Context out) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("backup-doctor-worker"));
        BlockingQueue<Future<ChunkResult>> inFlight = new ArrayBlockingQueue<>(workers * CHUNKS_QUEUED_PER_WORKER);
        Thread feeder = daemon("backup-doctor-reader").newThread(() -> feed(new LineReader(in, MAX_LINE_BYTES), pool, inFlight));
        feeder.start();
        Output output = new Output(out);
        Thread flushOnExit = new Thread(output::finish, "backup-doctor-flush");
        Runtime.getRuntime().addShutdownHook(flushOnExit);
        long lines = 0;
        long invalid = 0;
        Invalid firstInvalid = null;
        long start = System.nanoTime();
        long lastProgress = start;
        try {
            for (Future<ChunkResult> next = inFlight.take(); next != END; next = inFlight.take()) {
                ChunkResult chunk = result(next);
                if (!output.write(chunk.json())) {
                    return new Result(lines, invalid, firstInvalid, true);
                }
                reuse(chunk.json());
                lines += chunk.lines();
                invalid += chunk.invalidLines();
                if (firstInvalid == null) {
                    firstInvalid = chunk.firstInvalid();
                }
                if (out.outputClosed()) {
                    return new Result(lines, invalid, firstInvalid, true);
                }
                long now = System.nanoTime();
                if (progress != null && now - lastProgress >= PROGRESS_EVERY_NANOS) {
                    showProgress(lines, now - start, false);
                    lastProgress = now;
                }
            }
            if (progress != null) {
                showProgress(lines, System.nanoTime() - start, true);
            }
            return new Result(lines, invalid, firstInvalid, out.outputClosed());
        } finally {
            removeShutdownHook(flushOnExit);
            feeder.interrupt();
            pool.shutdownNow();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it has ended the output.
        }
    }

    /**
     * Standard output written a whole chunk of lines at a time. On Ctrl-C or SIGTERM the JVM runs
     * the shutdown hook while this thread may be half-way through a chunk; {@link #finish} waits for
     * that chunk, flushes, and lets no more through, so the output ends with a whole line.
     */
    static final class Output {

        private final Main.Context out;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean finished;

        Output(Main.Context out) {
            this.out = out;
        }

        /** {@code false} when the output has been finished and the bytes were not written. */
        boolean write(Bytes bytes) {
            lock.lock();
            try {
                if (finished) {
                    return false;
                }
                bytes.copyTo(out.out());
                return true;
            } finally {
                lock.unlock();
            }
        }

        void finish() {
            try {
                if (lock.tryLock(FLUSH_ON_EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    try {
                        finished = true;
                        out.out().flush();
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

        /** PrintStream reports a failed write through {@code checkError}, not by throwing. */
        void copyTo(PrintStream out) {
            out.write(buf, 0, count);
        }
    }

    private void feed(LineReader lines, ExecutorService pool, BlockingQueue<Future<ChunkResult>> inFlight) {
        try {
            List<LineReader.Line> chunk = new ArrayList<>(CHUNK_LINES);
            long chunkBytes = 0;
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                chunk.add(line);
                chunkBytes += line.tooLong() ? 0 : line.bytes().length;
                if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
                    Chunk full = new Chunk(chunk);
                    inFlight.put(pool.submit(() -> diagnose(full)));
                    chunk = new ArrayList<>(CHUNK_LINES);
                    chunkBytes = 0;
                }
            }
            if (!chunk.isEmpty()) {
                Chunk last = new Chunk(chunk);
                inFlight.put(pool.submit(() -> diagnose(last)));
            }
            inFlight.put(END);
        } catch (IOException | RuntimeException e) {
            // Handed to the writer, which would otherwise wait for the end marker forever.
            putQuietly(inFlight, CompletableFuture.failedFuture(e));
        } catch (InterruptedException e) {
            // The writer has stopped (closed output or failure); nobody needs more chunks.
            Thread.currentThread().interrupt();
        }
    }

    private static void putQuietly(BlockingQueue<Future<ChunkResult>> inFlight, Future<ChunkResult> failure) {
        try {
            inFlight.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ChunkResult diagnose(Chunk chunk) {
        Bytes json = emptied.poll();
        if (json == null) {
            json = new Bytes(CHUNK_OUTPUT_BYTES);
        }
        int invalid = 0;
        Invalid first = null;
        try (PlanWriter.JsonLines lines = writer.jsonLines(json)) {
            for (LineReader.Line line : chunk.lines()) {
                try {
                    if (line.tooLong()) {
                        throw SnapshotReader.tooLarge(line.size());
                    }
                    lines.plan(line.number(), doctor.diagnose(reader.read(line.bytes())));
                } catch (InvalidSnapshotException | RuleFailedException e) {
                    if (e instanceof RuleFailedException failed && failed.fatal()) {
                        throw new BatchStopped(line.number(), failed);
                    }
                    lines.error(line.number(), e.getMessage());
                    if (invalid++ == 0) {
                        first = new Invalid(line.number(), e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return new ChunkResult(json, chunk.lines().size(), invalid, first);
    }

    private void reuse(Bytes json) {
        if (json.size() <= REUSE_MAX_BYTES) {
            json.reset();
            emptied.offer(json);
        }
    }

    private static ChunkResult result(Future<ChunkResult> chunk) throws IOException, InterruptedException {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void showProgress(long lines, long nanos, boolean last) {
        double seconds = Math.max(nanos / 1e9, 1e-3);
        progress.printf(Locale.ROOT, "\r%,d snapshots, %,.0f/s%s", lines, lines / seconds, last ? "\n" : "");
        progress.flush();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            // A reader blocked on standard input must not keep the JVM alive once the writer is done.
            thread.setDaemon(true);
            return thread;
        };
    }
}
