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

    public List<Action> actions() {
        return actions;
    }

    /** Healthy means nothing is visibly wrong or unknown: no FIX and no CHECK, only general remedies. */
    public boolean healthy() {
        return actions.stream().allMatch(action -> action.kind() == Kind.TRY);
    }

    public Optional<Action> action(String id) {
        return actions.stream().filter(action -> action.id().equals(id)).findFirst();
    }

    public List<String> actionIds() {
        return actions.stream().map(Action::id).toList();
    }

    /**
     * The questions about unknown facts whose answers would change this plan, the one that changes
     * it most first; empty when no answer would. Worked out on first call, by diagnosing the
     * snapshot once per plausible answer (a few dozen diagnoses).
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
