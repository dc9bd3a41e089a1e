package dev.backupdoctor;

import java.util.ArrayList;
import java.util.List;
import org.drools.model.DroolsEntryPoint;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The plan while the rules are still firing: the DRL global {@code plan}. A rule proposes an action
 * with {@code plan.add( kcontext, Action.of(...).title(...)... )}; {@code kcontext} tells the draft which
 * rule proposed it and which facts that rule matched.
 *
 * <p>The built-in rules alone only ever add to the plan, so the draft collects their actions in a
 * list, which costs a fraction of inserting each as a fact. Once rules of your own are loaded, an
 * added action is inserted as an {@link Action} fact instead, exactly as {@code insert( ... )}
 * would: your rules can then match the built-in actions and delete them, as they always could.
 * One draft serves one diagnosis on one thread.
 */
public final class PlanDraft {

    /** The name of the DRL global. */
    static final String GLOBAL = "plan";

    private final EvidenceReader evidence;
    private final boolean actionsAsFacts;
    private final List<Action> actions = new ArrayList<>();

    PlanDraft(EvidenceReader evidence, boolean actionsAsFacts) {
        this.evidence = evidence;
        this.actionsAsFacts = actionsAsFacts;
    }

    /** Proposes an action; {@code rule} is the consequence's {@code kcontext}. */
    public void add(RuleContext rule, Action.Builder action) {
        if (actionsAsFacts) {
            // The executable model's kcontext is also the consequence's entry point: inserting
            // through it attributes the action to its rule, as the consequence's own insert does.
            ((DroolsEntryPoint) rule).insert(action.build());
            return;
        }
        String name = rule.getRule().getName();
        actions.add(action.build(name, evidence.becauseOfMatch(name, matched(rule))));
    }

    /** The facts of the match's positive patterns, in the rule's order: a negated pattern matches no fact. */
    private static List<Object> matched(RuleContext rule) {
        List<Object> objects = rule.getMatch().getObjects();
        List<Object> facts = new ArrayList<>(objects.size());
        for (Object fact : objects) {
            if (fact != null) {
                facts.add(fact);
            }
        }
        return facts;
    }

    /** The actions collected so far; none when they went into working memory as facts. */
    List<Action> actions() {
        return actions;
    }
}
