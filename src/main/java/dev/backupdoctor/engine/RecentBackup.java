package dev.backupdoctor.engine;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    /** The FIXes whose cause was there while the last backup went through, so it didn't stop it: the catalog says which. */
    private static final List<String> FIXES_IT_OUTRULES = Stream.of(Remedy.values())
            .filter(remedy -> remedy.afterRecentBackup() == Remedy.AfterRecentBackup.FIX_GOES).map(Remedy::id).sorted().toList();

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
            Remedy remedy = Remedy.byId(action.id());
            // An extension's own action has no entry: a recent backup outrules its CHECKs and TRYs.
            boolean needless = remedy == null ? action.kind() != Kind.FIX : remedy.outruledByRecentBackup(action.kind());
            if (needless) {
                leftOut.add(action);
            }
            return needless;
        });
        return leftOut;
    }

    /** Why what {@link #leaveOut} took out is not in the plan, for {@code explain}. */
    static String why(DeviceSnapshot snapshot) {
        ICloudSettings icloud = snapshot.icloud();
        boolean byDays = icloud.lastBackupDaysAgo() != null && icloud.lastBackupDaysAgo() <= ICloudSettings.RECENT_BACKUP_DAYS;
        return "the last backup is recent (" + (byDays ? "icloud.lastBackupDaysAgo = " + icloud.lastBackupDaysAgo()
                : "icloud.backupMessage = " + icloud.backupMessage())
                + "): iCloud Backup works, so the plan lists no CHECK and no TRY, and no FIX whose cause was there while"
                + " that backup went through (" + String.join(", ", FIXES_IT_OUTRULES) + ")";
    }
}
