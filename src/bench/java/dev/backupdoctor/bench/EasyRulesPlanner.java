package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.Remedy;
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
 * The built-in catalog ({@link MirroredCatalog}, the rules it copies) on Easy Rules, the lighter
 * engine a user might pick instead. Easy Rules has no truth maintenance or retraction, so the
 * outage, recent-backup and "already tried" cases become conditions of each remedy, and the
 * computer backup a last, lowest-priority rule that looks at what the others planned. Rules fire
 * in plan order (their priority), so the plan needs no sort.
 */
public final class EasyRulesPlanner {

    private static final String SNAPSHOT = "snapshot";
    private static final String PLAN = "plan";

    private final Rules rules = new Rules();
    private final RulesEngine engine = new DefaultRulesEngine();
    private int priority;

    public EasyRulesPlanner() {
        rule("iCloud Backup is restricted", s -> s.restrictions().backupAllowed() == NO,
                s -> Remedy.allowICloudBackup());
        rule("iCloud Backup is off", s -> s.icloud().backupEnabled() == NO, s -> Remedy.turnOnICloudBackup());
        rule("Screen is unlocked", s -> s.device().screenLocked() == NO, s -> Remedy.lockIphone());
        rule("Wi-Fi is off or not connected", EasyRulesPlanner::offWifi,
                s -> Remedy.connectToWifi(s.wifi()));
        rule("Wi-Fi signal is weak", s -> s.wifi().connected() == YES && s.wifi().weakSignal() == YES,
                s -> Remedy.moveCloserToRouter(s.wifi().signalBars()));
        rule("Low Data Mode is on", s -> s.wifi().connected() == YES && s.wifi().lowDataMode() == YES,
                s -> Remedy.turnOffLowDataMode());
        rule("Back up over cellular instead",
                s -> offWifi(s) && s.device().supports5G()
                        && (s.device().iosVersion() == null || s.device().iosVersion().major() >= 15),
                s -> Remedy.turnOnCellularBackup(s.device().model()));
        rule("A VPN or network filter is in the way", s -> s.wifi().filtered() == YES && !recent(s),
                s -> Remedy.pauseNetworkFilter());
        rule("Not plugged in", s -> s.power().connected() == NO, s -> Remedy.connectToPower());
        rule("Plugged in but not charging",
                s -> s.power().connected() == YES && s.power().charging() == NO
                        && (s.power().batteryPercent() == null || s.power().batteryPercent() < 75),
                s -> Remedy.tryAnotherCable(s.power().cable(), s.power().batteryPercent()));
        rule("Old device backups fill iCloud",
                s -> s.storage().tooFull() == YES && !s.storage().oldBackupsToDelete().isEmpty(),
                s -> Remedy.deleteOldDeviceBackups(s.storage()));
        rule("iCloud is full and app backups can make room",
                s -> s.storage().tooFull() == YES && s.storage().shortAfterOldBackups() > 0
                        && s.storage().appBackupsCoverTheRest() != NO,
                s -> Remedy.freeUpICloudStorage(s.storage()));
        rule("iCloud is full", s -> s.storage().tooFull() == YES,
                s -> Remedy.upgradeICloudStorage(s.storage()));
        rule("Apple reports an outage", EasyRulesPlanner::outage, s -> Remedy.waitForICloudService());
        rule("Apple Account email not verified",
                s -> s.icloud().emailVerified() == NO && s.icloud().signedIn() != NO,
                s -> Remedy.verifyAccountEmail());
        rule("Two-factor authentication is off",
                s -> s.icloud().twoFactor() == NO && s.icloud().signedIn() != NO && !recent(s),
                s -> Remedy.turnOnTwoFactor());
        rule("Signed out of iCloud", s -> s.icloud().signedIn() == NO, s -> Remedy.signInToICloud());
        rule("Apple Account needs verification",
                s -> s.icloud().verificationRequired() == YES && s.icloud().signedIn() != NO,
                s -> Remedy.signOutAndBackIn());
        rule("Apps from outside the App Store", s -> s.device().sideloadedApps() == YES && !recent(s),
                s -> Remedy.findAppBreakingBackup());

        check("iCloud Backup may be off", s -> s.icloud().backupEnabled() == UNKNOWN, s -> Remedy.turnOnICloudBackupCheck());
        check("Wi-Fi connection unknown",
                s -> s.wifi().connected() == UNKNOWN && s.wifi().enabled() != NO && s.icloud().backupOverCellular() != YES,
                s -> Remedy.connectToWifiCheck());
        check("Power connection unknown", s -> s.power().connected() == UNKNOWN, s -> Remedy.connectToPowerCheck());
        check("iCloud storage unknown", s -> s.storage().tooFull() == UNKNOWN, s -> Remedy.freeUpICloudStorageCheck());
        check("Apple's service status unknown", s -> s.service().icloudBackup() == ServiceState.UNKNOWN,
                s -> Remedy.checkSystemStatus());

        remedy("Back up now", "BACK_UP_NOW", s -> true, s -> Remedy.backUpNow());
        remedy("Sign out and back in", "SIGN_OUT_AND_BACK_IN",
                s -> s.icloud().verificationRequired() != YES && s.icloud().signedIn() != NO,
                s -> Remedy.signOutAndBackInTry());
        remedy("Restart the iPhone", "RESTART_IPHONE", s -> true, s -> Remedy.restartIphone(s.device().modelFamily(), s.device().model()));
        remedy("Reset all settings", "RESET_ALL_SETTINGS", s -> true, s -> Remedy.resetAllSettings());
        remedy("Update iOS", "UPDATE_IOS", s -> s.device().updateAvailable() != NO,
                s -> Remedy.updateIos(s.device()));
        remedy("Find the app that breaks the backup", "FIND_APP_BREAKING_BACKUP", s -> s.device().sideloadedApps() != YES,
                s -> Remedy.findAppBreakingBackupTry());
        // Beside the other remedies, during an outage too.
        rule("The last backup is stale",
                s -> !recent(s) && s.icloud().backupStale() && !s.tried().contains("BACK_UP_WITH_COMPUTER"),
                s -> Remedy.backUpWithComputer(s.service().icloudBackup(), s.icloud().lastBackupDaysAgo()));
        rules.register(new RuleBuilder().name("Back up with a computer").priority(priority++)
                .when(facts -> !recent(facts.get(SNAPSHOT)) && !facts.<DeviceSnapshot>get(SNAPSHOT).icloud().backupStale()
                        && !facts.<DeviceSnapshot>get(SNAPSHOT).tried().contains("BACK_UP_WITH_COMPUTER")
                        && facts.<List<Action>>get(PLAN).stream().noneMatch(action -> action.kind() == Kind.TRY))
                .then(facts -> facts.<List<Action>>get(PLAN).add(FloorPlanner.by("Back up with a computer",
                        Remedy.backUpWithComputer(facts.<DeviceSnapshot>get(SNAPSHOT).service().icloudBackup()))))
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

    /** A recent backup shows iCloud Backup works: no CHECK, no TRY, and no FIX whose cause didn't stop it. */
    private static boolean recent(DeviceSnapshot snapshot) {
        return snapshot.icloud().backupRecent();
    }

    private static boolean offWifi(DeviceSnapshot snapshot) {
        return (snapshot.wifi().enabled() == NO || snapshot.wifi().connected() == NO)
                && snapshot.icloud().backupOverCellular() != YES;
    }

    private void rule(String name, Predicate<DeviceSnapshot> when, Function<DeviceSnapshot, Action.Builder> then) {
        rules.register(new RuleBuilder().name(name).priority(priority++)
                .when(facts -> when.test(facts.get(SNAPSHOT)))
                .then(facts -> facts.<List<Action>>get(PLAN).add(FloorPlanner.by(name, then.apply(facts.get(SNAPSHOT)))))
                .build());
    }

    /** Something to verify: never after a recent backup. */
    private void check(String name, Predicate<DeviceSnapshot> when, Function<DeviceSnapshot, Action.Builder> then) {
        rule(name, s -> !recent(s) && when.test(s), then);
    }

    /** A general remedy: never during an outage, never after a recent backup, never again once tried. */
    private void remedy(String name, String id, Predicate<DeviceSnapshot> when, Function<DeviceSnapshot, Action.Builder> then) {
        rule(name, s -> !recent(s) && !outage(s) && !s.tried().contains(id) && when.test(s), then);
    }
}
