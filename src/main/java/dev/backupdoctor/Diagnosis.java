package dev.backupdoctor;

import java.util.List;
import java.util.Optional;

/** The ordered plan for one snapshot: every FIX, then every CHECK, then every TRY. */
public record Diagnosis(List<Action> actions) {

    public Diagnosis {
        actions = List.copyOf(actions);
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
}
