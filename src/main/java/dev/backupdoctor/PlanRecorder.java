package dev.backupdoctor;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Watches one diagnosis: which actions are in working memory at the end, and which rule inserted
 * each (so rule authors never write their rule's name twice). Following inserts and deletes spares
 * a scan of working memory, and keeps the actions in the order the rules produced them.
 */
final class PlanRecorder implements RuleRuntimeEventListener {

    // Parallel lists matched by identity: two rules may insert equal actions, each is its own.
    private final List<Action> actions = new ArrayList<>();
    private final List<String> producers = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Action action) {
            actions.add(action);
            producers.add(event.getRule() == null ? null : event.getRule().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Actions are immutable; updates to other facts don't change who produced an action.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Action) {
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i) == event.getOldObject()) {
                    actions.remove(i);
                    producers.remove(i);
                    return;
                }
            }
        }
    }

    /** The actions still in working memory, each naming the rule that produced it. */
    List<Action> actions() {
        List<Action> attributed = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            attributed.add(actions.get(i).producedBy(producers.get(i)));
        }
        return attributed;
    }
}
