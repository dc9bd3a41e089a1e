package dev.backupdoctor.cli;

import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads one device snapshot (JSON) and prints the ordered plan to fix its iCloud backup.")
final class DiagnoseCommand implements Callable<Integer> {

    enum Format { text, json }

    private final Main.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The snapshot; '-' or none: standard input.")
    private String file;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): a plan to follow; json: the plan as JSON.")
    private Format format;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load every .drl file in DIR (repeatable).")
    private List<Path> rules = new ArrayList<>();

    DiagnoseCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        DeviceSnapshot snapshot = read(new SnapshotReader());
        Diagnosis diagnosis = context.doctors().apply(rules).diagnose(snapshot);
        String output = format == Format.json
                ? new PlanWriter().toJson(diagnosis) + "\n"
                : new PlanText(context.terminal().colour()).render(diagnosis);
        // A closed pipe is not an error for a report nobody reads any more: the writer swallows it.
        context.writer().write(output);
        return Main.OK;
    }

    private DeviceSnapshot read(SnapshotReader reader) throws IOException {
        if (file == null || file.equals("-")) {
            return reader.read(context.in());
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UsageException(file + ": is a folder, not a snapshot file");
        }
        if (!Files.exists(path)) {
            throw new UsageException(file + ": no such file");
        }
        try {
            if (!Files.isRegularFile(path)) {
                // A pipe, such as bash's <(...): its size is unknown until read, and the reader stops past the limit.
                try (InputStream pipe = Files.newInputStream(path)) {
                    return reader.read(pipe);
                }
            }
            long size = Files.size(path);
            if (size > SnapshotReader.MAX_BYTES) {
                throw SnapshotReader.tooLarge(size);
            }
            return reader.read(Files.readAllBytes(path));
        } catch (IOException e) {
            throw UsageException.cannotRead(file, e);
        }
    }
}
