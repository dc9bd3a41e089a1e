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
public final class Snapshots {

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
    public static DeviceSnapshot allFine() {
        return DeviceSnapshot.unknown()
                .with(DeviceInfo.UNKNOWN.withModel("iPhone 15 Pro").withIosVersion(IosVersion.parse("17.1.1"))
                        .withLatestIosVersion(IosVersion.parse("17.1.1")).withScreenLocked(YES)
                        .withSideloadedApps(NO))
                .with(ICloudSettings.UNKNOWN.withSignedIn(YES).withBackupEnabled(YES).withVerificationRequired(NO)
                        .withEmailVerified(YES).withBackupOverCellular(NO).withTwoFactor(YES))
                .with(Restrictions.UNKNOWN.withBackupAllowed(YES))
                .with(WifiStatus.UNKNOWN.withEnabled(YES).withConnected(YES).withSignalBars(3).withLowDataMode(NO)
                        .withFiltered(NO))
                .with(PowerState.UNKNOWN.withConnected(YES).withCharging(YES).withCable(Cable.APPLE)
                        .withBatteryPercent(50))
                .with(StorageStatus.UNKNOWN.withTotalBytes(50 * GB).withUsedBytes(10 * GB).withNextBackupBytes(2 * GB)
                        .withAppBackups(List.of()).withOtherDeviceBackups(List.of()))
                .with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.AVAILABLE));
    }

    /** The plan as "KIND ID" lines, which reads like the catalog table in docs/knowledge-sources.md. */
    static List<String> plan(DeviceSnapshot snapshot) {
        return doctor().diagnose(snapshot).actions().stream().map(a -> a.kind() + " " + a.id()).toList();
    }
}
