package dev.backupdoctor;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.YES;

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
import java.util.List;

/** Test fixtures: one shared doctor (compiling the rules takes seconds) and a snapshot where everything is known and fine. */
final class Snapshots {

    static final long GB = 1_000_000_000L;

    private static BackupDoctor doctor;

    private Snapshots() {
    }

    static synchronized BackupDoctor doctor() {
        if (doctor == null) {
            doctor = BackupDoctor.create();
        }
        return doctor;
    }

    /** An iPhone 15 Pro on the latest iOS, locked, charging, on strong Wi-Fi, with room in iCloud. */
    static DeviceSnapshot allFine() {
        return DeviceSnapshot.unknown()
                .with(new DeviceInfo("iPhone 15 Pro", IosVersion.parse("17.1.1"), IosVersion.parse("17.1.1"), YES))
                .with(new ICloudSettings(YES, YES, NO))
                .with(new WifiStatus(YES, YES, 3))
                .with(new PowerState(YES, YES, Cable.APPLE))
                .with(new StorageStatus(50 * GB, 10 * GB, 2 * GB, List.of()))
                .with(new ServiceStatus(ServiceState.AVAILABLE));
    }

    static StorageStatus storage(long total, long used, long next, List<AppBackup> appBackups) {
        return new StorageStatus(total, used, next, appBackups);
    }

    /** The plan as "KIND ID" lines, which reads like the contract's table. */
    static List<String> plan(DeviceSnapshot snapshot) {
        return doctor().diagnose(snapshot).actions().stream().map(a -> a.kind() + " " + a.id()).toList();
    }
}
