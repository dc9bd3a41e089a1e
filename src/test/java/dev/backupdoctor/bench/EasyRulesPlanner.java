package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.ServiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The built-in catalog on Easy Rules, the lighter engine a user might pick instead. Easy Rules
 * has no truth maintenance or retraction, so the outage and "already tried" cases become
 * conditions of each remedy, and the computer backup a last, lowest-priority rule that looks at
 * what the others planned. Rules fire in plan order (their priority), so the plan needs no sort.
 */
public final class EasyRulesPlanner {

    private static final String SNAPSHOT = "snapshot";
    private static final String PLAN = "plan";

    private final Rules rules = new Rules();
    private final RulesEngine engine = new DefaultRulesEngine();
    private int priority;

    public EasyRulesPlanner() {
        rule("iCloud Backup is restricted", s -> s.restrictions().backupAllowed() == NO,
                s -> CatalogActions.allowICloudBackup());
        rule("iCloud Backup is off", s -> s.icloud().backupEnabled() == NO, s -> CatalogActions.turnOnICloudBackup());
        rule("Screen is unlocked", s -> s.device().screenLocked() == NO, s -> CatalogActions.lockIphone());
        rule("Wi-Fi is off or not connected", EasyRulesPlanner::offWifi,
                s -> CatalogActions.connectToWifi(s.wifi().enabled() == NO));
        rule("Wi-Fi signal is weak", s -> s.wifi().connected() == YES && s.wifi().weakSignal() == YES,
                s -> CatalogActions.moveCloserToRouter(s.wifi()));
        rule("Low Data Mode is on", s -> s.wifi().connected() == YES && s.wifi().lowDataMode() == YES,
                s -> CatalogActions.turnOffLowDataMode());
        rule("Back up over cellular instead",
                s -> offWifi(s) && s.device().supports5G()
                        && (s.device().iosVersion() == null || s.device().iosVersion().major() >= 15),
                s -> CatalogActions.turnOnCellularBackup(s.device()));
        rule("A VPN or network filter is in the way", s -> s.wifi().filtered() == YES,
                s -> CatalogActions.pauseNetworkFilter());
        rule("Not plugged in", s -> s.power().connected() == NO, s -> CatalogActions.connectToPower());
        rule("Plugged in but not charging",
                s -> s.power().connected() == YES && s.power().charging() == NO
                        && (s.power().batteryPercent() == null || s.power().batteryPercent() < 75),
                s -> CatalogActions.tryAnotherCable(s.power()));
        rule("Old device backups fill iCloud",
                s -> s.storage().tooFull() == YES && !s.storage().oldBackupsToDelete().isEmpty(),
                s -> CatalogActions.deleteOldDeviceBackups(s.storage(), s.storage().oldBackupsToDelete()));
        rule("iCloud is full and app backups can make room",
                s -> s.storage().tooFull() == YES && s.storage().shortAfterOldBackups() > 0
                        && s.storage().appBackupsCoverTheRest() != NO,
                s -> CatalogActions.freeUpICloudStorage(s.storage()));
        rule("iCloud is full", s -> s.storage().tooFull() == YES,
                s -> CatalogActions.upgradeICloudStorage(s.storage(),
                        !s.storage().oldBackupsToDelete().isEmpty() ? "DELETE_OLD_DEVICE_BACKUPS"
                                : s.storage().appBackupsCoverTheRest() != NO ? "FREE_UP_ICLOUD_STORAGE" : null));
        rule("Apple reports an outage", EasyRulesPlanner::outage, s -> CatalogActions.waitForICloudService());
        rule("Apple Account email not verified",
                s -> s.icloud().emailVerified() == NO && s.icloud().signedIn() != NO,
                s -> CatalogActions.verifyAccountEmail());
        rule("Two-factor authentication is off", s -> s.icloud().twoFactor() == NO && s.icloud().signedIn() != NO,
                s -> CatalogActions.turnOnTwoFactor());
        rule("Signed out of iCloud", s -> s.icloud().signedIn() == NO, s -> CatalogActions.signInToICloud());
        rule("Apple Account needs verification",
                s -> s.icloud().verificationRequired() == YES && s.icloud().signedIn() != NO,
                s -> CatalogActions.signOutAndBackInFix());
        rule("Apps from outside the App Store", s -> s.device().sideloadedApps() == YES,
                s -> CatalogActions.findAppBreakingBackupFix());

        rule("iCloud Backup may be off", s -> s.icloud().backupEnabled() == UNKNOWN, s -> CatalogActions.checkICloudBackup());
        rule("Wi-Fi connection unknown",
                s -> s.wifi().connected() == UNKNOWN && s.wifi().enabled() != NO && s.icloud().backupOverCellular() != YES,
                s -> CatalogActions.checkWifi());
        rule("Power connection unknown", s -> s.power().connected() == UNKNOWN, s -> CatalogActions.checkPower());
        rule("iCloud storage unknown", s -> s.storage().tooFull() == UNKNOWN, s -> CatalogActions.checkICloudStorage());
        rule("Apple's service status unknown", s -> s.service().icloudBackup() == ServiceState.UNKNOWN,
                s -> CatalogActions.checkSystemStatus());

        remedy("Back up now", "BACK_UP_NOW", s -> true, s -> CatalogActions.backUpNow());
        remedy("Sign out and back in", "SIGN_OUT_AND_BACK_IN",
                s -> s.icloud().verificationRequired() != YES && s.icloud().signedIn() != NO,
                s -> CatalogActions.signOutAndBackInTry());
        remedy("Restart the iPhone", "RESTART_IPHONE", s -> true, s -> CatalogActions.restartIphone(s.device()));
        remedy("Reset all settings", "RESET_ALL_SETTINGS", s -> true, s -> CatalogActions.resetAllSettings());
        remedy("Update iOS", "UPDATE_IOS", s -> s.device().updateAvailable() != NO,
                s -> CatalogActions.updateIos(s.device(), s.device().updateAvailable()));
        remedy("Find the app that breaks the backup", "FIND_APP_BREAKING_BACKUP", s -> s.device().sideloadedApps() != YES,
                s -> CatalogActions.findAppBreakingBackupTry());
        rules.register(new RuleBuilder().name("Back up with a computer").priority(priority++)
                .when(facts -> !facts.<DeviceSnapshot>get(SNAPSHOT).tried().contains("BACK_UP_WITH_COMPUTER")
                        && facts.<List<Action>>get(PLAN).stream().noneMatch(action -> action.kind() == Kind.TRY))
                .then(facts -> facts.<List<Action>>get(PLAN).add(
                        CatalogActions.backUpWithComputer(facts.<DeviceSnapshot>get(SNAPSHOT).service().icloudBackup())))
                .build());
    }

    public List<Action> diagnose(DeviceSnapshot snapshot) {
        Facts facts = new Facts();
        facts.put(SNAPSHOT, snapshot);
        facts.put(PLAN, new ArrayList<Action>(12));
        engine.fire(rules, facts);
        return facts.get(PLAN);
    }

    private static boolean outage(DeviceSnapshot snapshot) {
        return snapshot.service().icloudBackup() == ServiceState.OUTAGE;
    }

    private static boolean offWifi(DeviceSnapshot snapshot) {
        return (snapshot.wifi().enabled() == NO || snapshot.wifi().connected() == NO)
                && snapshot.icloud().backupOverCellular() != YES;
    }

    private void rule(String name, Predicate<DeviceSnapshot> when, Function<DeviceSnapshot, Action> then) {
        rules.register(new RuleBuilder().name(name).priority(priority++)
                .when(facts -> when.test(facts.get(SNAPSHOT)))
                .then(facts -> facts.<List<Action>>get(PLAN).add(then.apply(facts.get(SNAPSHOT))))
                .build());
    }

    /** A general remedy: never during an outage, never again once tried. */
    private void remedy(String name, String id, Predicate<DeviceSnapshot> when, Function<DeviceSnapshot, Action> then) {
        rule(name, s -> !outage(s) && !s.tried().contains(id) && when.test(s), then);
    }
}
