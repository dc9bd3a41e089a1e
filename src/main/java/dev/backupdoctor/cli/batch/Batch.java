package dev.backupdoctor.cli.batch;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.cli.inventory.InventoryRecord;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.problems.RuleFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Diagnoses many snapshots as a bounded pipeline: a reader thread cuts the input (JSON Lines, or
 * inventory records) into chunks of entries,
 * a fixed pool diagnoses chunks in parallel, each into a {@link Chunk} of the command's making
 * (plans as JSON for {@code batch}, a partial tally for {@code report}), and the calling thread
 * takes those chunks in input order. The queue of chunks in flight is bounded, so memory stays flat
 * whatever the input's size.
 */
public final class Batch {

    /** The longest input line read; a longer one becomes an error line. One line is one snapshot, so the snapshot limit. */
    public static final int MAX_LINE_BYTES = SnapshotReader.MAX_BYTES;
    /** Lines per chunk: enough to make handing work to a thread cheap, few enough to keep the output flowing. */
    static final int CHUNK_LINES = 256;
    /** Diagnosed chunks waiting for the consumer, per worker: enough to keep every worker busy while it catches up. */
    private static final int CHUNKS_QUEUED_PER_WORKER = 4;
    /** Bytes per chunk, so that chunks of long lines don't multiply memory. */
    private static final long CHUNK_BYTES = 4L << 20;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    /**
     * @param lines the entries diagnosed or invalid: non-blank lines, or records of iPhones
     * @param skipped the records left out, devices that are not iPhones
     * @param firstInvalid the first invalid entry's number and error, or {@code null} when none was
     * @param stopped the consumer stopped taking chunks before the end of the input
     * @param startsUnfinished the first entry is JSON that ends inside an object, array or string, as the first
     *     line of a snapshot written over several lines does
     * @param unknownTried the snapshots whose {@code tried} lists ids no loaded rule suggests
     */
    public record Result(long lines, long invalidLines, long skipped, Invalid firstInvalid, boolean stopped, boolean startsUnfinished,
            UnknownTried unknownTried) {
    }

    /** An invalid entry: its number in the input and why. */
    record Invalid(long line, String error) {
    }

    /** One entry of the input as the reader thread found it; a worker reads it. */
    public interface Entry {

        /** Its number in the input, from 1: the line number, or the record's position across all inventories. */
        long number();

        /** The memory it holds, to keep chunks small. */
        long heldBytes();

        /**
         * The snapshot to diagnose, or {@code null} for an entry left out.
         *
         * @throws InvalidSnapshotException or {@link InventoryRecord.UnusableRecord}: the entry is invalid, the message says why
         */
        DeviceSnapshot read(SnapshotReader reader);
    }

    /** The input, entry after entry, on the reader thread. */
    public interface Entries {

        /** The next entry, or {@code null} at the end of the input. */
        Entry next() throws IOException;
    }

    /** What a worker makes of one chunk's lines, in their order. */
    public interface Chunk {

        void plan(long line, Diagnosis diagnosis) throws IOException;

        void invalid(long line, String error) throws IOException;

        /** The chunk's last line is in. */
        default void finish() throws IOException {
        }
    }

    /** A command's use of the pipeline: the chunks its workers fill, and what becomes of them. */
    public interface Consumer<C extends Chunk> {

        /** On a worker thread: an empty chunk to fill. */
        C newChunk();

        /** On the calling thread, chunk after chunk in input order; {@code false} stops the batch. */
        boolean take(C chunk);
    }

    /** @param startsUnfinished the chunk's first entry is JSON cut short */
    private record Diagnosed<C>(C chunk, int lines, int invalidLines, int skipped, Invalid firstInvalid, boolean startsUnfinished,
            UnknownTried unknownTried) {
    }

    private static final Future<?> END = CompletableFuture.completedFuture(null);

    private final BackupDoctor doctor;
    private final int workers;
    private final PrintStream progress;
    /** What an entry is called in messages: "line", or "record" for inventories. */
    private final String unit;
    private final SnapshotReader reader = new SnapshotReader();
    /** What each worker is diagnosing, for {@link #lineRunningLongerThan}. */
    private final Set<Working> working = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Working> workingHere = ThreadLocal.withInitial(() -> {
        Working here = new Working();
        working.add(here);
        return here;
    });

    /**
     * The line a worker is on and since when. Written by its worker only; read by a watchdog, which
     * can't stop a rule stuck in its own code but can say which line it is stuck on.
     */
    private static final class Working {
        private volatile long line;
        private volatile long since;
    }

    /**
     * @param progress where to show a progress line each second, or {@code null} for none
     * @param unit what an entry is called in messages: "line", or "record" for inventories
     */
    public Batch(BackupDoctor doctor, int workers, PrintStream progress, String unit) {
        this.doctor = doctor;
        this.workers = workers;
        this.progress = progress;
        this.unit = unit;
    }

    /** The chunks that can exist at once: queued, being diagnosed, being consumed. */
    static int chunksAtOnce(int workers) {
        return workers * (CHUNKS_QUEUED_PER_WORKER + 1) + 1;
    }

    public <C extends Chunk> Result run(Entries entries, Consumer<C> consumer) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("backup-doctor-worker"));
        BlockingQueue<Future<?>> inFlight = new ArrayBlockingQueue<>(workers * CHUNKS_QUEUED_PER_WORKER);
        Thread feeder = daemon("backup-doctor-reader").newThread(() -> feed(entries, pool, inFlight, consumer));
        feeder.start();
        long lines = 0;
        long invalid = 0;
        long skipped = 0;
        Invalid firstInvalid = null;
        boolean startsUnfinished = false;
        UnknownTried unknownTried = UnknownTried.NONE;
        long start = System.nanoTime();
        long lastProgress = start;
        try {
            for (Future<?> next = inFlight.take(); next != END; next = inFlight.take()) {
                @SuppressWarnings("unchecked") // the feeder submits only diagnose(...) for this consumer
                Diagnosed<C> diagnosed = (Diagnosed<C>) result(next);
                if (!consumer.take(diagnosed.chunk())) {
                    return new Result(lines, invalid, skipped, firstInvalid, true, startsUnfinished, unknownTried);
                }
                if (lines == 0 && skipped == 0) {
                    startsUnfinished = diagnosed.startsUnfinished();
                }
                lines += diagnosed.lines();
                unknownTried = unknownTried.plus(diagnosed.unknownTried());
                invalid += diagnosed.invalidLines();
                skipped += diagnosed.skipped();
                if (firstInvalid == null) {
                    firstInvalid = diagnosed.firstInvalid();
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
            return new Result(lines, invalid, skipped, firstInvalid, false, startsUnfinished, unknownTried);
        } finally {
            feeder.interrupt();
            pool.shutdownNow();
        }
    }

    private <C extends Chunk> void feed(Entries entries, ExecutorService pool, BlockingQueue<Future<?>> inFlight,
            Consumer<C> consumer) {
        try {
            List<Entry> chunk = new ArrayList<>(CHUNK_LINES);
            long chunkBytes = 0;
            for (Entry entry = entries.next(); entry != null; entry = entries.next()) {
                chunk.add(entry);
                chunkBytes += entry.heldBytes();
                if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
                    List<Entry> full = chunk;
                    inFlight.put(pool.submit(() -> diagnose(full, consumer.newChunk())));
                    chunk = new ArrayList<>(CHUNK_LINES);
                    chunkBytes = 0;
                }
            }
            if (!chunk.isEmpty()) {
                List<Entry> last = chunk;
                inFlight.put(pool.submit(() -> diagnose(last, consumer.newChunk())));
            }
            inFlight.put(END);
        } catch (IOException | RuntimeException | Error e) {
            // Handed to the consumer, which would otherwise wait for the end marker forever: an
            // OutOfMemoryError here too, or the command would hang.
            putQuietly(inFlight, CompletableFuture.failedFuture(e));
        } catch (InterruptedException e) {
            // The consumer has stopped (closed output or failure); nobody needs more chunks.
            Thread.currentThread().interrupt();
        }
    }

    private static void putQuietly(BlockingQueue<Future<?>> inFlight, Future<?> failure) {
        try {
            inFlight.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the watchdog: the entry a rule is stuck on, as a message starts ("line 17: "), or nothing when none is. */
    public Supplier<String> stuckEntry(Duration limit) {
        return () -> {
            OptionalLong line = lineRunningLongerThan(limit);
            return line.isPresent() ? unit + " " + line.getAsLong() + ": " : "";
        };
    }

    /**
     * The first line that a worker has been diagnosing for longer than {@code limit}, if any: only a
     * rule stuck in its own code takes that long.
     */
    private OptionalLong lineRunningLongerThan(Duration limit) {
        long now = System.nanoTime();
        return working.stream().filter(worker -> worker.line > 0 && now - worker.since > limit.toNanos())
                .mapToLong(worker -> worker.line).min();
    }

    private <C extends Chunk> Diagnosed<C> diagnose(List<Entry> entries, C chunk) {
        int invalid = 0;
        int skipped = 0;
        Invalid first = null;
        boolean startsUnfinished = false;
        UnknownTried unknownTried = UnknownTried.NONE;
        Working here = workingHere.get();
        try {
            for (Entry entry : entries) {
                here.since = System.nanoTime();
                here.line = entry.number();
                try {
                    DeviceSnapshot snapshot = entry.read(reader);
                    if (snapshot == null) {
                        skipped++;
                        continue;
                    }
                    Diagnosis diagnosis = doctor.diagnose(snapshot);
                    chunk.plan(entry.number(), diagnosis);
                    unknownTried = unknownTried.with(diagnosis.unknownTried());
                } catch (InvalidSnapshotException | InventoryRecord.UnusableRecord | RuleFailedException e) {
                    if (e instanceof RuleFailedException failed && failed.fatal()) {
                        throw new BatchStopped(unit + " " + entry.number(), failed);
                    }
                    chunk.invalid(entry.number(), e.getMessage());
                    if (entry == entries.get(0) && e instanceof InvalidSnapshotException unreadable && unreadable.unfinished()) {
                        startsUnfinished = true;
                    }
                    if (invalid++ == 0) {
                        first = new Invalid(entry.number(), e.getMessage());
                    }
                }
            }
            chunk.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a chunk to memory failed", e);
        } finally {
            here.line = 0;
        }
        return new Diagnosed<>(chunk, entries.size() - skipped, invalid, skipped, first, startsUnfinished, unknownTried);
    }

    private static Object result(Future<?> chunk) throws IOException, InterruptedException {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw new IllegalStateException("reading the input failed: " + error, error);
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
            // A reader blocked on standard input must not keep the JVM alive once the consumer is done.
            thread.setDaemon(true);
            return thread;
        };
    }
}
