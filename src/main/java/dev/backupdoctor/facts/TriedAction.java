package dev.backupdoctor.facts;

import java.util.Objects;

/** A remedy the person already tried without fixing the backup, by action id. */
public record TriedAction(String actionId) {

    public TriedAction {
        Objects.requireNonNull(actionId, "actionId");
    }
}
