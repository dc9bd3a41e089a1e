package dev.backupdoctor.bench;

import static dev.backupdoctor.catalog.Remedy.*;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static dev.backupdoctor.plan.Kind.CHECK;
import static dev.backupdoctor.plan.Kind.FIX;
import static dev.backupdoctor.plan.Kind.TRY;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
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
                s -> Worded.action(ALLOW_ICLOUD_BACKUP, FIX));
        rule("iCloud Backup is off", s -> s.icloud().backupEnabled() == NO, s -> Worded.action(TURN_ON_ICLOUD_BACKUP, FIX));
        rule("Screen is unlocked", s -> s.device().screenLocked() == NO, s -> Worded.action(LOCK_IPHONE, FIX));
        rule("Wi-Fi is off or not connected", EasyRulesPlanner::offWifi,
                s -> Worded.action(CONNECT_TO_WIFI, FIX, "wifi", s.wifi()));
        rule("Wi-Fi signal is weak", s -> s.wifi().connected() == YES && s.wifi().weakSignal() == YES,
                s -> Worded.action(MOVE_CLOSER_TO_ROUTER, FIX, "signalBars", s.wifi().signalBars()));
        rule("Low Data Mode is on", s -> s.wifi().connected() == YES && s.wifi().lowDataMode() == YES,
                s -> Worded.action(TURN_OFF_LOW_DATA_MODE, FIX));
        rule("Back up over cellular instead",
                s -> offWifi(s) && s.device().supports5G()
                        && (s.device().iosVersion() == null || s.device().iosVersion().major() >= 15),
                s -> Worded.action(TURN_ON_CELLULAR_BACKUP, FIX, "model", s.device().model()));
        rule("A VPN or network filter is in the way", s -> s.wifi().filtered() == YES && !recent(s),
                s -> Worded.action(PAUSE_NETWORK_FILTER, FIX));
        rule("Not plugged in", s -> s.power().connected() == NO, s -> Worded.action(CONNECT_TO_POWER, FIX));
        rule("Plugged in but not charging",
                s -> s.power().connected() == YES && s.power().charging() == NO
                        && (s.power().batteryPercent() == null || s.power().batteryPercent() < 75),
                s -> Worded.action(TRY_ANOTHER_CABLE, FIX, "cable", s.power().cable(), "batteryPercent", s.power().batteryPercent()));
        rule("Old device backups fill iCloud",
                s -> s.storage().tooFull() == YES && !s.storage().oldBackupsToDelete().isEmpty(),
                s -> Worded.action(DELETE_OLD_DEVICE_BACKUPS, FIX, "storage", s.storage()));
        rule("iCloud is full and app backups can make room",
                s -> s.storage().tooFull() == YES && s.storage().shortAfterOldBackups() > 0
                        && s.storage().appBackupsCoverTheRest() != NO,
                s -> Worded.action(FREE_UP_ICLOUD_STORAGE, FIX, "storage", s.storage()));
        rule("iCloud is full", s -> s.storage().tooFull() == YES,
                s -> Worded.action(UPGRADE_ICLOUD_STORAGE, FIX, "storage", s.storage()).alternativeTo(
                        !s.storage().oldBackupsToDelete().isEmpty() ? "DELETE_OLD_DEVICE_BACKUPS"
                                : s.storage().appBackupsCoverTheRest() != NO ? "FREE_UP_ICLOUD_STORAGE" : null));
        rule("Apple reports an outage", EasyRulesPlanner::outage, s -> Worded.action(WAIT_FOR_ICLOUD_SERVICE, FIX));
        rule("Apple Account email not verified",
                s -> s.icloud().emailVerified() == NO && s.icloud().signedIn() != NO,
                s -> Worded.action(VERIFY_ACCOUNT_EMAIL, FIX, "backupMessage", s.icloud().backupMessage()));
        rule("Two-factor authentication is off",
                s -> s.icloud().twoFactor() == NO && s.icloud().signedIn() != NO && !recent(s),
                s -> Worded.action(TURN_ON_TWO_FACTOR, FIX));
        rule("Signed out of iCloud", s -> s.icloud().signedIn() == NO, s -> Worded.action(SIGN_IN_TO_ICLOUD, FIX));
        rule("Apple Account needs verification",
                s -> s.icloud().verificationRequired() == YES && s.icloud().signedIn() != NO,
                s -> Worded.action(SIGN_OUT_AND_BACK_IN, FIX, "backupMessage", s.icloud().backupMessage()));
        rule("Apps from outside the App Store", s -> s.device().sideloadedApps() == YES && !recent(s),
                s -> Worded.action(FIND_APP_BREAKING_BACKUP, FIX));

        check("iCloud Backup may be off", s -> s.icloud().backupEnabled() == UNKNOWN, s -> Worded.action(TURN_ON_ICLOUD_BACKUP, CHECK));
        check("Wi-Fi connection unknown",
                s -> s.wifi().connected() == UNKNOWN && s.wifi().enabled() != NO && s.icloud().backupOverCellular() != YES,
                s -> Worded.action(CONNECT_TO_WIFI, CHECK));
        check("Power connection unknown", s -> s.power().connected() == UNKNOWN, s -> Worded.action(CONNECT_TO_POWER, CHECK));
        check("iCloud storage unknown", s -> s.storage().tooFull() == UNKNOWN, s -> Worded.action(FREE_UP_ICLOUD_STORAGE, CHECK));
        check("Apple's service status unknown", s -> s.service().icloudBackup() == ServiceState.UNKNOWN,
                s -> Worded.action(CHECK_SYSTEM_STATUS, CHECK));

        remedy("Back up now", "BACK_UP_NOW", s -> true, s -> Worded.action(BACK_UP_NOW, TRY));
        remedy("Sign out and back in", "SIGN_OUT_AND_BACK_IN",
                s -> s.icloud().verificationRequired() != YES && s.icloud().signedIn() != NO,
                s -> Worded.action(SIGN_OUT_AND_BACK_IN, TRY));
        remedy("Restart the iPhone", "RESTART_IPHONE", s -> true, s -> Worded.action(RESTART_IPHONE, TRY, "modelFamily", s.device().modelFamily(), "model", s.device().model()));
        remedy("Reset all settings", "RESET_ALL_SETTINGS", s -> true, s -> Worded.action(RESET_ALL_SETTINGS, TRY));
        remedy("Update iOS", "UPDATE_IOS", s -> s.device().updateAvailable() != NO,
                s -> Worded.action(UPDATE_IOS, TRY, "device", s.device()));
        remedy("Find the app that breaks the backup", "FIND_APP_BREAKING_BACKUP", s -> s.device().sideloadedApps() != YES,
                s -> Worded.action(FIND_APP_BREAKING_BACKUP, TRY));
        // Beside the other remedies, during an outage too.
        rule("The last backup is stale",
                s -> !recent(s) && s.icloud().backupStale() && !s.tried().contains("BACK_UP_WITH_COMPUTER"),
                s -> Worded.action(BACK_UP_WITH_COMPUTER, TRY, "icloud", s.icloud(), "icloudBackup", s.service().icloudBackup()));
        rules.register(new RuleBuilder().name("Back up with a computer").priority(priority++)
                .when(facts -> !recent(facts.get(SNAPSHOT)) && !facts.<DeviceSnapshot>get(SNAPSHOT).icloud().backupStale()
                        && !facts.<DeviceSnapshot>get(SNAPSHOT).tried().contains("BACK_UP_WITH_COMPUTER")
                        && facts.<List<Action>>get(PLAN).stream().noneMatch(action -> action.kind() == Kind.TRY))
                .then(facts -> facts.<List<Action>>get(PLAN).add(FloorPlanner.by("Back up with a computer",
                        Worded.action(BACK_UP_WITH_COMPUTER, TRY, "icloud", facts.<DeviceSnapshot>get(SNAPSHOT).icloud(),
                                "icloudBackup", facts.<DeviceSnapshot>get(SNAPSHOT).service().icloudBackup()))))
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
