package dev.backupdoctor.plan;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The plan while the rules are still firing: the DRL global {@code plan} every rule file declares
 * ({@code global dev.backupdoctor.plan.PlanDraft plan}). A rule proposes an action with
 * {@code plan.add( kcontext, Action.of(...).title(...)... )}; {@code kcontext} tells the plan which
 * rule proposed it and which facts that rule matched, which the action then carries as
 * {@code rule} and {@code because}.
 *
 * <p>Once rules of your own are loaded, a proposed action goes into working memory as an
 * {@link Action} fact, exactly as {@code insert( ... )} would: your rules can match the built-in
 * actions and delete them.
 */
public interface PlanDraft {

    /**
     * Proposes the built-in catalog's action that the rule names in its metadata,
     * {@code @proposes(CONNECT_TO_WIFI) @kind(FIX)}, worded from the facts the rule binds.
     *
     * @param rule the consequence's {@code kcontext}, which says which rule proposed it and on which facts
     */
    void propose(RuleContext rule);

    /**
     * Proposes an action.
     *
     * @param rule the consequence's {@code kcontext}, which says which rule proposed it and on which facts
     * @param action the action, not yet built; the plan adds {@code rule} and {@code because}
     */
    void add(RuleContext rule, Action.Builder action);
}
