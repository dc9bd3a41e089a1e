package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.RunawayRuleException;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
 * a fixed pool diagnoses chunks in parallel, and the calling thread writes their results in input
 * order. The queue of chunks in flight is bounded, so memory stays flat whatever the input's size.
 */
final class Batch {

    /** The longest input line read; a longer one becomes an error line. One line is one snapshot, so the snapshot limit. */
    static final int MAX_LINE_BYTES = SnapshotReader.MAX_BYTES;
    /** Lines per chunk: enough to make handing work to a thread cheap, few enough to keep the output flowing. */
    private static final int CHUNK_LINES = 256;
    /** Bytes per chunk, so that chunks of long lines don't multiply memory. */
    private static final long CHUNK_BYTES = 4L << 20;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    /** How long Ctrl-C waits for the chunk being written; only a reader that has stopped reading makes it wait. */
    private static final long FLUSH_ON_EXIT_WAIT_SECONDS = 5;

    record Result(long invalidLines, boolean outputClosed) {
    }

    private record Chunk(List<LineReader.Line> lines) {
    }

    private record ChunkResult(String text, int lines, int invalidLines) {
    }

    private static final Future<ChunkResult> END = CompletableFuture.completedFuture(null);

    private final BackupDoctor doctor;
    private final int workers;
    private final PrintStream progress;
    private final SnapshotReader reader = new SnapshotReader();
    private final PlanWriter writer = new PlanWriter();

    /** {@code progress}: where to show a progress line each second, or {@code null} for none. */
    Batch(BackupDoctor doctor, int workers, PrintStream progress) {
        this.doctor = doctor;
        this.workers = workers;
        this.progress = progress;
    }

    Result run(InputStream in, Main.Context out) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("backup-doctor-worker"));
        BlockingQueue<Future<ChunkResult>> inFlight = new ArrayBlockingQueue<>(workers * 4);
        Thread feeder = daemon("backup-doctor-reader").newThread(() -> feed(new LineReader(in, MAX_LINE_BYTES), pool, inFlight));
        feeder.start();
        Output output = new Output(out);
        Thread flushOnExit = new Thread(output::finish, "backup-doctor-flush");
        Runtime.getRuntime().addShutdownHook(flushOnExit);
        long lines = 0;
        long invalid = 0;
        long start = System.nanoTime();
        long lastProgress = start;
        try {
            for (Future<ChunkResult> next = inFlight.take(); next != END; next = inFlight.take()) {
                ChunkResult chunk = result(next);
                if (!output.write(chunk.text())) {
                    return new Result(invalid, true);
                }
                lines += chunk.lines();
                invalid += chunk.invalidLines();
                if (out.outputClosed()) {
                    return new Result(invalid, true);
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
            return new Result(invalid, out.outputClosed());
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

        /** {@code false} when the output has been finished and the text was not written. */
        boolean write(String text) {
            lock.lock();
            try {
                if (finished) {
                    return false;
                }
                out.writer().write(text);
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
                        out.writer().flush();
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        StringBuilder text = new StringBuilder(chunk.lines().size() * 2048);
        int invalid = 0;
        for (LineReader.Line line : chunk.lines()) {
            try {
                if (line.tooLong()) {
                    throw SnapshotReader.tooLarge(line.size());
                }
                text.append(writer.toJsonLine(line.number(), doctor.diagnose(reader.read(line.bytes()))));
            } catch (InvalidSnapshotException | RunawayRuleException e) {
                text.append(writer.errorLine(line.number(), e.getMessage()));
                invalid++;
            }
            text.append('\n');
        }
        return new ChunkResult(text.toString(), chunk.lines().size(), invalid);
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
