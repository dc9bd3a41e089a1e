package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    static final int THREADS = 8;
    /** 2,000 in the default build; the long profile ({@code mvn verify -Plong}) runs 100,000. */
    static final int SNAPSHOTS = Integer.getInteger("backupdoctor.load.snapshots", 2_000);

    @Test
    void manyThreadsOnOneDoctorGetTheSamePlansAsOneThread() throws Exception {
        BackupDoctor doctor = Snapshots.doctor();
        List<DeviceSnapshot> snapshots = RandomSnapshots.generate(42, SNAPSHOTS);
        List<Diagnosis> sequential = snapshots.stream().map(doctor::diagnose).toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 97;
                mismatches.add(pool.submit(() -> {
                    // Each thread walks the snapshots from its own starting point so threads overlap on different inputs.
                    int different = 0;
                    for (int i = 0; i < snapshots.size(); i++) {
                        int index = (i + offset) % snapshots.size();
                        if (!doctor.diagnose(snapshots.get(index)).equals(sequential.get(index))) {
                            different++;
                        }
                    }
                    return different;
                }));
            }
            for (Future<Integer> result : mismatches) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.stream().map(Diagnosis::actionIds).distinct().count())
                .as("the random snapshots should produce many different plans").isGreaterThan(50);
    }
}
