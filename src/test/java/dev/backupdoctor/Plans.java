package dev.backupdoctor;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.List;

/** Test fixtures: a plan of exactly the actions given, for testing what shows plans without the rules that make them. */
public final class Plans {

    private Plans() {
    }

    /** The actions in the order given, for a snapshot without an id or a known last backup; such a plan has no questions to ask. */
    public static Diagnosis of(List<Action> actions) {
        return of(null, actions, null);
    }

    /** The actions in the order given, for a snapshot with this id and last backup. */
    public static Diagnosis of(String id, List<Action> actions, Integer lastBackupDaysAgo) {
        ICloudSettings icloud = ICloudSettings.UNKNOWN.withLastBackupDaysAgo(lastBackupDaysAgo);
        return new Diagnosis(id, actions, lastBackupDaysAgo, icloud.backupRecent(), icloud.backupStale(), List.of(),
                diagnosis -> List.of());
    }

    /** An action as a rule named {@code rule} would make it, with no facts matched. */
    public static Action action(String id, Kind kind, Integer step, String title, String caution, String alternativeTo) {
        return new Action(id, kind, step, title, List.of("Open Settings.", "Tap " + title + "."),
                "Because " + title.toLowerCase() + " helps.", caution, alternativeTo, "rule for " + id, List.of());
    }
}
