package dev.backupdoctor.bench;

import static dev.backupdoctor.plan.Kind.CHECK;
import static dev.backupdoctor.plan.Kind.FIX;
import static dev.backupdoctor.plan.Kind.TRY;

import dev.backupdoctor.plan.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog the mirrors copy: every rule whose condition {@link FloorPlanner},
 * {@link EasyRulesPlanner} and {@code scripts/plans.py} decide again, with the action it proposes.
 * The mirrors are pinned to this list on purpose, not to whatever the rules say today: a catalog
 * step added later is not theirs until someone copies its condition into all three and adds its
 * row here, and until then {@code MirrorsTest} compares them with the rules on these ids alone.
 */
final class MirroredCatalog {

    /** A rule, the kind and id of the action it proposes. */
    record Row(String rule, Kind kind, String id) {
    }

    /** In catalog order. */
    static final List<Row> ROWS = List.of(
            new Row("iCloud Backup is restricted", FIX, "ALLOW_ICLOUD_BACKUP"),
            new Row("iCloud Backup is off", FIX, "TURN_ON_ICLOUD_BACKUP"),
            new Row("iCloud Backup may be off", CHECK, "TURN_ON_ICLOUD_BACKUP"),
            new Row("Screen is unlocked", FIX, "LOCK_IPHONE"),
            new Row("Back up now", TRY, "BACK_UP_NOW"),
            new Row("Wi-Fi is off or not connected", FIX, "CONNECT_TO_WIFI"),
            new Row("Wi-Fi connection unknown", CHECK, "CONNECT_TO_WIFI"),
            new Row("Wi-Fi signal is weak", FIX, "MOVE_CLOSER_TO_ROUTER"),
            new Row("Low Data Mode is on", FIX, "TURN_OFF_LOW_DATA_MODE"),
            new Row("Back up over cellular instead", FIX, "TURN_ON_CELLULAR_BACKUP"),
            new Row("A VPN or network filter is in the way", FIX, "PAUSE_NETWORK_FILTER"),
            new Row("Not plugged in", FIX, "CONNECT_TO_POWER"),
            new Row("Power connection unknown", CHECK, "CONNECT_TO_POWER"),
            new Row("Plugged in but not charging", FIX, "TRY_ANOTHER_CABLE"),
            new Row("Old device backups fill iCloud", FIX, "DELETE_OLD_DEVICE_BACKUPS"),
            new Row("iCloud is full and app backups can make room", FIX, "FREE_UP_ICLOUD_STORAGE"),
            new Row("iCloud storage unknown", CHECK, "FREE_UP_ICLOUD_STORAGE"),
            new Row("iCloud is full", FIX, "UPGRADE_ICLOUD_STORAGE"),
            new Row("Apple reports an outage", FIX, "WAIT_FOR_ICLOUD_SERVICE"),
            new Row("Apple's service status unknown", CHECK, "CHECK_SYSTEM_STATUS"),
            new Row("Apple Account email not verified", FIX, "VERIFY_ACCOUNT_EMAIL"),
            new Row("Two-factor authentication is off", FIX, "TURN_ON_TWO_FACTOR"),
            new Row("Signed out of iCloud", FIX, "SIGN_IN_TO_ICLOUD"),
            new Row("Apple Account needs verification", FIX, "SIGN_OUT_AND_BACK_IN"),
            new Row("Sign out and back in", TRY, "SIGN_OUT_AND_BACK_IN"),
            new Row("Restart the iPhone", TRY, "RESTART_IPHONE"),
            new Row("Reset all settings", TRY, "RESET_ALL_SETTINGS"),
            new Row("Update iOS", TRY, "UPDATE_IOS"),
            new Row("Apps from outside the App Store", FIX, "FIND_APP_BREAKING_BACKUP"),
            new Row("Find the app that breaks the backup", TRY, "FIND_APP_BREAKING_BACKUP"),
            new Row("Back up with a computer", TRY, "BACK_UP_WITH_COMPUTER"),
            new Row("The last backup is stale", TRY, "BACK_UP_WITH_COMPUTER"));

    /**
     * The last resort, listed when no other TRY is: a TRY the mirrors don't know takes its place,
     * so it is the one mirrored action that an unmirrored step changes.
     */
    static final String LAST_RESORT = "Back up with a computer";

    static final Set<String> IDS = ROWS.stream().map(Row::id).collect(Collectors.toCollection(LinkedHashSet::new));
    static final Set<String> RULES = ROWS.stream().map(Row::rule).collect(Collectors.toCollection(LinkedHashSet::new));

    private MirroredCatalog() {
    }
}
