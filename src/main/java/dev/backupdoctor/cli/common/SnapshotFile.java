package dev.backupdoctor.cli.common;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the snapshot a command names: a file, or standard input for none or '-'. */
public final class SnapshotFile {

    private SnapshotFile() {
    }

    public static boolean isStandardInput(String file) {
        return file == null || file.equals("-");
    }

    /** The named input file, which must exist and not be a folder ({@code what} it should be instead). */
    public static Path existing(String file, String what) {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UsageException(Printable.cut(file) + ": is a folder, not " + what);
        }
        if (!Files.exists(path)) {
            throw new UsageException(Printable.cut(file) + ": no such file");
        }
        return path;
    }

    /** One for every read. Building the first reads the schema from the records and sets up Jackson's parser. */
    private static final SnapshotReader READER = new SnapshotReader();

    /** Sets up the reader now, on the calling thread, so that a later read finds it ready. */
    public static void prepare() {
        // Loading the class builds READER.
    }

    public static DeviceSnapshot read(String file, InputStream standardInput) throws IOException {
        if (isStandardInput(file)) {
            return READER.read(standardInput);
        }
        Path path = existing(file, "a snapshot file");
        try {
            if (!Files.isRegularFile(path)) {
                // A pipe, such as bash's <(...): its size is unknown until read, and the reader stops past the limit.
                try (InputStream pipe = Files.newInputStream(path)) {
                    return READER.read(pipe);
                }
            }
            long size = Files.size(path);
            if (size > SnapshotReader.MAX_BYTES) {
                throw SnapshotReader.tooLarge(size);
            }
            return READER.read(Files.readAllBytes(path));
        } catch (IOException e) {
            throw UsageException.cannotRead(file, e);
        }
    }
}
