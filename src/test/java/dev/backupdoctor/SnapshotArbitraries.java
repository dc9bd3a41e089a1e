package dev.backupdoctor;

import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceBackup;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid snapshots that reach every rule, each part known, partly known or unknown: the
 * property tests' front-end to the values {@link RandomSnapshots} draws from (its models, versions,
 * backup ages, battery levels, tried ids, app and device names), built with jqwik's combinators so
 * that a failing property shrinks to a small snapshot. The ids are jqwik's strings of any code
 * points, and the days, levels and sizes also come from whole ranges.
 */
public final class SnapshotArbitraries {

    private SnapshotArbitraries() {
    }

    public static Arbitrary<DeviceSnapshot> snapshots() {
        // jqwik combines at most eight values: the id is set on the snapshot they make.
        Arbitrary<String> ids = Arbitraries.strings().ofMaxLength(DeviceSnapshot.MAX_ID_CODE_POINTS).injectNull(0.3);
        return Combinators.combine(devices(), icloud(), restrictions(), wifi(), power(), storage(), service(),
                        Arbitraries.of(RandomSnapshots.TRIED).list().uniqueElements().ofMaxSize(RandomSnapshots.TRIED.size()))
                .as((device, icloud, restrictions, wifi, power, storage, service, tried)
                        -> new DeviceSnapshot(null, device, icloud, restrictions, wifi, power, storage, service, tried))
                .flatMap(snapshot -> ids.map(snapshot::withId));
    }

    static Arbitrary<Answer> answers() {
        return Arbitraries.of(Answer.class);
    }

    static Arbitrary<DeviceInfo> devices() {
        Arbitrary<String> models = Arbitraries.of(RandomSnapshots.MODELS).injectNull(0.2);
        Arbitrary<IosVersion> versions = Arbitraries.of(RandomSnapshots.VERSIONS).map(IosVersion::parse).injectNull(0.2);
        return Combinators.combine(models, versions, versions, answers(), answers()).as(DeviceInfo::new);
    }

    static Arbitrary<ICloudSettings> icloud() {
        Arbitrary<Integer> days = Arbitraries.oneOf(Arbitraries.integers().between(0, 36_500),
                Arbitraries.of(RandomSnapshots.BACKUP_DAYS)).injectNull(0.3);
        Arbitrary<BackupMessage> messages = Arbitraries.of(BackupMessage.class).injectNull(0.5);
        return Combinators.combine(answers(), answers(), answers(), answers(), answers(), answers(), days, messages)
                .as(ICloudSettings::new);
    }

    static Arbitrary<Restrictions> restrictions() {
        return answers().map(Restrictions::new);
    }

    static Arbitrary<WifiStatus> wifi() {
        return Combinators.combine(answers(), answers(), Arbitraries.integers().between(0, 3).injectNull(0.3), answers(), answers())
                .as(WifiStatus::new);
    }

    static Arbitrary<PowerState> power() {
        Arbitrary<Integer> percents = Arbitraries.oneOf(Arbitraries.integers().between(0, 100),
                Arbitraries.of(RandomSnapshots.BATTERY_PERCENTS)).injectNull(0.3);
        return Combinators.combine(answers(), answers(), Arbitraries.of(Cable.class).injectNull(0.2), percents)
                .as(PowerState::new);
    }

    static Arbitrary<StorageStatus> storage() {
        Arbitrary<Long> sizes = Arbitraries.longs().between(0, 10_000_000_000L);
        Arbitrary<List<AppBackup>> apps = Combinators.combine(Arbitraries.of(RandomSnapshots.APPS),
                        Arbitraries.longs().between(0, 3_000_000_000L)).as(AppBackup::new)
                .list().ofMaxSize(4).injectNull(0.3);
        Arbitrary<List<DeviceBackup>> devices = Combinators.combine(Arbitraries.of(RandomSnapshots.DEVICES),
                        Arbitraries.longs().between(0, 3_000_000_000L)).as(DeviceBackup::new)
                .list().ofMaxSize(3).injectNull(0.3);
        return Combinators.combine(sizes, sizes, sizes.injectNull(0.1), apps, devices, Arbitraries.integers().between(0, 4))
                .as((a, b, next, appBackups, deviceBackups, unknownPart) -> StorageStatus.UNKNOWN
                        .withTotalBytes(unknownPart == 0 ? null : Math.max(a, b))
                        .withUsedBytes(unknownPart == 1 ? null : Math.min(a, b)).withNextBackupBytes(next)
                        .withAppBackups(appBackups).withOtherDeviceBackups(deviceBackups));
    }

    static Arbitrary<ServiceStatus> service() {
        return Arbitraries.of(ServiceState.class).injectNull(0.2).map(ServiceStatus::new);
    }
}
