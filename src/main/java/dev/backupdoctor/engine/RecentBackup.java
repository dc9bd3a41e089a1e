package dev.backupdoctor.engine;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.Remedy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A backup that went through at most {@link ICloudSettings#RECENT_BACKUP_DAYS} day ago shows that
 * iCloud Backup works: nothing needs checking or trying, and the fixes for causes that evidently
 * didn't stop that backup are no help. What is left are the fixes whose cause can stop the next one
 * (a switch turned off since, storage now short).
 *
 * <p>It is applied to the finished plan, keyed on the snapshot, rather than written as a guard in
 * each rule: it overrides every CHECK and TRY, those that rules of the caller's own add included,
 * which no guard in the built-in rules could reach; one place holds it instead of some twenty
 * rules, each of which could miss it; and a snapshot without a recent backup pays one comparison.
 */
final class RecentBackup {

    /** The FIXes whose cause was there while the last backup went through: it didn't stop it. */
    private static final Set<String> FIXES_IT_OUTRULES = Set.of(Remedy.PAUSE_NETWORK_FILTER.id(),
            Remedy.TURN_ON_TWO_FACTOR.id(), Remedy.FIND_APP_BREAKING_BACKUP.id());

    private RecentBackup() {
    }

    /**
     * Takes out of {@code actions} what a recent backup makes needless, when the snapshot has one.
     *
     * @return what was taken out, in the order proposed; empty when the backup is not recent
     */
    static List<Action> leaveOut(DeviceSnapshot snapshot, List<Action> actions) {
        if (!snapshot.icloud().backupRecent()) {
            return List.of();
        }
        List<Action> leftOut = new ArrayList<>();
        actions.removeIf(action -> {
            boolean needless = action.kind() != Kind.FIX || FIXES_IT_OUTRULES.contains(action.id());
            if (needless) {
                leftOut.add(action);
            }
            return needless;
        });
        return leftOut;
    }

    /** Why what {@link #leaveOut} took out is not in the plan, for {@code explain}. */
    static String why(DeviceSnapshot snapshot) {
        return "the last backup is recent (icloud.lastBackupDaysAgo = " + snapshot.icloud().lastBackupDaysAgo()
                + "): iCloud Backup works, so the plan lists no CHECK and no TRY, and no FIX whose cause was there while"
                + " that backup went through (" + String.join(", ", FIXES_IT_OUTRULES.stream().sorted().toList()) + ")";
    }
}
