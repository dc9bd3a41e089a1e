package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.cli.common.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;

/**
 * The records of the inventories a command names, one after another: the arguments in the order
 * given, a folder's regular files whose names end in the inventory's suffix ({@code .plist},
 * {@code .json}; not its subfolders) sorted by name in code-point order, and {@code -} for standard
 * input. Only finds records: the costly part, mapping them, is {@link InventoryRecord#map}'s. Not
 * thread-safe: one reader thread walks it.
 *
 * <p>A folder's names are held while its files are read, to sort them: about a hundred bytes a
 * file, 30 MB for 300,000 files. Nothing else grows with the input.
 */
public final class InventoryInputs implements Closeable {

    /** By code point, not by UTF-16 unit as {@link String#compareTo} does: the two differ past U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = (left, right) -> {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    };

    /** Stands for '-' among the paths; never opened as a file. */
    private static final Path STANDARD_INPUT = Path.of("-");

    private final Inventory from;
    private final InventorySettings settings;
    private final InputStream standardInput;
    /** Files and folders still to read, in order. */
    private final Deque<Path> pending = new ArrayDeque<>();
    /** The folder being read, and its files' names still to read from {@link #nextName} on, sorted. */
    private Path folder;
    private String[] names;
    private int nextName;
    private JamfExport export;

    private InventoryInputs(Inventory from, InventorySettings settings, InputStream standardInput) {
        this.from = from;
        this.settings = settings;
        this.standardInput = standardInput;
    }

    /**
     * The inputs, each checked before any is read: a name that doesn't exist is bad usage, which
     * should not wait until the records before it have been processed.
     *
     * @param inputs FILE, DIR or {@code -}; none is standard input
     * @param standardInput {@code null} where {@code -} is not accepted ({@code import})
     */
    public static InventoryInputs of(Inventory from, List<String> inputs, InventorySettings settings, InputStream standardInput) {
        InventoryInputs records = new InventoryInputs(from, settings, standardInput);
        for (String input : inputs.isEmpty() ? List.of("-") : inputs) {
            if (SnapshotFile.isStandardInput(input)) {
                if (standardInput == null) {
                    throw new UsageException("'-': standard input is not accepted here; name the files or folders to read");
                }
                records.pending.add(STANDARD_INPUT);
                continue;
            }
            Path path = Path.of(input);
            if (!Files.exists(path)) {
                throw new UsageException(Printable.cut(input) + ": no such file or folder");
            }
            if (Files.isDirectory(path) && from.noFilesIn(path)) {
                throw new UsageException(Printable.cut(input) + ": no " + from.fileSuffix() + " files in this folder (--from "
                        + from + " reads the regular files whose names end in " + from.fileSuffix() + ")");
            }
            records.pending.add(path);
        }
        return records;
    }

    /** The next record, or {@code null} after the last. */
    public InventoryRecord next() throws IOException {
        while (true) {
            if (export != null) {
                InventoryRecord record = export.next();
                if (record != null) {
                    return record;
                }
                export.close();
                export = null;
            }
            if (names != null && nextName < names.length) {
                Path file = folder.resolve(names[nextName]);
                // Let go of each name once it's used: a folder of many files then shrinks as it is read.
                names[nextName++] = null;
                InventoryRecord record = open(file);
                if (record != null) {
                    return record;
                }
                continue;
            }
            names = null;
            Path next = pending.pollFirst();
            if (next == null) {
                return null;
            }
            if (next == STANDARD_INPUT) {
                InventoryRecord record = open("standard input", standardInput);
                if (record != null) {
                    return record;
                }
            } else if (Files.isDirectory(next)) {
                InventoryRecord unlisted = list(next);
                if (unlisted != null) {
                    return unlisted;
                }
            } else {
                InventoryRecord record = open(next);
                if (record != null) {
                    return record;
                }
            }
        }
    }

    /** MDM: the file is the record. Jamf: its records are read next, and this is {@code null} (or why it can't be opened). */
    private InventoryRecord open(Path file) {
        if (from == Inventory.mdm) {
            return new MdmFile(file, file.toString(), settings);
        }
        try {
            return open(file.toString(), Files.newInputStream(file));
        } catch (IOException e) {
            return new UnreadableRecord(file.toString(), "cannot read: " + UsageException.reason(e));
        }
    }

    private InventoryRecord open(String name, InputStream in) {
        if (from == Inventory.mdm) {
            return new MdmStandardInput(in, settings);
        }
        try {
            export = new JamfExport(name, in, settings);
            return null;
        } catch (IOException e) {
            return new UnreadableRecord(name, "cannot read: " + UsageException.reason(e));
        }
    }

    /** Makes the folder's files the next to read; a folder that can't be listed is one unreadable record. */
    private InventoryRecord list(Path folder) {
        List<String> names = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (from.isInventoryFile(file, attributes)) {
                        names.add(file.getFileName().toString());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (file.equals(folder)) {
                        throw e;
                    }
                    // An entry that vanished or can't be looked at is not a regular file we were asked for.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return new UnreadableRecord(folder.toString(), "cannot list the folder: " + UsageException.reason(e));
        }
        this.folder = folder;
        this.names = names.toArray(String[]::new);
        this.nextName = 0;
        Arrays.sort(this.names, CODE_POINT_ORDER);
        return null;
    }

    @Override
    public void close() throws IOException {
        if (export != null) {
            export.close();
        }
    }

    /** An MDM response in a file, read when mapped, so that a batch's workers read files in parallel. */
    private record MdmFile(Path file, String where, InventorySettings settings) implements InventoryRecord {

        @Override
        public Outcome map() {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, settings);
            } catch (IOException e) {
                return new Unreadable("cannot read: " + UsageException.reason(e));
            }
        }
    }

    /** An MDM response on standard input. */
    private record MdmStandardInput(InputStream in, InventorySettings settings) implements InventoryRecord {

        @Override
        public String where() {
            return "standard input";
        }

        @Override
        public Outcome map() {
            try {
                return read(in, settings);
            } catch (IOException e) {
                return new Unreadable("cannot read: " + UsageException.reason(e));
            }
        }
    }

    private static InventoryRecord.Outcome read(InputStream in, InventorySettings settings) throws IOException {
        byte[] bytes = in.readNBytes(MdmResponse.MAX_BYTES + 1);
        if (bytes.length > MdmResponse.MAX_BYTES) {
            return new InventoryRecord.Unreadable("more than " + MdmResponse.MAX_BYTES
                    + " bytes, too large for a DeviceInformation response");
        }
        return MdmResponse.map(bytes, settings);
    }
}
