package dev.backupdoctor;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Watches one session: which rule inserted each action (so rule authors never write their rule's
 * name twice), and which rule fired last (to name a rule that never stops firing).
 */
final class PlanRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Map<Action, String> producers = new IdentityHashMap<>();
    private String lastFiredRule;

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Action action && event.getRule() != null) {
            producers.put(action, event.getRule().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Actions are immutable; updates to other facts don't change who produced an action.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // A deleted action is simply not collected at the end.
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        lastFiredRule = event.getMatch().getRule().getName();
    }

    Action attributed(Action action) {
        return action.producedBy(producers.get(action));
    }

    String lastFiredRule() {
        return lastFiredRule;
    }
}
