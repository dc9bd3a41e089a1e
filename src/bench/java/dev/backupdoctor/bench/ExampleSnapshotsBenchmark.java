package dev.backupdoctor.bench;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process side of {@code scripts/perf-serve.sh}: the bodies {@code POST /v1/diagnose} gets
 * there, {@code examples/snapshots/*.json}, in turn, one per operation. {@link #diagnose} is the
 * library's call alone on the snapshots read once; {@link #readDiagnoseWrite} is what the route
 * does with a body (read the snapshot, diagnose, write the plan as UTF-8 JSON) without HTTP;
 * {@link #read} and {@link #write} are its first and last parts alone.
 * Run from the project's folder: {@code scripts/bench.sh ExampleSnapshotsBenchmark}.
 */
public class ExampleSnapshotsBenchmark {

    @State(Scope.Benchmark)
    public static class Examples {
        BackupDoctor doctor;
        SnapshotReader reader;
        PlanWriter plans;
        byte[][] bodies;
        DeviceSnapshot[] snapshots;
        Diagnosis[] diagnoses;

        @Setup
        public void setUp() throws IOException {
            doctor = BackupDoctor.create();
            reader = new SnapshotReader();
            plans = new PlanWriter();
            try (Stream<Path> files = Files.list(Path.of("examples/snapshots"))) {
                bodies = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
                        .map(ExampleSnapshotsBenchmark::bytes).toArray(byte[][]::new);
            }
            if (bodies.length == 0) {
                throw new IllegalStateException("no examples/snapshots/*.json: run from the project's folder");
            }
            snapshots = new DeviceSnapshot[bodies.length];
            diagnoses = new Diagnosis[bodies.length];
            for (int i = 0; i < bodies.length; i++) {
                snapshots[i] = reader.read(bodies[i]);
                diagnoses[i] = doctor.diagnose(snapshots[i]);
            }
        }
    }

    /** Per thread, so two threads don't contend on one counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int count) {
            next = next + 1 == count ? 0 : next + 1;
            return next;
        }
    }

    @Benchmark
    public Diagnosis diagnose(Examples examples, Cursor cursor) {
        return examples.doctor.diagnose(examples.snapshots[cursor.advance(examples.snapshots.length)]);
    }

    @Benchmark
    public byte[] readDiagnoseWrite(Examples examples, Cursor cursor) {
        byte[] body = examples.bodies[cursor.advance(examples.bodies.length)];
        return examples.plans.toUtf8(examples.doctor.diagnose(examples.reader.read(body)));
    }

    /** The route's first part alone: the body read as a snapshot. */
    @Benchmark
    public DeviceSnapshot read(Examples examples, Cursor cursor) {
        return examples.reader.read(examples.bodies[cursor.advance(examples.bodies.length)]);
    }

    /** The route's last part alone: the plan written as the UTF-8 JSON the server sends. */
    @Benchmark
    public byte[] write(Examples examples, Cursor cursor) {
        return examples.plans.toUtf8(examples.diagnoses[cursor.advance(examples.diagnoses.length)]);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
