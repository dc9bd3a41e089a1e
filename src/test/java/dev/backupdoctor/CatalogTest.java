package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.GB;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static dev.backupdoctor.Snapshots.plan;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.catalog.Remedy;
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
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One GIVEN-facts / EXPECT-plan test per row of the catalog, plus its edges. Each starts from a
 * snapshot where everything is known and fine, whose plan is only the general remedies below, and
 * changes the facts the row is about.
 */
class CatalogTest {

    static final List<String> GENERAL_REMEDIES = List.of("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN",
            "TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS", "TRY FIND_APP_BREAKING_BACKUP");

    static List<String> withRemedies(String... actions) {
        return concat(List.of(actions), GENERAL_REMEDIES);
    }

    static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    static List<String> without(List<String> plan, String... actions) {
        return plan.stream().filter(action -> !List.of(actions).contains(action)).toList();
    }

    static DeviceInfo device(String model, String ios, String latest) {
        return DeviceInfo.UNKNOWN.withModel(model).withIosVersion(ios == null ? null : IosVersion.parse(ios))
                .withLatestIosVersion(latest == null ? null : IosVersion.parse(latest)).withScreenLocked(YES)
                .withSideloadedApps(NO);
    }

    static Action action(DeviceSnapshot snapshot, String id) {
        return doctor().diagnose(snapshot).action(id).orElseThrow();
    }

    @Test
    void everythingFineLeavesOnlyTheGeneralRemediesAndIsHealthy() {
        assertThat(plan(allFine())).isEqualTo(GENERAL_REMEDIES);
        assertThat(doctor().diagnose(allFine()).healthy()).isTrue();
        assertThat(doctor().diagnose(allFine()).actions()).allSatisfy(action -> assertThat(action.alternativeTo()).isNull());
    }

    @Nested
    class Row01AllowICloudBackup {
        @Test
        void aRestrictionIsAFixThatTellsBothWaysOut() {
            DeviceSnapshot restricted = allFine().with(Restrictions.UNKNOWN.withBackupAllowed(NO));
            assertThat(plan(restricted)).isEqualTo(withRemedies("FIX ALLOW_ICLOUD_BACKUP"));
            Action action = action(restricted, "ALLOW_ICLOUD_BACKUP");
            assertThat(action.step()).isEqualTo(1);
            assertThat(action.instructions()).anyMatch(line -> line.contains("administrator"))
                    .anyMatch(line -> line.contains("Screen Time"))
                    .anyMatch(line -> line.contains("Account Changes") && line.contains("Allow"));
            assertThat(doctor().diagnose(restricted).healthy()).isFalse();
        }

        @Test
        void allowedOrUnknownSaysNothing() {
            assertThat(plan(allFine().with(Restrictions.UNKNOWN))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row02TurnOnICloudBackup {
        @Test
        void backupSwitchedOffIsAFix() {
            DeviceSnapshot off = allFine().with(allFine().icloud().withBackupEnabled(NO));
            assertThat(plan(off)).isEqualTo(withRemedies("FIX TURN_ON_ICLOUD_BACKUP"));
            Action action = action(off, "TURN_ON_ICLOUD_BACKUP");
            assertThat(action.title()).isEqualTo("Turn on iCloud Backup");
            assertThat(action.step()).isEqualTo(1);
            assertThat(action.rule()).isEqualTo("iCloud Backup is off");
            assertThat(action.instructions()).first().isEqualTo("Open Settings.");
        }

        @Test
        void backupSwitchUnknownIsACheck() {
            assertThat(plan(allFine().with(allFine().icloud().withBackupEnabled(UNKNOWN))))
                    .isEqualTo(withRemedies("CHECK TURN_ON_ICLOUD_BACKUP"));
        }
    }

    @Nested
    class Row03LockIphone {
        @Test
        void unlockedScreenIsAFix() {
            assertThat(plan(allFine().with(allFine().device().withScreenLocked(NO))))
                    .isEqualTo(withRemedies("FIX LOCK_IPHONE"));
        }

        @Test
        void unknownLockStateAsksNothing() {
            assertThat(plan(allFine().with(allFine().device().withScreenLocked(UNKNOWN)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row04BackUpNow {
        @Test
        void isTheFirstRemedyAndSaysWhatItsMessagesMean() {
            Action action = action(allFine(), "BACK_UP_NOW");
            assertThat(doctor().diagnose(allFine()).actions().get(0)).isEqualTo(action);
            assertThat(action.kind()).isEqualTo(Kind.TRY);
            assertThat(action.instructions()).anyMatch(line -> line.contains("Back Up Now"))
                    .contains("About iCloud storage: make room in iCloud, or choose a larger plan.",
                            "That the last backup could not be completed: find the app that breaks the backup.")
                    .as("names the action, not the article's step, and quotes no alert Apple's pages don't spell")
                    .noneMatch(line -> line.contains("step ") || line.contains("\""));
        }

        @Test
        void triedOrDuringAnOutageItGoes() {
            assertThat(plan(allFine().withTried("BACK_UP_NOW"))).isEqualTo(without(GENERAL_REMEDIES, "TRY BACK_UP_NOW"));
            assertThat(plan(allFine().with(ServiceStatus.UNKNOWN
                    .withIcloudBackup(ServiceState.OUTAGE)))).doesNotContain("TRY BACK_UP_NOW");
        }
    }

    @Nested
    class Row05ConnectToWifi {
        @Test
        void wifiSwitchedOffIsAFix() {
            DeviceSnapshot off = allFine().with(WifiStatus.UNKNOWN.withEnabled(NO).withConnected(UNKNOWN)
                    .withLowDataMode(NO).withFiltered(NO));
            assertThat(plan(off)).isEqualTo(withRemedies("FIX CONNECT_TO_WIFI", "FIX TURN_ON_CELLULAR_BACKUP"));
            assertThat(action(off, "CONNECT_TO_WIFI").reason()).contains("switched off");
        }

        @Test
        void notConnectedIsAFix() {
            DeviceSnapshot iphone8 = allFine().with(device("iPhone 8", "16.7", "16.7"));
            assertThat(plan(iphone8.with(allFine().wifi().withConnected(NO)))).isEqualTo(withRemedies("FIX CONNECT_TO_WIFI"));
        }

        @Test
        void connectionUnknownIsACheck() {
            assertThat(plan(allFine().with(allFine().wifi().withConnected(UNKNOWN))))
                    .isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
            assertThat(plan(allFine().with(WifiStatus.UNKNOWN))).isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
        }

        @Test
        void notWhenBackUpOverCellularIsOn() {
            ICloudSettings cellular = allFine().icloud().withBackupOverCellular(YES);
            assertThat(plan(allFine().with(cellular).with(allFine().wifi().withEnabled(NO)))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(allFine().with(cellular).with(WifiStatus.UNKNOWN))).isEqualTo(GENERAL_REMEDIES);
        }

        @Test
        void anUnknownCellularSwitchStillNeedsWifi() {
            ICloudSettings cellularUnknown = allFine().icloud().withBackupOverCellular(UNKNOWN);
            assertThat(plan(allFine().with(cellularUnknown).with(WifiStatus.UNKNOWN)))
                    .isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
        }
    }

    @Nested
    class Row06MoveCloserToRouter {
        @Test
        void oneBarOrNoneWhileConnectedIsAFix() {
            assertThat(plan(allFine().with(allFine().wifi().withSignalBars(1))))
                    .isEqualTo(withRemedies("FIX MOVE_CLOSER_TO_ROUTER"));
            assertThat(plan(allFine().with(WifiStatus.UNKNOWN.withEnabled(UNKNOWN).withConnected(YES)
                    .withSignalBars(0).withLowDataMode(NO).withFiltered(NO))))
                    .isEqualTo(withRemedies("FIX MOVE_CLOSER_TO_ROUTER"));
            assertThat(action(allFine().with(allFine().wifi().withSignalBars(1)), "MOVE_CLOSER_TO_ROUTER").reason())
                    .contains("1 of 3 bars");
        }

        @Test
        void twoBarsOrAnUnknownSignalIsFine() {
            assertThat(plan(allFine().with(allFine().wifi().withSignalBars(2)))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(allFine().with(allFine().wifi().withSignalBars(null)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row07TurnOffLowDataMode {
        @Test
        void lowDataModeOnTheConnectedNetworkIsAFix() {
            DeviceSnapshot hotspot = allFine().with(allFine().wifi().withLowDataMode(YES));
            assertThat(plan(hotspot)).isEqualTo(withRemedies("FIX TURN_OFF_LOW_DATA_MODE"));
            Action action = action(hotspot, "TURN_OFF_LOW_DATA_MODE");
            assertThat(action.reason()).contains("turns automatic iCloud backups off");
            assertThat(action.instructions()).anyMatch(line -> line.contains("Personal Hotspot"));
            assertThat(action.caution()).isNotBlank();
        }

        @Test
        void onlyWhileConnected() {
            DeviceSnapshot unknownConnection = allFine().with(WifiStatus.UNKNOWN.withEnabled(YES)
                    .withConnected(UNKNOWN).withSignalBars(3).withLowDataMode(YES).withFiltered(NO));
            assertThat(plan(unknownConnection)).isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
            assertThat(plan(allFine().with(allFine().wifi().withLowDataMode(UNKNOWN)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row08TurnOnCellularBackup {
        DeviceSnapshot offWifi(String model, String ios) {
            return allFine().with(device(model, ios, ios)).with(allFine().wifi().withConnected(NO));
        }

        @ParameterizedTest
        @ValueSource(strings = {"iPhone 12 mini", "iphone 15  pro max", "  IPHONE 16E ", "iPhone 16e", "iPhone Air",
            "iPhone SE (3rd generation)", "iPhone 17 Pro", "iPhone 100"})
        void fiveGModelsMayBackUpOverCellularInstead(String model) {
            DeviceSnapshot snapshot = offWifi(model, "17.1");
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX CONNECT_TO_WIFI", "FIX TURN_ON_CELLULAR_BACKUP"));
            Action action = action(snapshot, "TURN_ON_CELLULAR_BACKUP");
            assertThat(action.alternativeTo()).isEqualTo("CONNECT_TO_WIFI");
            assertThat(action.instructions()).anyMatch(line -> line.contains("carrier"));
            assertThat(action(snapshot, "CONNECT_TO_WIFI").alternativeTo()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"iPhone 11", "iPhone 11 Pro Max", "iPhone SE (2nd generation)", "iPad Air", "iPhone X",
            "iPhone 8", "Pixel 9", "iPhone"})
        void otherModelsOnlyConnectToWifi(String model) {
            assertThat(plan(offWifi(model, "17.1"))).isEqualTo(withRemedies("FIX CONNECT_TO_WIFI"));
        }

        @Test
        void anUnknownModelDoesNotCount() {
            assertThat(plan(allFine().with(DeviceInfo.UNKNOWN.withSideloadedApps(NO))
                    .with(allFine().wifi().withConnected(NO)))).doesNotContain("FIX TURN_ON_CELLULAR_BACKUP");
        }

        @Test
        void needsIos15OrAnUnknownVersion() {
            assertThat(plan(offWifi("iPhone 12", "14.8"))).doesNotContain("FIX TURN_ON_CELLULAR_BACKUP");
            assertThat(plan(offWifi("iPhone 12", "15"))).contains("FIX TURN_ON_CELLULAR_BACKUP");
            assertThat(plan(offWifi("iPhone 12", null))).contains("FIX TURN_ON_CELLULAR_BACKUP");
        }

        @Test
        void notWhenTheSwitchIsAlreadyOnOrWifiOnlyUnknown() {
            DeviceSnapshot on = offWifi("iPhone 13", "17.1").with(allFine().icloud().withBackupOverCellular(YES));
            assertThat(plan(on)).isEqualTo(GENERAL_REMEDIES);
            DeviceSnapshot unknownWifi = allFine().with(device("iPhone 13", "17.1", "17.1")).with(WifiStatus.UNKNOWN);
            assertThat(plan(unknownWifi)).isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
        }
    }

    @Nested
    class Row09PauseNetworkFilter {
        @Test
        void aFilterIsAFix() {
            DeviceSnapshot filtered = allFine().with(allFine().wifi().withFiltered(YES));
            assertThat(plan(filtered)).isEqualTo(withRemedies("FIX PAUSE_NETWORK_FILTER"));
            Action action = action(filtered, "PAUSE_NETWORK_FILTER");
            assertThat(action.instructions()).anyMatch(line -> line.contains("VPN"))
                    .anyMatch(line -> line.contains("Pi-hole") && line.contains("allow Apple's iCloud servers"));
        }

        @Test
        void evenOffWifiAVpnStandsInTheWay() {
            DeviceSnapshot cellular = allFine().with(allFine().icloud().withBackupOverCellular(YES))
                    .with(WifiStatus.UNKNOWN.withEnabled(NO).withConnected(NO).withLowDataMode(UNKNOWN)
                            .withFiltered(YES));
            assertThat(plan(cellular)).isEqualTo(withRemedies("FIX PAUSE_NETWORK_FILTER"));
        }
    }

    @Nested
    class Row10ConnectToPower {
        @Test
        void unpluggedIsAFix() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN.withConnected(NO).withCharging(NO)
                    .withCable(Cable.UNKNOWN).withBatteryPercent(20))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_POWER"));
        }

        @Test
        void unknownIsACheck() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN))).isEqualTo(withRemedies("CHECK CONNECT_TO_POWER"));
        }

        @Test
        void contradictoryFactsAreReadFieldByField() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN.withConnected(NO).withCharging(YES)
                    .withCable(Cable.APPLE).withBatteryPercent(50))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_POWER"));
        }
    }

    @Nested
    class Row11TryAnotherCable {
        @Test
        void pluggedInButNotChargingBelow75PercentIsAFix() {
            DeviceSnapshot at74 = allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO)
                    .withCable(Cable.APPLE).withBatteryPercent(74));
            assertThat(plan(at74)).isEqualTo(withRemedies("FIX TRY_ANOTHER_CABLE"));
            assertThat(action(at74, "TRY_ANOTHER_CABLE").reason()).contains("at 74 % battery");
        }

        @Test
        void notChargingFrom75PercentIsNormal() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO)
                    .withCable(Cable.APPLE).withBatteryPercent(75)))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO)
                    .withCable(Cable.THIRD_PARTY).withBatteryPercent(100)))).isEqualTo(GENERAL_REMEDIES);
        }

        @Test
        void anUnknownLevelIsAFixThatExplainsTheLevelsFirst() {
            Action action = action(allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO)
                    .withCable(Cable.APPLE)), "TRY_ANOTHER_CABLE");
            assertThat(action.instructions().get(0)).contains("75 %").contains("80 %").contains("normal");
        }

        @Test
        void aThirdPartyCableIsSwappedForApples() {
            Action action = action(allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO)
                    .withCable(Cable.THIRD_PARTY).withBatteryPercent(30)), "TRY_ANOTHER_CABLE");
            assertThat(action.instructions()).first().asString().contains("third-party");
            assertThat(action.instructions()).anyMatch(line -> line.contains("Apple cable"));
            assertThat(action.reason()).contains("third-party");
        }

        @Test
        void chargingUnknownAsksNothingAboutTheCable() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN.withConnected(YES).withCharging(UNKNOWN)
                    .withCable(Cable.UNKNOWN).withBatteryPercent(10)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    /** A 5 GB plan, 4.2 GB used: 0.8 GB free, the next backup needs 1.5 GB, 0.7 GB short. */
    static DeviceSnapshot short700Mb(List<AppBackup> apps, List<DeviceBackup> oldDevices) {
        return allFine().with(StorageStatus.UNKNOWN.withTotalBytes(5 * GB).withUsedBytes(4_200_000_000L)
                .withNextBackupBytes(1_500_000_000L).withAppBackups(apps).withOtherDeviceBackups(oldDevices));
    }

    static final List<AppBackup> APPS = List.of(
            new AppBackup("Notes", 50_000_000L),
            new AppBackup("Photos Plus", 300_000_000L),
            new AppBackup("WhatsApp", 500_000_000L));

    @Nested
    class Row12DeleteOldDeviceBackups {
        @Test
        void oldBackupsThatCoverTheShortfallExactlyLeaveNothingToFreeUp() {
            List<DeviceBackup> old = List.of(new DeviceBackup("Old iPad", 400_000_000L), new DeviceBackup("iPhone 7", 300_000_000L));
            DeviceSnapshot snapshot = short700Mb(APPS, old);
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX DELETE_OLD_DEVICE_BACKUPS", "FIX UPGRADE_ICLOUD_STORAGE"));
            Action delete = action(snapshot, "DELETE_OLD_DEVICE_BACKUPS");
            assertThat(delete.instructions()).filteredOn(line -> line.contains("Delete & Turn Off Backup"))
                    .containsExactly(
                            "Tap Old iPad, then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees 0.4 GB.",
                            "Tap iPhone 7, then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees 0.3 GB.");
            assertThat(delete.caution()).contains("also turns off iCloud Backup for that device");
            assertThat(action(snapshot, "UPGRADE_ICLOUD_STORAGE").alternativeTo()).isEqualTo("DELETE_OLD_DEVICE_BACKUPS");
        }

        @Test
        void namesJustEnoughLargestFirstInListedOrderForEqualSizes() {
            List<DeviceBackup> old = List.of(new DeviceBackup("A", 100_000_000L), new DeviceBackup("B", 600_000_000L),
                    new DeviceBackup("C", 600_000_000L), new DeviceBackup("D", 2 * GB));
            Action delete = action(short700Mb(APPS, old.subList(0, 3)), "DELETE_OLD_DEVICE_BACKUPS");
            assertThat(delete.instructions()).filteredOn(line -> line.startsWith("Tap ") && line.contains("Delete &"))
                    .extracting(line -> line.substring(4, 5)).containsExactly("B", "C");
            assertThat(action(short700Mb(APPS, old), "DELETE_OLD_DEVICE_BACKUPS").instructions())
                    .filteredOn(line -> line.contains("Delete &")).hasSize(1).first().asString().startsWith("Tap D,");
        }

        @Test
        void oldBackupsThatCoverPartFreeUpTheRestFromAppBackups() {
            DeviceSnapshot snapshot = short700Mb(APPS, List.of(new DeviceBackup("Old iPad", 300_000_000L)));
            assertThat(plan(snapshot)).isEqualTo(withRemedies(
                    "FIX DELETE_OLD_DEVICE_BACKUPS", "FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            Action freeUp = action(snapshot, "FREE_UP_ICLOUD_STORAGE");
            assertThat(freeUp.instructions()).filteredOn(line -> line.contains("Turn Off & Delete; this frees"))
                    .containsExactly("Turn off WhatsApp and tap Turn Off & Delete; this frees 0.5 GB.");
            assertThat(freeUp.reason()).contains("after the old devices' backups, 0.4 GB is still short");
            assertThat(action(snapshot, "DELETE_OLD_DEVICE_BACKUPS").reason()).endsWith("frees 0.3 GB of it.");
            assertThat(action(snapshot, "UPGRADE_ICLOUD_STORAGE").alternativeTo()).isEqualTo("DELETE_OLD_DEVICE_BACKUPS");
        }

        @Test
        void notEvenAllOldAndAppBackupsTogetherLeavesDeletingAndUpgrading() {
            DeviceSnapshot snapshot = short700Mb(List.of(new AppBackup("Notes", 50_000_000L)),
                    List.of(new DeviceBackup("Old iPad", 300_000_000L)));
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX DELETE_OLD_DEVICE_BACKUPS", "FIX UPGRADE_ICLOUD_STORAGE"));
        }

        @Test
        void zeroByteOrUnknownOldBackupsDeleteNothing() {
            List<DeviceBackup> empty = List.of(new DeviceBackup("Old iPad", 0), new DeviceBackup("Old iPhone", 0));
            assertThat(plan(short700Mb(APPS, empty)))
                    .isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(plan(short700Mb(APPS, null)))
                    .isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            List<DeviceBackup> someEmpty = List.of(new DeviceBackup("Watch", 0), new DeviceBackup("Old iPad", 2 * GB));
            assertThat(action(short700Mb(APPS, someEmpty), "DELETE_OLD_DEVICE_BACKUPS").instructions())
                    .noneMatch(line -> line.contains("Watch"));
        }

        @Test
        void nothingShortNothingDeleted() {
            DeviceSnapshot fits = allFine().with(StorageStatus.UNKNOWN.withTotalBytes(5 * GB).withUsedBytes(4 * GB)
                    .withNextBackupBytes(GB).withAppBackups(APPS)
                    .withOtherDeviceBackups(List.of(new DeviceBackup("Old iPad", 3 * GB))));
            assertThat(plan(fits)).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row13FreeUpICloudStorage {
        @Test
        void switchesOffJustEnoughAppBackupsLargestFirstInThisIphonesBackup() {
            List<AppBackup> needTwo = List.of(new AppBackup("Notes", 50_000_000L),
                    new AppBackup("Photos Plus", 300_000_000L), new AppBackup("WhatsApp", 500_000_000L));
            DeviceSnapshot snapshot = short700Mb(needTwo, List.of());
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            Action action = action(snapshot, "FREE_UP_ICLOUD_STORAGE");
            assertThat(action.instructions()).filteredOn(line -> line.startsWith("Turn off ") && line.contains("this frees"))
                    .containsExactly("Turn off WhatsApp and tap Turn Off & Delete; this frees 0.5 GB.",
                            "Turn off Photos Plus and tap Turn Off & Delete; this frees 0.3 GB.");
            assertThat(action.instructions()).contains("Tap Backups.",
                            "Tap this iPhone's name (some of Apple's apps are always backed up and have no switch here).")
                    .anyMatch(line -> line.contains("delete those downloads or its cache inside the app"))
                    .noneMatch(line -> line.contains("Delete Data"));
            assertThat(action.reason()).isEqualTo("iCloud has 0.8 GB free but the next backup needs 1.5 GB, "
                    + "0.7 GB short; leaving these apps out of the backup frees 0.8 GB.");
            assertThat(action.caution()).contains("not from the app or from its own iCloud storage");
            assertThat(action(snapshot, "UPGRADE_ICLOUD_STORAGE").alternativeTo()).isEqualTo("FREE_UP_ICLOUD_STORAGE");
        }

        @Test
        void unknownAppBackupsStillSuggestFreeingUpInGeneralTerms() {
            DeviceSnapshot snapshot = short700Mb(null, List.of());
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(action(snapshot, "FREE_UP_ICLOUD_STORAGE").instructions())
                    .anyMatch(line -> line.contains("at least 0.7 GB"));
        }

        @Test
        void anyUnknownSizeIsACheck() {
            assertThat(plan(allFine().with(new StorageStatus(5 * GB, null, GB, null))))
                    .isEqualTo(withRemedies("CHECK FREE_UP_ICLOUD_STORAGE"));
            assertThat(plan(allFine().with(new StorageStatus(null, GB, GB, List.of()))))
                    .isEqualTo(withRemedies("CHECK FREE_UP_ICLOUD_STORAGE"));
            assertThat(plan(allFine().with(new StorageStatus(5 * GB, GB, null, List.of()))))
                    .isEqualTo(withRemedies("CHECK FREE_UP_ICLOUD_STORAGE"));
        }

        @Test
        void aBackupThatExactlyFitsIsFine() {
            assertThat(plan(allFine().with(new StorageStatus(5 * GB, 4 * GB, GB, List.of())))).isEqualTo(GENERAL_REMEDIES);
        }

        @Test
        void byteCountsNearTheLimitAreExact() {
            long max = StorageStatus.MAX_BYTES;
            DeviceSnapshot snapshot = allFine().with(StorageStatus.UNKNOWN.withTotalBytes(max).withUsedBytes(max - 1)
                    .withNextBackupBytes(2L).withAppBackups(List.of(new AppBackup("A", max), new AppBackup("B", max)))
                    .withOtherDeviceBackups(List.of(new DeviceBackup("Old", max))));
            assertThat(plan(snapshot)).isEqualTo(withRemedies("FIX DELETE_OLD_DEVICE_BACKUPS", "FIX UPGRADE_ICLOUD_STORAGE"));
            DeviceSnapshot oneShort = allFine().with(StorageStatus.UNKNOWN.withTotalBytes(max).withUsedBytes(max)
                    .withNextBackupBytes(max).withAppBackups(List.of(new AppBackup("A", 1)))
                    .withOtherDeviceBackups(List.of(new DeviceBackup("Old", max - 1), new DeviceBackup("Older", max - 1))));
            assertThat(plan(oneShort)).isEqualTo(withRemedies("FIX DELETE_OLD_DEVICE_BACKUPS", "FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(action(oneShort, "DELETE_OLD_DEVICE_BACKUPS").instructions())
                    .filteredOn(line -> line.contains("Delete &")).hasSize(2);
        }
    }

    @Nested
    class Row14UpgradeICloudStorage {
        @Test
        void whenNothingCanBeDeletedOnlyTheUpgradeRemainsAndIsNoAlternative() {
            DeviceSnapshot tooSmall = short700Mb(List.of(new AppBackup("Notes", 50_000_000L)), List.of());
            assertThat(plan(tooSmall)).isEqualTo(withRemedies("FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(plan(short700Mb(List.of(), null))).isEqualTo(withRemedies("FIX UPGRADE_ICLOUD_STORAGE"));
            Action upgrade = action(tooSmall, "UPGRADE_ICLOUD_STORAGE");
            assertThat(upgrade.reason()).startsWith("iCloud has 0.8 GB free but the next backup needs 1.5 GB");
            assertThat(upgrade.alternativeTo()).isNull();
            assertThat(upgrade.instructions()).anyMatch(line -> line.contains("at least 0.7 GB more"));
        }
    }

    @Nested
    class Rows15And16AppleSystemStatus {
        @Test
        void anOutageIsWaitedOutAndOnlyAComputerBackupIsWorthTrying() {
            DeviceSnapshot outage = allFine().with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE));
            assertThat(plan(outage)).containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE", "TRY BACK_UP_WITH_COMPUTER");
            assertThat(action(outage, "BACK_UP_WITH_COMPUTER").reason()).contains("service is down");
        }

        @Test
        void anOutageKeepsEveryFixAndCheck() {
            DeviceSnapshot outage = allFine()
                    .with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE))
                    .with(ICloudSettings.UNKNOWN.withSignedIn(YES).withBackupEnabled(NO).withVerificationRequired(YES)
                            .withEmailVerified(YES).withBackupOverCellular(NO).withTwoFactor(YES))
                    .with(allFine().device().withSideloadedApps(YES))
                    .with(PowerState.UNKNOWN);
            assertThat(plan(outage)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP", "FIX WAIT_FOR_ICLOUD_SERVICE",
                    "FIX SIGN_OUT_AND_BACK_IN", "FIX FIND_APP_BREAKING_BACKUP", "CHECK CONNECT_TO_POWER",
                    "TRY BACK_UP_WITH_COMPUTER");
        }

        @Test
        void anOutageWithEverythingTriedLeavesNothingToTry() {
            assertThat(plan(allFine().with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE)).withTried(
                    "BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS",
                    "FIND_APP_BREAKING_BACKUP", "BACK_UP_WITH_COMPUTER")))
                    .containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE");
        }

        @Test
        void unknownStatusIsACheck() {
            assertThat(plan(allFine().with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.UNKNOWN))))
                    .isEqualTo(withRemedies("CHECK CHECK_SYSTEM_STATUS"));
            assertThat(plan(allFine().with(ServiceStatus.UNKNOWN))).isEqualTo(withRemedies("CHECK CHECK_SYSTEM_STATUS"));
        }
    }

    @Nested
    class Row17VerifyAccountEmail {
        @Test
        void anUnverifiedEmailIsAFixUnlessSignedOut() {
            DeviceSnapshot unverified = allFine().with(allFine().icloud().withEmailVerified(NO));
            assertThat(plan(unverified)).isEqualTo(withRemedies("FIX VERIFY_ACCOUNT_EMAIL"));
            assertThat(action(unverified, "VERIFY_ACCOUNT_EMAIL").step()).isEqualTo(6);
            assertThat(plan(unverified.with(unverified.icloud().withSignedIn(UNKNOWN))))
                    .contains("FIX VERIFY_ACCOUNT_EMAIL");
            assertThat(plan(unverified.with(unverified.icloud().withSignedIn(NO))))
                    .doesNotContain("FIX VERIFY_ACCOUNT_EMAIL").contains("FIX SIGN_IN_TO_ICLOUD");
        }
    }

    @Nested
    class Row18TurnOnTwoFactor {
        @Test
        void anAccountWithoutTwoFactorIsAFixUnlessSignedOut() {
            DeviceSnapshot noTwoFactor = allFine().with(allFine().icloud().withTwoFactor(NO));
            assertThat(plan(noTwoFactor)).isEqualTo(withRemedies("FIX TURN_ON_TWO_FACTOR"));
            assertThat(action(noTwoFactor, "TURN_ON_TWO_FACTOR").reason()).contains("16.3");
            assertThat(plan(noTwoFactor.with(noTwoFactor.icloud().withSignedIn(NO))))
                    .doesNotContain("FIX TURN_ON_TWO_FACTOR");
            assertThat(plan(allFine().with(allFine().icloud().withTwoFactor(UNKNOWN)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Rows19And20SignInAndOut {
        static final List<String> WITHOUT_SIGN_OUT = without(GENERAL_REMEDIES, "TRY SIGN_OUT_AND_BACK_IN");

        @Test
        void signedOutIsAFixAndSigningOutAgainMakesNoSense() {
            assertThat(plan(allFine().with(ICloudSettings.UNKNOWN.withSignedIn(NO).withBackupEnabled(YES)
                    .withVerificationRequired(UNKNOWN).withEmailVerified(YES).withBackupOverCellular(NO)
                    .withTwoFactor(YES))))
                    .isEqualTo(concat(List.of("FIX SIGN_IN_TO_ICLOUD"), WITHOUT_SIGN_OUT));
            assertThat(plan(allFine().with(ICloudSettings.UNKNOWN.withSignedIn(NO).withBackupEnabled(YES)
                    .withVerificationRequired(YES).withEmailVerified(YES).withBackupOverCellular(NO)
                    .withTwoFactor(YES))))
                    .isEqualTo(concat(List.of("FIX SIGN_IN_TO_ICLOUD"), WITHOUT_SIGN_OUT));
        }

        @Test
        void verificationRequiredIsAFixThatTriedDoesNotRemove() {
            DeviceSnapshot verification = allFine().with(ICloudSettings.UNKNOWN.withSignedIn(UNKNOWN)
                    .withBackupEnabled(YES).withVerificationRequired(YES).withEmailVerified(YES)
                    .withBackupOverCellular(NO).withTwoFactor(YES));
            List<String> expected = concat(List.of("FIX SIGN_OUT_AND_BACK_IN"), WITHOUT_SIGN_OUT);
            assertThat(plan(verification)).isEqualTo(expected);
            assertThat(plan(verification.withTried("SIGN_OUT_AND_BACK_IN"))).isEqualTo(expected);
            Action action = action(verification, "SIGN_OUT_AND_BACK_IN");
            assertThat(action.caution()).contains("Apple Account password");
            assertThat(action.instructions().get(0)).contains("sign in again with your current password");
        }

        @Test
        void otherwiseSigningOutAndInIsARemedyUntilTried() {
            assertThat(plan(allFine())).contains("TRY SIGN_OUT_AND_BACK_IN");
            assertThat(plan(allFine().with(allFine().icloud().withSignedIn(UNKNOWN).withVerificationRequired(UNKNOWN))))
                    .contains("TRY SIGN_OUT_AND_BACK_IN");
            assertThat(plan(allFine().withTried("SIGN_OUT_AND_BACK_IN"))).isEqualTo(WITHOUT_SIGN_OUT);
        }
    }

    @Nested
    class Row21RestartIphone {
        Action restart(String model) {
            return action(allFine().with(device(model, "17.1.1", "17.1.1")), "RESTART_IPHONE");
        }

        @Test
        void faceIdModelsHoldSideAndVolume() {
            for (String model : List.of("iPhone X", "iPhone XR", "iPhone 11", "iPhone 15 Pro Max", "iPhone 16e", "iPhone Air")) {
                assertThat(restart(model).instructions()).as(model).first().asString()
                        .startsWith("Hold the Side button and either Volume button");
            }
        }

        @Test
        void homeButtonModelsAndEverySeHoldTheSideOrTopButton() {
            for (String model : List.of("iPhone 8", "iPhone 8 Plus", "iPhone 6s", "iPhone SE (2nd generation)",
                    "iPhone SE (3rd generation)")) {
                assertThat(restart(model).instructions()).as(model).first().asString()
                        .startsWith("Hold the Side (or Top) button");
            }
        }

        @Test
        void anUnknownModelGetsBothVariants() {
            Action action = action(allFine().with(DeviceInfo.UNKNOWN), "RESTART_IPHONE");
            assertThat(action.instructions().get(0)).startsWith("On an iPhone X or later");
            assertThat(action.instructions().get(1)).startsWith("On an iPhone 8 or earlier");
        }

        @Test
        void triedRemovesIt() {
            assertThat(plan(allFine().withTried("RESTART_IPHONE"))).isEqualTo(without(GENERAL_REMEDIES, "TRY RESTART_IPHONE"));
        }
    }

    @Nested
    class Row22ResetAllSettings {
        @Test
        void isARemedyThroughTodaysMenuWithACautionAboutPreferences() {
            Action action = action(allFine(), "RESET_ALL_SETTINGS");
            assertThat(action.kind()).isEqualTo(Kind.TRY);
            assertThat(action.caution()).contains("keeps your data").contains("Wi-Fi passwords")
                    .contains("location and privacy settings").contains("keyboard dictionary").contains("Apple Pay");
            assertThat(action.instructions()).containsSubsequence("Tap General.", "Scroll down and tap Transfer or Reset iPhone.",
                    "Tap Reset, then Reset All Settings, and enter your passcode to confirm.");
        }

        @Test
        void triedRemovesIt() {
            assertThat(plan(allFine().withTried("RESET_ALL_SETTINGS")))
                    .isEqualTo(without(GENERAL_REMEDIES, "TRY RESET_ALL_SETTINGS"));
        }
    }

    @Nested
    class Row23UpdateIos {
        final List<String> withUpdate = List.of("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE",
                "TRY RESET_ALL_SETTINGS", "TRY UPDATE_IOS", "TRY FIND_APP_BREAKING_BACKUP");

        @Test
        void anOlderIosIsARemedyThatNeedsWifiAndPower() {
            DeviceSnapshot old = allFine().with(device("iPhone 8", "16.7.2", "17.1.1"));
            assertThat(plan(old)).isEqualTo(withUpdate);
            Action action = action(old, "UPDATE_IOS");
            assertThat(action.instructions().get(0)).contains("Wi-Fi").contains("power");
            assertThat(action.reason()).contains("iOS 16.7.2").contains("iOS 17.1.1");
        }

        @Test
        void versionsAreComparedNumericallyWithMissingPartsAsZero() {
            assertThat(plan(allFine().with(device("iPhone 15", "17.9", "17.10")))).contains("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17.10", "17.9")))).doesNotContain("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17", "17.0")))).doesNotContain("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17.0", "17")))).doesNotContain("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17", "17.0.1")))).contains("TRY UPDATE_IOS");
        }

        @Test
        void eitherVersionUnknownIsWorthTrying() {
            assertThat(plan(allFine().with(device("iPhone 15", null, "17.1")))).isEqualTo(withUpdate);
            assertThat(plan(allFine().with(device("iPhone 15", "17.1", null)))).isEqualTo(withUpdate);
        }

        @Test
        void triedOrDuringAnOutageItGoes() {
            DeviceSnapshot old = allFine().with(device("iPhone 8", "16.7.2", "17.1.1"));
            assertThat(plan(old.withTried("UPDATE_IOS"))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(old.with(ServiceStatus.UNKNOWN
                    .withIcloudBackup(ServiceState.OUTAGE)))).doesNotContain("TRY UPDATE_IOS");
        }
    }

    @Nested
    class Row24FindAppBreakingBackup {
        @Test
        void appsFromOutsideTheAppStoreMakeItAFixThatStaysWhenTried() {
            DeviceSnapshot sideloaded = allFine().with(allFine().device().withSideloadedApps(YES));
            List<String> expected = concat(List.of("FIX FIND_APP_BREAKING_BACKUP"),
                    without(GENERAL_REMEDIES, "TRY FIND_APP_BREAKING_BACKUP"));
            assertThat(plan(sideloaded)).isEqualTo(expected);
            assertThat(plan(sideloaded.withTried("FIND_APP_BREAKING_BACKUP"))).isEqualTo(expected);
            Action action = action(sideloaded, "FIND_APP_BREAKING_BACKUP");
            assertThat(action.step()).isNull();
            assertThat(action.instructions()).anyMatch(line -> line.contains("outside the App Store first"))
                    .anyMatch(line -> line.contains("Back Up Now"));
        }

        @Test
        void otherwiseARemedyBeforeTheComputerBackupUntilTried() {
            assertThat(plan(allFine().with(allFine().device().withSideloadedApps(UNKNOWN)))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(allFine().withTried("FIND_APP_BREAKING_BACKUP")))
                    .isEqualTo(without(GENERAL_REMEDIES, "TRY FIND_APP_BREAKING_BACKUP"));
        }
    }

    @Nested
    class Row25BackUpWithComputer {
        final String[] everyOtherRemedy = {"BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS",
            "FIND_APP_BREAKING_BACKUP"};

        @Test
        void appearsOnceEveryOtherRemedyIsTriedOrNotApplicable() {
            DeviceSnapshot triedAll = allFine().withTried(everyOtherRemedy);
            assertThat(plan(triedAll)).containsExactly("TRY BACK_UP_WITH_COMPUTER");
            Action action = action(triedAll, "BACK_UP_WITH_COMPUTER");
            assertThat(action.step()).isNull();
            assertThat(action.reason()).contains("tried or doesn't apply");
        }

        @Test
        void doesNotAppearWhileAnotherRemedyIsLeft() {
            assertThat(plan(allFine().withTried("BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS")))
                    .containsExactly("TRY FIND_APP_BREAKING_BACKUP");
        }

        @Test
        void triedToo_leavesNothingToTryAndTheDeviceHealthy() {
            DeviceSnapshot triedEverything = allFine().withTried(everyOtherRemedy).withTried("BACK_UP_WITH_COMPUTER");
            assertThat(plan(triedEverything)).isEmpty();
            assertThat(doctor().diagnose(triedEverything).healthy()).isTrue();
        }
    }

    /** Row 25's TRY-when, and the "Stale backup" rule: 14 days or more without an iCloud backup. */
    @Nested
    class StaleBackup {
        DeviceSnapshot daysAgo(DeviceSnapshot snapshot, int days) {
            return snapshot.with(snapshot.icloud().withLastBackupDaysAgo(days));
        }

        @Test
        void thirteenDaysChangesNothingAndIsHealthy() {
            assertThat(plan(daysAgo(allFine(), 13))).isEqualTo(GENERAL_REMEDIES);
            assertThat(doctor().diagnose(daysAgo(allFine(), 13)).healthy()).isTrue();
        }

        @Test
        void fourteenDaysListsTheComputerBackupBesideTheOtherRemediesNamingTheDaysAndIsNotHealthy() {
            DeviceSnapshot stale = daysAgo(allFine(), 14);
            assertThat(plan(stale)).isEqualTo(concat(GENERAL_REMEDIES, List.of("TRY BACK_UP_WITH_COMPUTER")));
            Action action = action(stale, "BACK_UP_WITH_COMPUTER");
            assertThat(action.rule()).isEqualTo("The last backup is stale");
            assertThat(action.reason()).isEqualTo("The iPhone hasn't backed up to iCloud for 14 days: a backup to a computer"
                    + " keeps its data safe now, while iCloud Backup is being sorted out.");
            assertThat(doctor().diagnose(stale).healthy()).isFalse();
        }

        @Test
        void from150DaysTheCautionCountsTheDaysBeforeAppleMayDeleteTheBackups() {
            assertThat(action(daysAgo(allFine(), 149), "BACK_UP_WITH_COMPUTER").caution()).isNull();
            assertThat(action(daysAgo(allFine(), 150), "BACK_UP_WITH_COMPUTER").caution())
                    .isEqualTo("Apple may delete this iPhone's iCloud backups after 180 days without a backup: 30 days are left.");
            assertThat(action(daysAgo(allFine(), 179), "BACK_UP_WITH_COMPUTER").caution())
                    .isEqualTo("Apple may delete this iPhone's iCloud backups after 180 days without a backup: 1 day is left.");
            for (int days : new int[] {180, 36_500}) {
                assertThat(action(daysAgo(allFine(), days), "BACK_UP_WITH_COMPUTER").caution()).as("%d days", days)
                        .isEqualTo("After 180 days without a backup, Apple may already have deleted this iPhone's iCloud backups:"
                                + " the computer backup may now be the only one.");
            }
            DeviceSnapshot justBackedUp = shown(daysAgo(allFine(), 200), BackupMessage.COMPLETED);
            assertThat(justBackedUp.icloud().backupsAtRisk()).isFalse();
            assertThat(plan(justBackedUp)).isEmpty();
        }

        @Test
        void staleDuringAnOutageIsTheOnlyRemedyAndNamesBoth() {
            DeviceSnapshot staleOutage = daysAgo(allFine(), 23).with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE));
            assertThat(plan(staleOutage)).containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE", "TRY BACK_UP_WITH_COMPUTER");
            assertThat(action(staleOutage, "BACK_UP_WITH_COMPUTER").reason()).isEqualTo("Apple's iCloud Backup service is down,"
                    + " and the iPhone hasn't backed up to iCloud for 23 days: a backup to a computer still works, and keeps its data safe now.");
        }

        @Test
        void staleWithEveryOtherRemedyTriedIsTheComputerBackupStillNamingTheDays() {
            DeviceSnapshot triedTheRest = daysAgo(allFine(), 36_500).withTried("BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN",
                    "RESTART_IPHONE", "RESET_ALL_SETTINGS", "FIND_APP_BREAKING_BACKUP");
            assertThat(plan(triedTheRest)).containsExactly("TRY BACK_UP_WITH_COMPUTER");
            assertThat(action(triedTheRest, "BACK_UP_WITH_COMPUTER").reason()).contains("for 36500 days");
        }

        @Test
        void staleWithEverythingTriedListsNothingAndIsStillNotHealthy() {
            DeviceSnapshot triedEverything = daysAgo(allFine(), 30).withTried("BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN",
                    "RESTART_IPHONE", "RESET_ALL_SETTINGS", "FIND_APP_BREAKING_BACKUP", "BACK_UP_WITH_COMPUTER");
            assertThat(plan(triedEverything)).isEmpty();
            assertThat(doctor().diagnose(triedEverything).healthy()).isFalse();
        }
    }

    /** The "Recent backup" rule: a backup at most a day old shows iCloud Backup works. */
    @Nested
    class RecentBackup {
        DeviceSnapshot daysAgo(DeviceSnapshot snapshot, int days) {
            return snapshot.with(snapshot.icloud().withLastBackupDaysAgo(days));
        }

        @Test
        void oneDayLeavesNoRemedyAndIsHealthy() {
            assertThat(plan(daysAgo(allFine(), 1))).isEmpty();
            assertThat(doctor().diagnose(daysAgo(allFine(), 1)).healthy()).isTrue();
        }

        @Test
        void twoDaysChangesNothing() {
            assertThat(plan(daysAgo(allFine(), 2))).isEqualTo(GENERAL_REMEDIES);
        }

        @Test
        void everythingUnknownButARecentBackupLeavesNoCheck() {
            assertThat(plan(DeviceSnapshot.unknown().with(ICloudSettings.UNKNOWN.withLastBackupDaysAgo(0)))).isEmpty();
        }

        @Test
        void aFixWhoseCauseCanStopTheNextBackupStays() {
            DeviceSnapshot switchedOff = daysAgo(allFine(), 0).with(allFine().icloud().withBackupEnabled(NO).withLastBackupDaysAgo(0));
            assertThat(plan(switchedOff)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP");
            assertThat(doctor().diagnose(switchedOff).healthy()).isFalse();
        }

        @Test
        void aNetworkFilterDidNotStopIt() {
            assertThat(plan(daysAgo(allFine().with(allFine().wifi().withFiltered(YES)), 1))).isEmpty();
        }

        @Test
        void anAccountWithoutTwoFactorDidNotStopIt() {
            assertThat(plan(daysAgo(allFine().with(allFine().icloud().withTwoFactor(NO)), 1))).isEmpty();
        }

        @Test
        void appsFromOutsideTheAppStoreDidNotStopIt() {
            assertThat(plan(daysAgo(allFine().with(allFine().device().withSideloadedApps(YES)), 1))).isEmpty();
        }

        @Test
        void duringAnOutageOnlyTheWaitStaysNotTheComputerBackup() {
            DeviceSnapshot outage = daysAgo(allFine(), 1).with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE));
            assertThat(plan(outage)).containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE");
        }

        @Test
        void explainSaysARecentBackupTookItOut() {
            Explanation explained = doctor().explain(daysAgo(allFine().with(allFine().wifi().withFiltered(YES)), 1),
                    "PAUSE_NETWORK_FILTER");
            assertThat(explained.inPlan()).isFalse();
            assertThat(explained.reasons()).singleElement().asString()
                    .startsWith("rule \"A VPN or network filter is in the way\" (")
                    .endsWith(" proposed it as FIX, but the last backup is recent (icloud.lastBackupDaysAgo = 1): iCloud Backup"
                            + " works, so the plan lists no CHECK and no TRY, and no FIX whose cause was there while that backup"
                            + " went through (FIND_APP_BREAKING_BACKUP, PAUSE_NETWORK_FILTER, TURN_ON_TWO_FACTOR).");
        }
    }

    @Test
    void triedRemovesOnlyRemediesNeverAFixOrCheck() {
        DeviceSnapshot snapshot = allFine()
                .with(allFine().icloud().withBackupEnabled(NO))
                .with(PowerState.UNKNOWN)
                .withTried("TURN_ON_ICLOUD_BACKUP", "CONNECT_TO_POWER", "RESTART_IPHONE", "SOME_EXTENSION_REMEDY");
        assertThat(plan(snapshot)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP", "CHECK CONNECT_TO_POWER",
                "TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY RESET_ALL_SETTINGS", "TRY FIND_APP_BREAKING_BACKUP");
    }

    @Test
    void anEmptySnapshotIsTheWholeArticleAsAChecklist() {
        Diagnosis diagnosis = doctor().diagnose(DeviceSnapshot.unknown());
        assertThat(plan(DeviceSnapshot.unknown())).containsExactly(
                "CHECK TURN_ON_ICLOUD_BACKUP",
                "CHECK CONNECT_TO_WIFI",
                "CHECK CONNECT_TO_POWER",
                "CHECK FREE_UP_ICLOUD_STORAGE",
                "CHECK CHECK_SYSTEM_STATUS",
                "TRY BACK_UP_NOW",
                "TRY SIGN_OUT_AND_BACK_IN",
                "TRY RESTART_IPHONE",
                "TRY RESET_ALL_SETTINGS",
                "TRY UPDATE_IOS",
                "TRY FIND_APP_BREAKING_BACKUP");
        assertThat(diagnosis.actions()).extracting(Action::step).containsExactly(1, 2, 3, 4, 5, 1, 6, 7, 8, 9, null);
        assertThat(diagnosis.healthy()).isFalse();
    }

    @Test
    void everythingWrongAtOnceComesOutInCatalogOrder() {
        DeviceSnapshot everythingWrong = new DeviceSnapshot(null,
                DeviceInfo.UNKNOWN.withModel("iPhone 13").withIosVersion(IosVersion.parse("15.0"))
                        .withLatestIosVersion(IosVersion.parse("17.1")).withScreenLocked(NO).withSideloadedApps(YES),
                ICloudSettings.UNKNOWN.withSignedIn(YES).withBackupEnabled(NO).withVerificationRequired(YES)
                        .withEmailVerified(NO).withBackupOverCellular(NO).withTwoFactor(NO),
                Restrictions.UNKNOWN.withBackupAllowed(NO),
                WifiStatus.UNKNOWN.withEnabled(YES).withConnected(NO).withSignalBars(0).withLowDataMode(YES)
                        .withFiltered(YES),
                PowerState.UNKNOWN.withConnected(YES).withCharging(NO).withCable(Cable.THIRD_PARTY)
                        .withBatteryPercent(20),
                StorageStatus.UNKNOWN.withTotalBytes(5 * GB).withUsedBytes(5 * GB).withNextBackupBytes(3 * GB)
                        .withAppBackups(List.of(new AppBackup("WhatsApp", 2 * GB)))
                        .withOtherDeviceBackups(List.of(new DeviceBackup("Old iPad", GB))),
                ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE),
                List.of());
        assertThat(plan(everythingWrong)).containsExactly(
                "FIX ALLOW_ICLOUD_BACKUP",
                "FIX TURN_ON_ICLOUD_BACKUP",
                "FIX LOCK_IPHONE",
                "FIX CONNECT_TO_WIFI",
                "FIX TURN_ON_CELLULAR_BACKUP",
                "FIX PAUSE_NETWORK_FILTER",
                "FIX TRY_ANOTHER_CABLE",
                "FIX DELETE_OLD_DEVICE_BACKUPS",
                "FIX FREE_UP_ICLOUD_STORAGE",
                "FIX UPGRADE_ICLOUD_STORAGE",
                "FIX WAIT_FOR_ICLOUD_SERVICE",
                "FIX VERIFY_ACCOUNT_EMAIL",
                "FIX TURN_ON_TWO_FACTOR",
                "FIX SIGN_OUT_AND_BACK_IN",
                "FIX FIND_APP_BREAKING_BACKUP",
                "TRY BACK_UP_WITH_COMPUTER");
        assertThat(plan(everythingWrong.with(WifiStatus.UNKNOWN.withEnabled(YES).withConnected(YES).withSignalBars(0)
                .withLowDataMode(YES).withFiltered(NO))))
                .contains("FIX MOVE_CLOSER_TO_ROUTER", "FIX TURN_OFF_LOW_DATA_MODE");
    }

    @Test
    void everyActionNamesTheRuleThatProducedIt() {
        assertThat(doctor().diagnose(DeviceSnapshot.unknown()).actions())
                .allSatisfy(action -> assertThat(action.rule()).isNotBlank());
    }

    /** What the iPhone showed under Back Up Now (icloud.backupMessage): one class a value, with its edges. */
    static DeviceSnapshot shown(DeviceSnapshot snapshot, BackupMessage message) {
        return snapshot.with(snapshot.icloud().withBackupMessage(message));
    }

    static final List<String> GENERAL_REMEDIES_AFTER_BACK_UP_NOW = without(GENERAL_REMEDIES, "TRY BACK_UP_NOW");

    @Nested
    class MessageCompleted {
        @Test
        void aBackupJustMadeIsARecentBackup() {
            assertThat(plan(shown(allFine(), BackupMessage.COMPLETED))).isEmpty();
            DeviceSnapshot off = shown(allFine().with(allFine().icloud().withBackupEnabled(NO).withLastBackupDaysAgo(30)), BackupMessage.COMPLETED);
            assertThat(plan(off)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP");
            assertThat(doctor().explain(off, "RESTART_IPHONE").reasons()).singleElement().asString()
                    .contains("proposed it as TRY, but the last backup is recent (icloud.backupMessage = COMPLETED)");
        }

        @Test
        void aCauseThatWasThereDuringTheBackupGoesAsForARecentBackup() {
            DeviceSnapshot filtered = allFine().with(allFine().wifi().withFiltered(YES));
            assertThat(plan(filtered)).contains("FIX PAUSE_NETWORK_FILTER");
            assertThat(plan(shown(filtered, BackupMessage.COMPLETED))).isEmpty();
        }
    }

    @Nested
    class MessageNotEnoughStorage {
        DeviceSnapshot sizesUnknown(List<AppBackup> apps, List<DeviceBackup> devices) {
            return shown(allFine().with(StorageStatus.UNKNOWN.withAppBackups(apps).withOtherDeviceBackups(devices)),
                    BackupMessage.NOT_ENOUGH_STORAGE);
        }

        @Test
        void whereTheSizesAreKnownTheyDecide() {
            assertThat(plan(shown(allFine(), BackupMessage.NOT_ENOUGH_STORAGE))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
        }

        @Test
        void whereASizeIsUnknownStorageCountsAsShortAndEveryBackupIsNamedLargestFirst() {
            DeviceSnapshot full = sizesUnknown(List.of(new AppBackup("Photos", 300_000_000L), new AppBackup("WhatsApp", 900_000_000L),
                    new AppBackup("Notes", 0)), List.of(new DeviceBackup("Old iPad", 2_100_000_000L), new DeviceBackup("Old iPhone", 0),
                    new DeviceBackup("iPhone 8", 3_000_000_000L)));
            assertThat(plan(full)).isEqualTo(concat(List.of("FIX DELETE_OLD_DEVICE_BACKUPS", "FIX FREE_UP_ICLOUD_STORAGE",
                    "FIX UPGRADE_ICLOUD_STORAGE"), GENERAL_REMEDIES_AFTER_BACK_UP_NOW));
            Action delete = action(full, "DELETE_OLD_DEVICE_BACKUPS");
            assertThat(delete.rule()).isEqualTo("Back Up Now says iCloud is full: old device backups");
            assertThat(delete.instructions()).filteredOn(line -> line.startsWith("Tap ") && line.contains("frees"))
                    .containsExactly("Tap iPhone 8, then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees 3.0 GB.",
                            "Tap Old iPad, then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees 2.1 GB.");
            assertThat(delete.reason()).isEqualTo("Back Up Now said there isn't enough iCloud storage to back up; deleting the"
                    + " backups of devices no longer in use frees 5.1 GB.");
            Action freeUp = action(full, "FREE_UP_ICLOUD_STORAGE");
            assertThat(freeUp.instructions()).filteredOn(line -> line.startsWith("Turn off "))
                    .containsExactly("Turn off WhatsApp and tap Turn Off & Delete; this frees 0.9 GB.",
                            "Turn off Photos and tap Turn Off & Delete; this frees 0.3 GB.");
            assertThat(freeUp.reason()).isEqualTo("Back Up Now said there isn't enough iCloud storage to back up; leaving these"
                    + " apps out of the backup frees up to 1.2 GB.");
            Action upgrade = action(full, "UPGRADE_ICLOUD_STORAGE");
            assertThat(upgrade.instructions()).contains("Choose a larger plan than the one you have and confirm the purchase.");
            assertThat(upgrade.reason()).isEqualTo("Back Up Now said there isn't enough iCloud storage to back up; a larger plan"
                    + " costs a few dollars a month and makes room for good.");
            assertThat(upgrade.alternativeTo()).isEqualTo("DELETE_OLD_DEVICE_BACKUPS");
        }

        @Test
        void withoutAnOldBackupWithDataThereIsNothingToDeleteAndNoCheck() {
            DeviceSnapshot full = sizesUnknown(null, List.of(new DeviceBackup("Old iPhone", 0)));
            assertThat(plan(full)).isEqualTo(concat(List.of("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"),
                    GENERAL_REMEDIES_AFTER_BACK_UP_NOW));
            assertThat(action(full, "FREE_UP_ICLOUD_STORAGE").instructions())
                    .contains("Turn off an app whose data you don't need in the backup, and tap Turn Off & Delete.")
                    .noneMatch(line -> line.startsWith("Repeat until"));
            assertThat(action(full, "FREE_UP_ICLOUD_STORAGE").reason()).isEqualTo("Back Up Now said there isn't enough iCloud"
                    + " storage to back up; leaving apps you don't need out of the backup makes room.");
            assertThat(plan(sizesUnknown(null, null))).doesNotContain("CHECK FREE_UP_ICLOUD_STORAGE", "FIX DELETE_OLD_DEVICE_BACKUPS");
        }
    }

    @Nested
    class MessageNetworkError {
        @Test
        void anUnknownFilterAndSignalAreChecked() {
            DeviceSnapshot unknown = shown(allFine().with(allFine().wifi().withFiltered(UNKNOWN).withSignalBars(null)), BackupMessage.NETWORK_ERROR);
            assertThat(plan(unknown)).isEqualTo(concat(List.of("CHECK MOVE_CLOSER_TO_ROUTER", "CHECK PAUSE_NETWORK_FILTER"),
                    GENERAL_REMEDIES_AFTER_BACK_UP_NOW));
            Action filter = action(unknown, "PAUSE_NETWORK_FILTER");
            assertThat(filter.title()).isEqualTo("Check for a VPN or network filter");
            assertThat(filter.rule()).isEqualTo("Back Up Now names the network, a filter unknown");
            assertThat(filter.reason()).startsWith("Back Up Now named the network, and whether a VPN or network filter");
            assertThat(filter.because()).extracting(Evidence::toString).containsExactly("icloud.backupMessage = NETWORK_ERROR",
                    "wifi.filtered = UNKNOWN");
            assertThat(action(unknown, "MOVE_CLOSER_TO_ROUTER").title()).isEqualTo("Check the Wi-Fi signal");
        }

        @Test
        void knownFactsWin() {
            assertThat(plan(shown(allFine(), BackupMessage.NETWORK_ERROR))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
            DeviceSnapshot filtered = shown(allFine().with(allFine().wifi().withFiltered(YES).withSignalBars(null)), BackupMessage.NETWORK_ERROR);
            assertThat(plan(filtered)).startsWith("FIX PAUSE_NETWORK_FILTER", "CHECK MOVE_CLOSER_TO_ROUTER");
            DeviceSnapshot disconnected = shown(allFine().with(allFine().wifi().withConnected(NO).withSignalBars(null)
                    .withFiltered(NO)), BackupMessage.NETWORK_ERROR);
            assertThat(plan(disconnected)).doesNotContain("CHECK MOVE_CLOSER_TO_ROUTER").contains("FIX CONNECT_TO_WIFI");
        }
    }

    @Nested
    class MessageSignInRequired {
        @Test
        void isAsIfICloudAskedToVerifyTheAccount() {
            DeviceSnapshot asked = shown(allFine().with(allFine().icloud().withVerificationRequired(UNKNOWN)), BackupMessage.SIGN_IN_REQUIRED);
            assertThat(plan(asked)).isEqualTo(concat(List.of("FIX SIGN_OUT_AND_BACK_IN"),
                    without(GENERAL_REMEDIES_AFTER_BACK_UP_NOW, "TRY SIGN_OUT_AND_BACK_IN")));
            Action action = action(asked, "SIGN_OUT_AND_BACK_IN");
            assertThat(action.rule()).isEqualTo("Back Up Now asks to sign in");
            assertThat(action.reason()).isEqualTo("Back Up Now asked for the Apple Account's password or to sign in;"
                    + " signing in again clears such account problems.");
        }

        @Test
        void signedOutIsSigningInAndNoVerificationNeededIsNoFix() {
            DeviceSnapshot signedOut = shown(allFine().with(allFine().icloud().withSignedIn(NO).withVerificationRequired(UNKNOWN)),
                    BackupMessage.SIGN_IN_REQUIRED);
            assertThat(plan(signedOut)).contains("FIX SIGN_IN_TO_ICLOUD").doesNotContain("FIX SIGN_OUT_AND_BACK_IN");
            assertThat(plan(shown(allFine(), BackupMessage.SIGN_IN_REQUIRED))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
        }

        @Test
        void aVerificationAlsoKnownKeepsItsOwnReason() {
            DeviceSnapshot both = shown(allFine().with(allFine().icloud().withVerificationRequired(YES)), BackupMessage.SIGN_IN_REQUIRED);
            assertThat(action(both, "SIGN_OUT_AND_BACK_IN").rule()).isEqualTo("Apple Account needs verification");
            assertThat(action(allFine().with(allFine().icloud().withVerificationRequired(YES)), "SIGN_OUT_AND_BACK_IN").reason())
                    .isEqualTo("iCloud is asking to verify the Apple Account; signing in again clears verification problems.");
        }
    }

    @Nested
    class MessageEmailNotVerified {
        @Test
        void isAsIfTheEmailWereUnverified() {
            DeviceSnapshot unverified = shown(allFine().with(allFine().icloud().withEmailVerified(UNKNOWN)), BackupMessage.EMAIL_NOT_VERIFIED);
            assertThat(plan(unverified)).isEqualTo(concat(List.of("FIX VERIFY_ACCOUNT_EMAIL"), GENERAL_REMEDIES_AFTER_BACK_UP_NOW));
            Action action = action(unverified, "VERIFY_ACCOUNT_EMAIL");
            assertThat(action.rule()).isEqualTo("Back Up Now asks for a verified email address");
            assertThat(action.reason()).isEqualTo("Back Up Now said the iPhone can't back up without a verified email address;"
                    + " until the Apple Account's address is verified, iCloud refuses to back up.");
        }

        @Test
        void aVerifiedAddressChangesNothing() {
            assertThat(plan(shown(allFine(), BackupMessage.EMAIL_NOT_VERIFIED))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
            assertThat(action(allFine().with(allFine().icloud().withEmailVerified(NO)), "VERIFY_ACCOUNT_EMAIL").reason())
                    .isEqualTo("The Apple Account's email address was never verified; until it is, iCloud may refuse to back up.");
        }
    }

    @Nested
    class MessageCouldNotComplete {
        @Test
        void unknownAppsAreCheckedInsteadOfTried() {
            DeviceSnapshot unknown = shown(allFine().with(allFine().device().withSideloadedApps(UNKNOWN)), BackupMessage.COULD_NOT_COMPLETE);
            assertThat(plan(unknown)).isEqualTo(concat(List.of("CHECK FIND_APP_BREAKING_BACKUP"),
                    without(GENERAL_REMEDIES_AFTER_BACK_UP_NOW, "TRY FIND_APP_BREAKING_BACKUP")));
            assertThat(action(unknown, "FIND_APP_BREAKING_BACKUP").reason())
                    .startsWith("Back Up Now said the last backup could not be completed, and whether apps from outside");
        }

        @Test
        void knownAppsDecideAsBefore() {
            assertThat(plan(shown(allFine(), BackupMessage.COULD_NOT_COMPLETE))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
            DeviceSnapshot sideloaded = shown(allFine().with(allFine().device().withSideloadedApps(YES)), BackupMessage.COULD_NOT_COMPLETE);
            assertThat(plan(sideloaded)).startsWith("FIX FIND_APP_BREAKING_BACKUP").doesNotContain("CHECK FIND_APP_BREAKING_BACKUP");
        }
    }

    @Nested
    class MessageUnknownError {
        @Test
        void anUnknownTwoFactorIsChecked() {
            DeviceSnapshot unknown = shown(allFine().with(allFine().icloud().withTwoFactor(UNKNOWN)), BackupMessage.UNKNOWN_ERROR);
            assertThat(plan(unknown)).isEqualTo(concat(List.of("CHECK TURN_ON_TWO_FACTOR"), GENERAL_REMEDIES_AFTER_BACK_UP_NOW));
            Action action = action(unknown, "TURN_ON_TWO_FACTOR");
            assertThat(action.title()).isEqualTo("Check that the Apple Account uses two-factor authentication");
            assertThat(action.reason()).startsWith("Back Up Now reported an unknown error, and whether the Apple Account uses");
        }

        @Test
        void aKnownTwoFactorDecides() {
            assertThat(plan(shown(allFine(), BackupMessage.UNKNOWN_ERROR))).isEqualTo(GENERAL_REMEDIES_AFTER_BACK_UP_NOW);
            assertThat(plan(shown(allFine().with(allFine().icloud().withTwoFactor(NO)), BackupMessage.UNKNOWN_ERROR)))
                    .startsWith("FIX TURN_ON_TWO_FACTOR");
        }
    }

    @Nested
    class AnyMessage {
        @Test
        void meansBackUpNowWasTriedAndExplainSaysSo() {
            for (BackupMessage message : BackupMessage.values()) {
                if (message != BackupMessage.UNKNOWN && message != BackupMessage.COMPLETED) {
                    assertThat(plan(shown(allFine(), message))).as("%s", message).doesNotContain("TRY BACK_UP_NOW");
                }
            }
            assertThat(doctor().explain(shown(allFine(), BackupMessage.UNKNOWN_ERROR), "BACK_UP_NOW").reasons()).singleElement().asString()
                    .endsWith(" did not match: it needs no ICloudSettings( backupMessage != BackupMessage.UNKNOWN ),"
                            + " but icloud.backupMessage = UNKNOWN_ERROR.");
        }

        @Test
        void aRemedyThatAMessageMadeACheckIsNoLongerARemedyLeftSoTheComputerBackupComes() {
            DeviceSnapshot rest = shown(allFine().with(allFine().device().withSideloadedApps(UNKNOWN)), BackupMessage.COULD_NOT_COMPLETE)
                    .withTried("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS");
            assertThat(plan(rest)).containsExactly("CHECK FIND_APP_BREAKING_BACKUP", "TRY BACK_UP_WITH_COMPUTER");
        }

        @Test
        void anUnknownMessageChangesNothing() {
            assertThat(plan(shown(allFine(), BackupMessage.UNKNOWN))).isEqualTo(GENERAL_REMEDIES);
            assertThat(shown(allFine(), null)).isEqualTo(allFine());
        }

        /**
         * Each entry's policy for the messages ({@link Remedy#afterMessage()}) is what the rules do: a
         * message adds to a plan where everything is unknown exactly the entries it names, as the kind
         * they say, and takes out those that any message leaves out.
         */
        @Test
        void theCatalogsPolicyIsWhatTheRulesDo() {
            // Everything unknown but an old device's backup, which a message can bring into the plan.
            DeviceSnapshot unknown = DeviceSnapshot.unknown().with(StorageStatus.UNKNOWN.withOtherDeviceBackups(
                    List.of(new DeviceBackup("Old iPad", 2_000_000_000L))));
            List<String> before = plan(unknown);
            for (BackupMessage message : BackupMessage.values()) {
                if (message == BackupMessage.UNKNOWN || message == BackupMessage.COMPLETED) {
                    continue;
                }
                List<String> after = plan(shown(unknown, message));
                List<String> expectedAdded = Stream.of(Remedy.values()).filter(r -> r.afterMessage().shownBy().contains(message))
                        .map(r -> r.afterMessage().kind() + " " + r.id()).sorted().toList();
                List<String> expectedGone = Stream.of(Remedy.values()).filter(r -> r.afterMessage().leftOutByAny())
                        .flatMap(r -> before.stream().filter(line -> line.endsWith(" " + r.id()))).sorted().toList();
                assertThat(after.stream().filter(line -> !before.contains(line)).sorted().toList()).as("added by %s", message)
                        .isEqualTo(expectedAdded);
                assertThat(before.stream().filter(line -> !after.contains(line)).filter(line -> !replacedBy(line, after)).sorted().toList())
                        .as("taken out by %s", message).isEqualTo(expectedGone);
            }
        }

        /** A TRY that the same entry's CHECK or FIX now stands in for. */
        private boolean replacedBy(String line, List<String> after) {
            String id = line.substring(line.indexOf(' ') + 1);
            return after.stream().anyMatch(other -> other.endsWith(" " + id));
        }
    }
}
