package dev.backupdoctor.plan;

import java.util.Objects;

/**
 * A remedy the person already tried without fixing the backup, by action id. The rules leave a
 * tried action out of the plan.
 *
 * @param actionId the action's id, e.g. {@code "RESTART_IPHONE"}
 */
public record TriedAction(String actionId) {

    /**
     * Requires an id.
     *
     * @param actionId the action id, not {@code null}
     */
    public TriedAction {
        Objects.requireNonNull(actionId, "actionId");
    }
}
