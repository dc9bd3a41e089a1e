package dev.backupdoctor.bench;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One snapshot diagnosed per operation, cycling through the same random snapshots for all three
 * planners: Backup Doctor, the hand-written floor and the Easy Rules peer.
 */
public class DiagnoseBenchmark {

    /** Enough distinct snapshots that branch prediction can't learn the sequence; a power of two for the cursor mask. */
    static final int SNAPSHOTS = 4096;

    @State(Scope.Benchmark)
    public static class Planners {
        BackupDoctor doctor;
        FloorPlanner floor;
        EasyRulesPlanner easyRules;
        DeviceSnapshot[] snapshots;

        @Setup
        public void setUp() {
            doctor = BackupDoctor.create();
            floor = new FloorPlanner();
            easyRules = new EasyRulesPlanner();
            List<DeviceSnapshot> generated = RandomSnapshots.generate(20261123, SNAPSHOTS);
            snapshots = generated.toArray(DeviceSnapshot[]::new);
        }
    }

    /** Per thread, so two threads don't contend on one counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        DeviceSnapshot advance(Planners planners) {
            next = (next + 1) & (SNAPSHOTS - 1);
            return planners.snapshots[next];
        }
    }

    @Benchmark
    public Diagnosis backupDoctor(Planners planners, Cursor cursor) {
        return planners.doctor.diagnose(cursor.advance(planners));
    }

    @Benchmark
    public List<Action> floor(Planners planners, Cursor cursor) {
        return planners.floor.diagnose(cursor.advance(planners));
    }

    @Benchmark
    public List<Action> easyRules(Planners planners, Cursor cursor) {
        return planners.easyRules.diagnose(cursor.advance(planners));
    }
}
