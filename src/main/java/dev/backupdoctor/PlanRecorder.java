package dev.backupdoctor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Watches one session: which rule inserted each action and on which facts (so rule authors never
 * write their rule's name or their reasons' facts twice), which rule removed an action, and which
 * rule fired last (to name a rule that never stops firing).
 */
final class PlanRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** A rule firing that inserted or deleted an action, with the facts it had matched. */
    record Firing(String rule, List<Object> facts) {
    }

    /** An action a rule proposed and another took out of the plan. */
    record Removal(Action action, Firing proposedBy, Firing removedBy) {
    }

    private final Map<Action, Firing> producers = new IdentityHashMap<>();
    private final List<Removal> removals = new ArrayList<>();
    private Match firing;
    private String lastFiredRule;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        lastFiredRule = event.getMatch().getRule().getName();
        firing = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Action action && firing != null) {
            producers.put(action, currentFiring());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Actions are immutable; updates to other facts don't change who produced an action.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Action action && firing != null) {
            removals.add(new Removal(action, producers.get(action), currentFiring()));
        }
    }

    private Firing currentFiring() {
        return new Firing(firing.getRule().getName(),
                firing.getObjects().stream().filter(Objects::nonNull).toList());
    }

    Action attributed(Action action, RuleIndex index) {
        Firing producer = producers.get(action);
        return producer == null ? action
                : action.producedBy(producer.rule(), index.evidence(producer.rule(), producer.facts()));
    }

    List<Removal> removals() {
        return removals;
    }

    String lastFiredRule() {
        return lastFiredRule;
    }
}
