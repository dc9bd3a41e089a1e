package dev.backupdoctor.cli.batch;

import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.cli.inventory.BackupsAfterAsOf;
import dev.backupdoctor.cli.inventory.InventoryInputs;
import dev.backupdoctor.cli.inventory.InventoryOptions;
import dev.backupdoctor.cli.inventory.InventoryRecord;
import dev.backupdoctor.cli.inventory.InventorySettings;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code batch} and {@code report} read: JSON Lines from one file or standard input, or with
 * {@code --from}, device-management inventories from files, folders and standard input, whose
 * records are numbered by their position across all inputs.
 */
public final class BatchInput implements Closeable {

    private final Closeable source;
    private final Batch.Entries entries;
    private final String name;
    /** For inventories, the records whose backup is after as-of; {@code null} for JSON Lines. */
    private final BackupsAfterAsOf afterAsOf;

    private BatchInput(Closeable source, Batch.Entries entries, String name, BackupsAfterAsOf afterAsOf) {
        this.source = source;
        this.entries = entries;
        this.name = name;
        this.afterAsOf = afterAsOf;
    }

    /** Checks the arguments and opens the input; bad usage throws before anything is read. */
    public static BatchInput open(List<String> files, InventoryOptions inventory, InputStream standardInput) {
        InventorySettings settings = inventory.settings(Instant.now());
        if (settings == null) {
            if (files.size() > 1) {
                throw new UsageException("one FILE (or '-') at most without --from, was " + files.size()
                        + "; to read several, cat them into standard input");
            }
            String file = files.isEmpty() ? null : files.get(0);
            InputStream in = open(file, standardInput);
            LineReader lines = new LineReader(in, Batch.MAX_LINE_BYTES);
            return new BatchInput(in, lines::next, SnapshotFile.isStandardInput(file) ? "standard input" : file, null);
        }
        InventoryInputs records = InventoryInputs.of(inventory.from(), files, settings, keptOpen(standardInput));
        BackupsAfterAsOf afterAsOf = inventory.backupsAfterAsOf(settings);
        return new BatchInput(records, new Batch.Entries() {
            private long position;

            @Override
            public Batch.Entry next() throws IOException {
                InventoryRecord record = records.next();
                return record == null ? null : new RecordEntry(++position, record, afterAsOf);
            }
        }, "the inventories", afterAsOf);
    }

    public Batch.Entries entries() {
        return entries;
    }

    /** Whether the entries are inventory records rather than lines. */
    boolean inventories() {
        return afterAsOf != null;
    }

    /** What an entry is called in messages. */
    public String unit() {
        return inventories() ? "record" : "line";
    }

    /** For inventories, the warning when a record's backup was after as-of. */
    Optional<String> backupsAfterAsOf() {
        return afterAsOf == null ? Optional.empty() : afterAsOf.warning();
    }

    /** Output errors end a batch quietly (a closed pipe), so an {@link IOException} is the input failing mid-way. */
    public UsageException failed(IOException e) {
        return UsageException.cannotRead(name, e);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** The JSON Lines input: the file, or standard input for none or '-'. */
    private static InputStream open(String file, InputStream standardInput) {
        if (SnapshotFile.isStandardInput(file)) {
            return keptOpen(standardInput);
        }
        Path path = SnapshotFile.existing(file, "a JSON Lines file");
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw UsageException.cannotRead(file, e);
        }
    }

    /** Closing the batch's input must not close the process's standard input. */
    private static InputStream keptOpen(InputStream standardInput) {
        return new FilterInputStream(standardInput) {
            @Override
            public void close() {
            }
        };
    }

    /** An inventory record: mapped on a worker, where a record that can't be read becomes an error line naming it. */
    private record RecordEntry(long number, InventoryRecord record, BackupsAfterAsOf afterAsOf) implements Batch.Entry {

        /** A record holds a few short fields, or only a path. */
        private static final long RECORD_BYTES = 512;

        @Override
        public long heldBytes() {
            return RECORD_BYTES;
        }

        @Override
        public DeviceSnapshot read(SnapshotReader reader) {
            InventoryRecord.Outcome outcome = record.map();
            if (outcome instanceof InventoryRecord.Device device) {
                if (device.backupAfterAsOf()) {
                    afterAsOf.add(number, device.snapshot().id());
                }
                return device.snapshot();
            }
            if (outcome instanceof InventoryRecord.Unreadable unreadable) {
                throw new InventoryRecord.UnusableRecord(record.where() + ": " + unreadable.problem());
            }
            return null;
        }
    }
}
