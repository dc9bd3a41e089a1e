package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        List<DeviceSnapshot> snapshots = randomSnapshots(new Random(42), SNAPSHOTS);
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

    static List<DeviceSnapshot> randomSnapshots(Random random, int count) {
        List<DeviceSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            snapshots.add(randomSnapshot(random));
        }
        return snapshots;
    }

    static DeviceSnapshot randomSnapshot(Random random) {
        long total = 5_000_000_000L * (1 + random.nextInt(4));
        long used = (long) (total * random.nextDouble());
        List<AppBackup> apps = random.nextBoolean() ? null
                : List.of(new AppBackup("WhatsApp", random.nextInt(2_000_000_000)),
                          new AppBackup("Photos", random.nextInt(500_000_000)));
        String[] models = {"iPhone 8", "iPhone X", "iPhone SE (2nd generation)", "iPhone 15 Pro", null};
        String[] remedies = {"SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS", "BACK_UP_WITH_COMPUTER"};
        List<String> tried = new ArrayList<>();
        for (String remedy : remedies) {
            if (random.nextInt(3) == 0) {
                tried.add(remedy);
            }
        }
        return new DeviceSnapshot(null,
                new DeviceInfo(models[random.nextInt(models.length)], IosVersion.parse("16." + random.nextInt(3)),
                        IosVersion.parse("16." + random.nextInt(3)), answer(random)),
                new ICloudSettings(answer(random), answer(random), answer(random)),
                null,
                new WifiStatus(answer(random), answer(random), random.nextBoolean() ? null : random.nextInt(4)),
                new PowerState(answer(random), answer(random), Cable.values()[random.nextInt(3)]),
                random.nextInt(5) == 0 ? StorageStatus.UNKNOWN
                        : new StorageStatus(total, used, (long) (total * random.nextDouble() / 2), apps),
                ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.values()[random.nextInt(3)]),
                tried);
    }

    static Answer answer(Random random) {
        return Answer.values()[random.nextInt(3)];
    }
}
