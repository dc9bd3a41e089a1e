package dev.backupdoctor.engine;

import dev.backupdoctor.plan.Action;
import java.util.ArrayList;
import java.util.List;
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
 * Watches one diagnosis: which actions are in working memory at the end, and which rule inserted
 * each (so rule authors never write their rule's name twice). Following inserts and deletes spares
 * a scan of working memory, and keeps the actions in the order the rules produced them.
 *
 * <p>For an explanation it also watches firings ({@link #watchFirings()}): which facts each rule
 * matched, and which rule took an action out. Diagnoses don't pay for that.
 */
final class PlanRecorder implements RuleRuntimeEventListener {

    /** A rule firing that inserted or deleted an action, with the facts it matched. */
    record Firing(String rule, List<Object> facts) {
    }

    /** An action one rule proposed and another took out of the plan. */
    record Removal(Action action, String proposedBy, Firing removedBy) {
    }

    // Parallel lists matched by identity: two rules may insert equal actions, each is its own.
    private final List<Action> actions = new ArrayList<>();
    private final List<String> producers = new ArrayList<>();
    private final List<Removal> removals = new ArrayList<>();
    private Match firing;

    /** Listens to firings too, so that removals are recorded with the facts their rule matched. */
    DefaultAgendaEventListener watchFirings() {
        return new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firing = null;
            }
        };
    }

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
        if (event.getOldObject() instanceof Action deleted) {
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i) == deleted) {
                    if (firing != null) {
                        removals.add(new Removal(deleted, producers.get(i), new Firing(firing.getRule().getName(),
                                firing.getObjects().stream().filter(Objects::nonNull).toList())));
                    }
                    actions.remove(i);
                    producers.remove(i);
                    return;
                }
            }
        }
    }

    /** The actions in working memory so far, as the rules built them. */
    List<Action> proposed() {
        return actions;
    }

    /** The actions still in working memory, each with the rule that produced it and the facts that rule matched. */
    List<Action> actions(EvidenceReader evidence, List<Object> facts) {
        List<Action> attributed = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            String rule = producers.get(i);
            attributed.add(Knowledge.attributed(actions.get(i), rule, rule == null ? List.of() : evidence.because(rule, facts)));
        }
        return attributed;
    }

    /** What rules took out, when firings were watched. */
    List<Removal> removals() {
        return removals;
    }
}
