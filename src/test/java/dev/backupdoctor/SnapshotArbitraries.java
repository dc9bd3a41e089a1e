package dev.backupdoctor;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
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

/** Random valid snapshots that reach every rule: each part known, partly known or unknown. */
public final class SnapshotArbitraries {

    static final List<String> REMEDIES = List.of("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS",
            "UPDATE_IOS", "BACK_UP_WITH_COMPUTER", "TURN_ON_ICLOUD_BACKUP", "SOME_EXTENSION_REMEDY");

    private SnapshotArbitraries() {
    }

    public static Arbitrary<DeviceSnapshot> snapshots() {
        // jqwik combines at most eight values: the id is set on the snapshot they make.
        Arbitrary<String> ids = Arbitraries.strings().ofMaxLength(DeviceSnapshot.MAX_ID_CODE_POINTS).injectNull(0.3);
        return Combinators.combine(devices(), icloud(), restrictions(), wifi(), power(), storage(), service(),
                        Arbitraries.of(REMEDIES).list().uniqueElements().ofMaxSize(REMEDIES.size()))
                .as((device, icloud, restrictions, wifi, power, storage, service, tried)
                        -> new DeviceSnapshot(null, device, icloud, restrictions, wifi, power, storage, service, tried))
                .flatMap(snapshot -> ids.map(snapshot::withId));
    }

    static Arbitrary<Answer> answers() {
        return Arbitraries.of(Answer.class);
    }

    static Arbitrary<DeviceInfo> devices() {
        Arbitrary<String> models = Arbitraries.of("iPhone 8", "iPhone X", "iPhone SE (2nd generation)",
                "iPhone 15 Pro", "iPhone 6s", "Pixel 8").injectNull(0.2);
        Arbitrary<IosVersion> versions = Arbitraries.of("14.8", "15", "16.7.2", "17.1", "17.1.1", "17.10")
                .map(IosVersion::parse).injectNull(0.2);
        return Combinators.combine(models, versions, versions, answers(), answers()).as(DeviceInfo::new);
    }

    static Arbitrary<ICloudSettings> icloud() {
        // Around the recent (up to 1) and stale (from 14) bounds, and the range's ends.
        Arbitrary<Integer> days = Arbitraries.oneOf(Arbitraries.integers().between(0, 36_500),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(12, 15)).injectNull(0.3);
        return Combinators.combine(answers(), answers(), answers(), answers(), answers(), answers(), days).as(ICloudSettings::new);
    }

    static Arbitrary<Restrictions> restrictions() {
        return answers().map(Restrictions::new);
    }

    static Arbitrary<WifiStatus> wifi() {
        return Combinators.combine(answers(), answers(), Arbitraries.integers().between(0, 3).injectNull(0.3), answers(), answers())
                .as(WifiStatus::new);
    }

    static Arbitrary<PowerState> power() {
        // Around 75 %, where a plugged-in iPhone that isn't charging stops being suspicious.
        Arbitrary<Integer> percents = Arbitraries.oneOf(Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(73, 77)).injectNull(0.3);
        return Combinators.combine(answers(), answers(), Arbitraries.of(Cable.class).injectNull(0.2), percents)
                .as(PowerState::new);
    }

    static Arbitrary<StorageStatus> storage() {
        Arbitrary<Long> sizes = Arbitraries.longs().between(0, 10_000_000_000L);
        Arbitrary<List<AppBackup>> apps = Combinators.combine(Arbitraries.of("WhatsApp", "Photos", "Notes", "Books"),
                        Arbitraries.longs().between(0, 3_000_000_000L)).as(AppBackup::new)
                .list().ofMaxSize(4).injectNull(0.3);
        Arbitrary<List<DeviceBackup>> devices = Combinators.combine(Arbitraries.of("Old iPad", "iPhone 8", "Work iPhone"),
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
