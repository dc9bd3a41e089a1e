package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.GB;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static dev.backupdoctor.Snapshots.plan;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One GIVEN-facts / EXPECT-plan test per row of the contract's catalog. Each starts from a snapshot
 * where everything is known and fine, whose plan is only the general remedies below, and changes
 * the facts the row is about.
 */
class CatalogTest {

    static final List<String> GENERAL_REMEDIES =
            List.of("TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS");

    static List<String> withRemedies(String... actions) {
        return concat(List.of(actions), GENERAL_REMEDIES);
    }

    static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    static DeviceInfo device(String model, String ios, String latest, dev.backupdoctor.facts.Answer locked) {
        return new DeviceInfo(model, ios == null ? null : IosVersion.parse(ios),
                latest == null ? null : IosVersion.parse(latest), locked);
    }

    @Test
    void everythingFineLeavesOnlyTheGeneralRemediesAndIsHealthy() {
        assertThat(plan(allFine())).isEqualTo(GENERAL_REMEDIES);
        assertThat(doctor().diagnose(allFine()).healthy()).isTrue();
    }

    @Nested
    class Row01TurnOnICloudBackup {
        @Test
        void backupSwitchedOffIsAFix() {
            Diagnosis diagnosis = doctor().diagnose(allFine().with(new ICloudSettings(YES, NO, NO)));
            assertThat(diagnosis.actionIds()).startsWith("TURN_ON_ICLOUD_BACKUP");
            assertThat(plan(allFine().with(new ICloudSettings(YES, NO, NO))))
                    .isEqualTo(withRemedies("FIX TURN_ON_ICLOUD_BACKUP"));
            Action action = diagnosis.action("TURN_ON_ICLOUD_BACKUP").orElseThrow();
            assertThat(action.title()).isEqualTo("Turn on iCloud Backup");
            assertThat(action.step()).isEqualTo(1);
            assertThat(action.rule()).isEqualTo("iCloud Backup is off");
            assertThat(action.instructions()).first().isEqualTo("Open Settings.");
            assertThat(action.instructions()).anyMatch(line -> line.contains("iCloud Backup"));
            assertThat(diagnosis.healthy()).isFalse();
        }

        @Test
        void backupSwitchUnknownIsACheck() {
            assertThat(plan(allFine().with(new ICloudSettings(YES, UNKNOWN, NO))))
                    .isEqualTo(withRemedies("CHECK TURN_ON_ICLOUD_BACKUP"));
        }
    }

    @Nested
    class Row02LockIphone {
        @Test
        void unlockedScreenIsAFix() {
            assertThat(plan(allFine().with(device("iPhone 15 Pro", "17.1.1", "17.1.1", NO))))
                    .isEqualTo(withRemedies("FIX LOCK_IPHONE"));
        }

        @Test
        void unknownLockStateAsksNothing() {
            assertThat(plan(allFine().with(device("iPhone 15 Pro", "17.1.1", "17.1.1", UNKNOWN))))
                    .isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row03ConnectToWifi {
        @Test
        void wifiSwitchedOffIsAFix() {
            Diagnosis diagnosis = doctor().diagnose(allFine().with(new WifiStatus(NO, UNKNOWN, null)));
            assertThat(plan(allFine().with(new WifiStatus(NO, UNKNOWN, null))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_WIFI"));
            assertThat(diagnosis.action("CONNECT_TO_WIFI").orElseThrow().reason()).contains("switched off");
        }

        @Test
        void notConnectedIsAFix() {
            assertThat(plan(allFine().with(new WifiStatus(YES, NO, null))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_WIFI"));
        }

        @Test
        void connectionUnknownIsACheck() {
            assertThat(plan(allFine().with(new WifiStatus(YES, UNKNOWN, null))))
                    .isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
            assertThat(plan(allFine().with(WifiStatus.UNKNOWN)))
                    .isEqualTo(withRemedies("CHECK CONNECT_TO_WIFI"));
        }
    }

    @Nested
    class Row04MoveCloserToRouter {
        @Test
        void oneBarOrNoneWhileConnectedIsAFix() {
            assertThat(plan(allFine().with(new WifiStatus(YES, YES, 1))))
                    .isEqualTo(withRemedies("FIX MOVE_CLOSER_TO_ROUTER"));
            assertThat(plan(allFine().with(new WifiStatus(UNKNOWN, YES, 0))))
                    .isEqualTo(withRemedies("FIX MOVE_CLOSER_TO_ROUTER"));
            assertThat(doctor().diagnose(allFine().with(new WifiStatus(YES, YES, 1)))
                    .action("MOVE_CLOSER_TO_ROUTER").orElseThrow().reason()).contains("1 of 3 bars");
        }

        @Test
        void twoBarsOrAnUnknownSignalIsFine() {
            assertThat(plan(allFine().with(new WifiStatus(YES, YES, 2)))).isEqualTo(GENERAL_REMEDIES);
            assertThat(plan(allFine().with(new WifiStatus(YES, YES, null)))).isEqualTo(GENERAL_REMEDIES);
        }

        @Test
        void aWeakSignalWithoutAConnectionIsAboutConnectingFirst() {
            assertThat(plan(allFine().with(new WifiStatus(YES, NO, 0))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_WIFI"));
        }
    }

    @Nested
    class Row05ConnectToPower {
        @Test
        void unpluggedIsAFix() {
            assertThat(plan(allFine().with(new PowerState(NO, NO, Cable.UNKNOWN))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_POWER"));
        }

        @Test
        void unknownIsACheck() {
            assertThat(plan(allFine().with(PowerState.UNKNOWN)))
                    .isEqualTo(withRemedies("CHECK CONNECT_TO_POWER"));
        }

        @Test
        void contradictoryFactsAreReadFieldByField() {
            assertThat(plan(allFine().with(new PowerState(NO, YES, Cable.APPLE))))
                    .isEqualTo(withRemedies("FIX CONNECT_TO_POWER"));
        }
    }

    @Nested
    class Row06TryAnotherCable {
        @Test
        void pluggedInButNotChargingIsAFix() {
            assertThat(plan(allFine().with(new PowerState(YES, NO, Cable.APPLE))))
                    .isEqualTo(withRemedies("FIX TRY_ANOTHER_CABLE"));
        }

        @Test
        void aThirdPartyCableIsSwappedForApples() {
            Action action = doctor().diagnose(allFine().with(new PowerState(YES, NO, Cable.THIRD_PARTY)))
                    .action("TRY_ANOTHER_CABLE").orElseThrow();
            assertThat(action.instructions()).first().asString().contains("third-party");
            assertThat(action.instructions()).anyMatch(line -> line.contains("Apple cable"));
            assertThat(action.reason()).contains("third-party");
        }

        @Test
        void chargingUnknownAsksNothingAboutTheCable() {
            assertThat(plan(allFine().with(new PowerState(YES, UNKNOWN, Cable.UNKNOWN)))).isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Rows07And08ICloudStorage {
        // 5 GB plan, 4.2 GB used: 0.8 GB free, the next backup needs 1.5 GB, 0.7 GB short.
        final List<AppBackup> apps = List.of(
                new AppBackup("Photos Plus", 300_000_000L),
                new AppBackup("WhatsApp", 900_000_000L),
                new AppBackup("Notes", 50_000_000L));

        DeviceSnapshot full(List<AppBackup> appBackups) {
            return allFine().with(new StorageStatus(5 * GB, 4_200_000_000L, 1_500_000_000L, appBackups));
        }

        @Test
        void shortWithDeletableAppBackupsFreesUpAndOffersAnUpgrade() {
            assertThat(plan(full(apps)))
                    .isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
        }

        @Test
        void freeUpNamesJustEnoughAppBackupsLargestFirst() {
            List<AppBackup> needTwo = List.of(
                    new AppBackup("Notes", 50_000_000L),
                    new AppBackup("Photos Plus", 300_000_000L),
                    new AppBackup("WhatsApp", 500_000_000L));
            Action action = doctor().diagnose(full(needTwo)).action("FREE_UP_ICLOUD_STORAGE").orElseThrow();
            List<String> deletions = action.instructions().stream().filter(line -> line.contains("Delete Data")).toList();
            assertThat(deletions).hasSize(2);
            assertThat(deletions.get(0)).startsWith("Tap WhatsApp").contains("0.5 GB");
            assertThat(deletions.get(1)).startsWith("Tap Photos Plus").contains("0.3 GB");
            assertThat(action.reason()).isEqualTo("iCloud has 0.8 GB free but the next backup needs 1.5 GB, "
                    + "0.7 GB short; deleting these app backups frees 0.8 GB.");
            assertThat(action.caution()).contains("gone from iCloud for good");
        }

        @Test
        void whenAppBackupsCannotCoverTheShortfallOnlyTheUpgradeRemains() {
            List<AppBackup> tooSmall = List.of(new AppBackup("Notes", 50_000_000L));
            assertThat(plan(full(tooSmall))).isEqualTo(withRemedies("FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(plan(full(List.of()))).isEqualTo(withRemedies("FIX UPGRADE_ICLOUD_STORAGE"));
            assertThat(doctor().diagnose(full(tooSmall)).action("UPGRADE_ICLOUD_STORAGE").orElseThrow().reason())
                    .startsWith("iCloud has 0.8 GB free but the next backup needs 1.5 GB");
        }

        @Test
        void unknownAppBackupsStillSuggestFreeingUpInGeneralTerms() {
            assertThat(plan(full(null)))
                    .isEqualTo(withRemedies("FIX FREE_UP_ICLOUD_STORAGE", "FIX UPGRADE_ICLOUD_STORAGE"));
            Action action = doctor().diagnose(full(null)).action("FREE_UP_ICLOUD_STORAGE").orElseThrow();
            assertThat(action.instructions()).anyMatch(line -> line.contains("at least 0.7 GB"));
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
    }

    @Nested
    class Rows09And10AppleSystemStatus {
        @Test
        void anOutageIsWaitedOutAndOnlyAComputerBackupIsWorthTrying() {
            DeviceSnapshot outage = allFine().with(new ServiceStatus(ServiceState.OUTAGE));
            assertThat(plan(outage)).containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE", "TRY BACK_UP_WITH_COMPUTER");
            assertThat(doctor().diagnose(outage).action("BACK_UP_WITH_COMPUTER").orElseThrow().reason())
                    .contains("service is down");
        }

        @Test
        void anOutageKeepsEveryFixAndCheck() {
            DeviceSnapshot outage = allFine()
                    .with(new ServiceStatus(ServiceState.OUTAGE))
                    .with(new ICloudSettings(YES, NO, YES))
                    .with(PowerState.UNKNOWN);
            assertThat(plan(outage)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP", "FIX WAIT_FOR_ICLOUD_SERVICE",
                    "FIX SIGN_OUT_AND_BACK_IN", "CHECK CONNECT_TO_POWER", "TRY BACK_UP_WITH_COMPUTER");
        }

        @Test
        void anOutageWithTheComputerBackupTriedLeavesNothingToTry() {
            assertThat(plan(allFine().with(new ServiceStatus(ServiceState.OUTAGE)).withTried("BACK_UP_WITH_COMPUTER")))
                    .containsExactly("FIX WAIT_FOR_ICLOUD_SERVICE");
        }

        @Test
        void unknownStatusIsACheck() {
            assertThat(plan(allFine().with(new ServiceStatus(ServiceState.UNKNOWN))))
                    .isEqualTo(withRemedies("CHECK CHECK_SYSTEM_STATUS"));
            assertThat(plan(allFine().with(ServiceStatus.UNKNOWN)))
                    .isEqualTo(withRemedies("CHECK CHECK_SYSTEM_STATUS"));
        }
    }

    @Nested
    class Rows11And12SignInAndOut {
        @Test
        void signedOutIsAFixAndSigningOutAgainMakesNoSense() {
            assertThat(plan(allFine().with(new ICloudSettings(NO, YES, UNKNOWN))))
                    .containsExactly("FIX SIGN_IN_TO_ICLOUD", "TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS");
            assertThat(plan(allFine().with(new ICloudSettings(NO, YES, YES))))
                    .containsExactly("FIX SIGN_IN_TO_ICLOUD", "TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS");
        }

        @Test
        void verificationRequiredIsAFixThatTriedDoesNotRemove() {
            DeviceSnapshot verification = allFine().with(new ICloudSettings(UNKNOWN, YES, YES));
            List<String> expected = List.of("FIX SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS");
            assertThat(plan(verification)).isEqualTo(expected);
            assertThat(plan(verification.withTried("SIGN_OUT_AND_BACK_IN"))).isEqualTo(expected);
            assertThat(doctor().diagnose(verification).action("SIGN_OUT_AND_BACK_IN").orElseThrow().caution())
                    .contains("Apple ID password");
        }

        @Test
        void otherwiseSigningOutAndInIsARemedyUntilTried() {
            assertThat(plan(allFine())).contains("TRY SIGN_OUT_AND_BACK_IN");
            assertThat(plan(allFine().with(new ICloudSettings(UNKNOWN, YES, UNKNOWN))))
                    .contains("TRY SIGN_OUT_AND_BACK_IN");
            assertThat(plan(allFine().withTried("SIGN_OUT_AND_BACK_IN")))
                    .containsExactly("TRY RESTART_IPHONE", "TRY RESET_ALL_SETTINGS");
        }
    }

    @Nested
    class Row13RestartIphone {
        Action restart(String model) {
            return doctor().diagnose(allFine().with(device(model, "17.1.1", "17.1.1", YES)))
                    .action("RESTART_IPHONE").orElseThrow();
        }

        @Test
        void faceIdModelsHoldSideAndVolume() {
            for (String model : List.of("iPhone X", "iPhone XR", "iPhone 11", "iPhone 15 Pro Max", "iPhone 16e")) {
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
            Action action = doctor().diagnose(allFine().with(DeviceInfo.UNKNOWN)).action("RESTART_IPHONE").orElseThrow();
            assertThat(action.instructions().get(0)).startsWith("On an iPhone X or later");
            assertThat(action.instructions().get(1)).startsWith("On an iPhone 8 or earlier");
        }

        @Test
        void triedRemovesIt() {
            assertThat(plan(allFine().withTried("RESTART_IPHONE")))
                    .containsExactly("TRY SIGN_OUT_AND_BACK_IN", "TRY RESET_ALL_SETTINGS");
        }
    }

    @Nested
    class Row14ResetAllSettings {
        @Test
        void isARemedyWithACautionAboutPreferences() {
            Action action = doctor().diagnose(allFine()).action("RESET_ALL_SETTINGS").orElseThrow();
            assertThat(action.kind()).isEqualTo(Kind.TRY);
            assertThat(action.caution()).contains("keeps your data").contains("Wi-Fi passwords");
            assertThat(action.instructions()).anyMatch(line -> line.contains("Transfer or Reset iPhone"));
        }

        @Test
        void iosBefore15HasTheOldMenu() {
            Action action = doctor().diagnose(allFine().with(device("iPhone 8", "14.8", "16.7.2", YES)))
                    .action("RESET_ALL_SETTINGS").orElseThrow();
            assertThat(action.instructions()).contains("Scroll down and tap Reset.");
        }

        @Test
        void triedRemovesIt() {
            assertThat(plan(allFine().withTried("RESET_ALL_SETTINGS")))
                    .containsExactly("TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE");
        }
    }

    @Nested
    class Row15UpdateIos {
        @Test
        void anOlderIosIsARemedyThatNeedsWifiAndPower() {
            DeviceSnapshot old = allFine().with(device("iPhone 8", "16.7.2", "17.1.1", YES));
            assertThat(plan(old)).isEqualTo(concat(GENERAL_REMEDIES, List.of("TRY UPDATE_IOS")));
            Action action = doctor().diagnose(old).action("UPDATE_IOS").orElseThrow();
            assertThat(action.instructions().get(0)).contains("Wi-Fi").contains("power");
            assertThat(action.reason()).contains("iOS 16.7.2").contains("iOS 17.1.1");
        }

        @Test
        void versionsAreComparedNumerically() {
            assertThat(plan(allFine().with(device("iPhone 15", "17.9", "17.10", YES)))).contains("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17.10", "17.9", YES)))).doesNotContain("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17", "17.0.0", YES)))).doesNotContain("TRY UPDATE_IOS");
        }

        @Test
        void eitherVersionUnknownIsWorthTrying() {
            assertThat(plan(allFine().with(device("iPhone 15", null, "17.1", YES)))).contains("TRY UPDATE_IOS");
            assertThat(plan(allFine().with(device("iPhone 15", "17.1", null, YES)))).contains("TRY UPDATE_IOS");
        }

        @Test
        void triedRemovesIt() {
            assertThat(plan(allFine().with(device("iPhone 8", "16.7.2", "17.1.1", YES)).withTried("UPDATE_IOS")))
                    .isEqualTo(GENERAL_REMEDIES);
        }
    }

    @Nested
    class Row16BackUpWithComputer {
        @Test
        void appearsOnceEveryOtherRemedyIsTriedOrNotApplicable() {
            DeviceSnapshot triedAll = allFine().withTried("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS");
            assertThat(plan(triedAll)).containsExactly("TRY BACK_UP_WITH_COMPUTER");
            Action action = doctor().diagnose(triedAll).action("BACK_UP_WITH_COMPUTER").orElseThrow();
            assertThat(action.step()).isNull();
            assertThat(action.reason()).contains("tried or doesn't apply");
        }

        @Test
        void doesNotAppearWhileAnotherRemedyIsLeft() {
            assertThat(plan(allFine().withTried("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE")))
                    .containsExactly("TRY RESET_ALL_SETTINGS");
        }

        @Test
        void triedToo_leavesNothingToTryAndTheDeviceHealthy() {
            DeviceSnapshot triedEverything = allFine().withTried(
                    "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "BACK_UP_WITH_COMPUTER");
            assertThat(plan(triedEverything)).isEmpty();
            assertThat(doctor().diagnose(triedEverything).healthy()).isTrue();
        }
    }

    @Test
    void triedRemovesOnlyRemediesNeverAFixOrCheck() {
        DeviceSnapshot snapshot = allFine()
                .with(new ICloudSettings(YES, NO, NO))
                .with(PowerState.UNKNOWN)
                .withTried("TURN_ON_ICLOUD_BACKUP", "CONNECT_TO_POWER", "RESTART_IPHONE", "SOME_EXTENSION_REMEDY");
        assertThat(plan(snapshot)).containsExactly("FIX TURN_ON_ICLOUD_BACKUP", "CHECK CONNECT_TO_POWER",
                "TRY SIGN_OUT_AND_BACK_IN", "TRY RESET_ALL_SETTINGS");
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
                "TRY SIGN_OUT_AND_BACK_IN",
                "TRY RESTART_IPHONE",
                "TRY RESET_ALL_SETTINGS",
                "TRY UPDATE_IOS");
        assertThat(diagnosis.actions()).extracting(Action::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(diagnosis.healthy()).isFalse();
    }

    @Test
    void everythingWrongAtOnceComesOutInCatalogOrder() {
        DeviceSnapshot everythingWrong = DeviceSnapshot.unknown()
                .with(device("iPhone 8", "15.0", "17.1", NO))
                .with(new ICloudSettings(NO, NO, YES))
                .with(new WifiStatus(YES, YES, 0))
                .with(new PowerState(YES, NO, Cable.THIRD_PARTY))
                .with(new StorageStatus(5 * GB, 5 * GB, GB, List.of(new AppBackup("WhatsApp", 2 * GB))))
                .with(new ServiceStatus(ServiceState.OUTAGE));
        assertThat(plan(everythingWrong)).containsExactly(
                "FIX TURN_ON_ICLOUD_BACKUP",
                "FIX LOCK_IPHONE",
                "FIX MOVE_CLOSER_TO_ROUTER",
                "FIX TRY_ANOTHER_CABLE",
                "FIX FREE_UP_ICLOUD_STORAGE",
                "FIX UPGRADE_ICLOUD_STORAGE",
                "FIX WAIT_FOR_ICLOUD_SERVICE",
                "FIX SIGN_IN_TO_ICLOUD",
                "TRY BACK_UP_WITH_COMPUTER");
    }

    @Test
    void everyActionNamesTheRuleThatProducedIt() {
        assertThat(doctor().diagnose(DeviceSnapshot.unknown()).actions())
                .allSatisfy(action -> assertThat(action.rule()).isNotBlank());
    }
}
