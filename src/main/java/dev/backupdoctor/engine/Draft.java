package dev.backupdoctor.engine;

import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.PlanDraft;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.DroolsEntryPoint;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The plan global for one diagnosis on one thread. The built-in rules alone only ever add to the
 * plan, so their actions are collected in a list, which costs a fraction of inserting each as a
 * fact; once rules of the caller's own are loaded, each goes into working memory instead.
 */
final class Draft implements PlanDraft {

    /** The name of the DRL global. */
    static final String GLOBAL = "plan";

    private final EvidenceReader evidence;
    private final Proposals proposals;
    private final boolean actionsAsFacts;
    private final List<Action> actions = new ArrayList<>();

    Draft(EvidenceReader evidence, Proposals proposals, boolean actionsAsFacts) {
        this.evidence = evidence;
        this.proposals = proposals;
        this.actionsAsFacts = actionsAsFacts;
    }

    @Override
    public void propose(RuleContext rule) {
        add(rule, proposals.action(rule.getRule(), rule.getMatch()));
    }

    @Override
    public void add(RuleContext rule, Action.Builder action) {
        if (actionsAsFacts) {
            // The executable model's kcontext is also the consequence's entry point: inserting
            // through it attributes the action to its rule, as the consequence's own insert does.
            ((DroolsEntryPoint) rule).insert(action.build());
            return;
        }
        String name = rule.getRule().getName();
        actions.add(Knowledge.attributed(action.build(), name, evidence.becauseOfMatch(name, matched(rule))));
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
