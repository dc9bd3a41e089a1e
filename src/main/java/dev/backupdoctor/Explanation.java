package dev.backupdoctor;

import dev.backupdoctor.plan.Action;
import java.util.List;

/**
 * Why an action is in a plan — the rule and the facts it matched — or why it is not: which rule
 * could have produced it and which of its conditions was false or unknown, or which rule took it out.
 *
 * @param actionId the action asked about
 * @param action the action as planned, or {@code null} when it is not in the plan
 * @param reasons the reasoning, one sentence each
 */
public record Explanation(String actionId, Action action, List<String> reasons) {

    /**
     * @param actionId the action asked about
     * @param action the action as planned, or {@code null} when it is not in the plan
     * @param reasons the reasoning, one sentence each
     */
    public Explanation {
        reasons = List.copyOf(reasons);
    }

    /** @return whether the action is in the plan */
    public boolean inPlan() {
        return action != null;
    }
}
