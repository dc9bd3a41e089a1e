package dev.backupdoctor;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.Restrictions;
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

    /**
     * An iPhone 15 Pro on the latest iOS with only App Store apps, locked, charging at 50 %, on
     * strong Wi-Fi without Low Data Mode or filters, signed in to a verified two-factor account with
     * nothing restricted, and room in iCloud: every fact known and fine.
     */
    static DeviceSnapshot allFine() {
        return DeviceSnapshot.unknown()
                .with(new DeviceInfo("iPhone 15 Pro", IosVersion.parse("17.1.1"), IosVersion.parse("17.1.1"), YES, NO))
                .with(new ICloudSettings(YES, YES, NO, YES, NO, YES))
                .with(new Restrictions(YES))
                .with(new WifiStatus(YES, YES, 3, NO, NO))
                .with(new PowerState(YES, YES, Cable.APPLE, 50))
                .with(new StorageStatus(50 * GB, 10 * GB, 2 * GB, List.of(), List.of()))
                .with(new ServiceStatus(ServiceState.AVAILABLE));
    }

    /** The plan as "KIND ID" lines, which reads like the catalog table in docs/knowledge-sources.md. */
    static List<String> plan(DeviceSnapshot snapshot) {
        return doctor().diagnose(snapshot).actions().stream().map(a -> a.kind() + " " + a.id()).toList();
    }
}
