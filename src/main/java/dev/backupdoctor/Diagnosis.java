package dev.backupdoctor;

import dev.backupdoctor.engine.Memo;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ordered plan for one snapshot: every FIX, then every CHECK, then every TRY, with the
 * snapshot's id and the age of its last backup. Two diagnoses are equal when all three are.
 */
public final class Diagnosis {

    private final String id;
    private final List<Action> actions;
    private final Integer lastBackupDaysAgo;
    private final boolean backupRecent;
    private final boolean backupStale;
    private final List<String> unknownTried;
    private final Memo<List<Question>> questions;

    /**
     * @param id the snapshot's id, or {@code null}
     * @param lastBackupDaysAgo the snapshot's days since the last backup, or {@code null}
     * @param backupRecent whether that backup is recent ({@link dev.backupdoctor.facts.ICloudSettings#backupRecent()})
     * @param backupStale whether that backup is stale ({@link dev.backupdoctor.facts.ICloudSettings#backupStale()}), which keeps
     *     the plan from being healthy
     * @param unknownTried the snapshot's {@code tried} ids that no loaded rule proposes
     * @param questions ranks the questions worth asking about this diagnosis, asked at most once
     */
    Diagnosis(String id, List<Action> actions, Integer lastBackupDaysAgo, boolean backupRecent, boolean backupStale,
            List<String> unknownTried, Function<Diagnosis, List<Question>> questions) {
        this.id = id;
        this.actions = List.copyOf(actions);
        this.lastBackupDaysAgo = lastBackupDaysAgo;
        this.backupRecent = backupRecent;
        this.backupStale = backupStale;
        this.unknownTried = List.copyOf(unknownTried);
        this.questions = new Memo<>(() -> questions.apply(this));
    }

    /** @return the snapshot's id, the caller's name for the device, or {@code null} when it has none */
    public String id() {
        return id;
    }

    /**
     * The snapshot's {@code icloud.lastBackupDaysAgo}, which the plan was worked out with.
     *
     * @return completed days since the last iCloud backup, or {@code null} when unknown or there was none
     */
    public Integer lastBackupDaysAgo() {
        return lastBackupDaysAgo;
    }

    /**
     * Whether the snapshot's last backup is recent: at most a day old, or Back Up Now just finished one.
     *
     * @return {@code true} when iCloud Backup evidently works
     */
    public boolean backupRecent() {
        return backupRecent;
    }

    /**
     * The snapshot's {@code tried} ids that no loaded rule proposes. They are accepted, since a rule
     * loaded another time may propose them, but they leave nothing out of this plan: most likely a
     * typo ({@code RESTRAT_IPHONE}) for an id that is still being suggested.
     *
     * @return those ids, each once, in the order {@code tried} lists them; empty when there are none
     */
    public List<String> unknownTried() {
        return unknownTried;
    }

    /** @return the actions in plan order */
    public List<Action> actions() {
        return actions;
    }

    /**
     * Healthy means nothing is visibly wrong or unknown: no FIX and no CHECK, only general remedies,
     * and the last backup is not stale (two weeks without one is a problem in itself).
     *
     * @return whether the plan has no FIX and no CHECK, and the last backup is not stale
     */
    public boolean healthy() {
        return !backupStale && actions.stream().allMatch(action -> action.kind() == Kind.TRY);
    }

    /**
     * @param id an action id, for example {@code "CONNECT_TO_WIFI"}
     * @return the plan's action of that id, if it has one
     */
    public Optional<Action> action(String id) {
        return actions.stream().filter(action -> action.id().equals(id)).findFirst();
    }

    /** @return the actions' ids in plan order */
    public List<String> actionIds() {
        return actions.stream().map(Action::id).toList();
    }

    /**
     * The questions about unknown facts whose answers would change this plan, the one that changes
     * it most first; empty when no answer would. Worked out on first call, by diagnosing the
     * snapshot once per plausible answer (a few dozen diagnoses).
     *
     * @return the questions, most useful first
     */
    public List<Question> questions() {
        return questions.get();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Diagnosis diagnosis && Objects.equals(id, diagnosis.id) && actions.equals(diagnosis.actions)
                && Objects.equals(lastBackupDaysAgo, diagnosis.lastBackupDaysAgo) && backupRecent == diagnosis.backupRecent
                && backupStale == diagnosis.backupStale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, actions, lastBackupDaysAgo, backupRecent, backupStale);
    }

    @Override
    public String toString() {
        return "Diagnosis" + (id == null ? "" : "[id=" + id + "]") + actions;
    }
}
