package dev.backupdoctor;

import dev.backupdoctor.engine.Memo;
import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Kind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ordered plan for one snapshot: every FIX, then every CHECK, then every TRY. Two diagnoses
 * are equal when their plans are.
 */
public final class Diagnosis {

    private final List<Action> actions;
    private final Memo<List<Question>> questions;

    /** @param questions ranks the questions worth asking about this diagnosis, asked at most once */
    Diagnosis(List<Action> actions, Function<Diagnosis, List<Question>> questions) {
        this.actions = List.copyOf(actions);
        this.questions = new Memo<>(() -> questions.apply(this));
    }

    /** @return the actions in plan order */
    public List<Action> actions() {
        return actions;
    }

    /**
     * Healthy means nothing is visibly wrong or unknown: no FIX and no CHECK, only general remedies.
     *
     * @return whether the plan has no FIX and no CHECK
     */
    public boolean healthy() {
        return actions.stream().allMatch(action -> action.kind() == Kind.TRY);
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
        return other instanceof Diagnosis diagnosis && actions.equals(diagnosis.actions);
    }

    @Override
    public int hashCode() {
        return actions.hashCode();
    }

    @Override
    public String toString() {
        return "Diagnosis" + actions;
    }
}
