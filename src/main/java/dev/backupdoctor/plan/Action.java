package dev.backupdoctor.plan;

import dev.backupdoctor.facts.DeviceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One remediation step of a plan: what to do ({@code title}, {@code instructions}), why
 * ({@code reason}; the {@code rule} that decided it and the facts it matched, {@code because}) and
 * what to be careful of ({@code caution}, or {@code null}). {@code step} is the troubleshooting
 * article's step, 1 to 9, or {@code null}. {@code alternativeTo} names the action in the same plan
 * that this one is another way to do (a person needs only one of the two), or is {@code null}.
 *
 * <p>Rules start actions with {@link #of(Kind, String, Integer)} and hand them to the plan with
 * {@code plan.add( kcontext, ... )} (see {@link PlanDraft}), or insert them as facts with
 * {@code insert( ...build() )}; the rule's name and the facts it matched are filled in for them.
 *
 * @param id the action id in UPPER_SNAKE_CASE, e.g. {@code "CONNECT_TO_WIFI"}
 * @param kind FIX, CHECK or TRY, which orders the plan
 * @param step the article's step, 1 to 9, or {@code null}
 * @param title what to do, in a few words
 * @param instructions the steps, one sentence each, in order
 * @param reason why this is in the plan, from the facts
 * @param caution what to be careful of, or {@code null}
 * @param alternativeTo the id of the action this one can replace, or {@code null}
 * @param rule the name of the rule that proposed it, or {@code null} before the plan fills it in
 * @param because the facts that rule matched; empty when none
 */
public record Action(
        String id,
        Kind kind,
        Integer step,
        String title,
        List<String> instructions,
        String reason,
        String caution,
        String alternativeTo,
        String rule,
        List<Evidence> because) {

    /**
     * Checks an action as a rule built it and copies its lists.
     *
     * @param id must be UPPER_SNAKE_CASE
     * @param kind not {@code null}
     * @param step 1 to 9, or {@code null}
     * @param title not blank
     * @param instructions at least one
     * @param reason not blank
     * @param caution or {@code null}
     * @param alternativeTo an action id, or {@code null}
     * @param rule or {@code null}
     * @param because {@code null} is none
     * @throws IllegalArgumentException if the id is malformed, the title, reason or instructions are missing, or {@code alternativeTo} isn't an id
     */
    public Action {
        if (!DeviceSnapshot.isActionId(id)) {
            throw new IllegalArgumentException("action id must be UPPER_SNAKE_CASE, was \"" + id + "\"");
        }
        Objects.requireNonNull(kind, "kind");
        requireText("title", title);
        requireText("reason", reason);
        if (alternativeTo != null && !DeviceSnapshot.isActionId(alternativeTo)) {
            throw new IllegalArgumentException("alternativeTo must be an action id, was \"" + alternativeTo + "\"");
        }
        instructions = List.copyOf(instructions);
        because = because == null ? List.of() : List.copyOf(because);
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("action " + id + " needs at least one instruction");
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("action needs a " + field);
        }
    }

    /**
     * Starts an action for a rule's consequence: {@code plan.add( kcontext, Action.of(Kind.FIX, "MY_ACTION", 3).title(...)... )}.
     *
     * @param kind FIX when the facts show the cause, CHECK when a fact is unknown, TRY for a general remedy
     * @param id the action id in UPPER_SNAKE_CASE; a {@code tried} list names it to leave it out
     * @param step the article's step, 1 to 9, or {@code null}
     * @return a builder; title, reason and one instruction at least are required before {@code build()}
     */
    public static Builder of(Kind kind, String id, Integer step) {
        return new Builder(kind, id, step);
    }

    /** Collects an action's text in the order a rule writes it. */
    public static final class Builder {
        private final Kind kind;
        private final String id;
        private final Integer step;
        private final List<String> instructions = new ArrayList<>();
        private String title;
        private String reason;
        private String caution;
        private String alternativeTo;

        private Builder(Kind kind, String id, Integer step) {
            this.kind = kind;
            this.id = id;
            this.step = step;
        }

        /**
         * Sets what to do, in a few words, as the plan's heading for this action.
         *
         * @param title e.g. "Connect to Wi-Fi"
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Adds instructions, one sentence a step, in the order the person follows them.
         *
         * @param steps the sentences, appended after any already added
         * @return this builder
         */
        public Builder instructions(String... steps) {
            instructions.addAll(List.of(steps));
            return this;
        }

        /**
         * Adds instructions, one sentence a step, in the order the person follows them.
         *
         * @param steps the sentences, appended after any already added
         * @return this builder
         */
        public Builder instructions(List<String> steps) {
            instructions.addAll(steps);
            return this;
        }

        /**
         * Sets why the action is in the plan, in terms of this device's facts.
         *
         * @param reason one or two sentences
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Sets what the person could lose or break by following the instructions.
         *
         * @param caution a warning, or {@code null} for none
         * @return this builder
         */
        public Builder caution(String caution) {
            this.caution = caution;
            return this;
        }

        /**
         * Names the action this one is another way to do. The plan keeps it only when it lists that
         * action as a FIX too.
         *
         * @param actionId the other action's id, or {@code null}
         * @return this builder
         */
        public Builder alternativeTo(String actionId) {
            this.alternativeTo = actionId;
            return this;
        }

        /**
         * The action; the plan fills in {@code rule} and {@code because} for the rule that proposed it.
         *
         * @return the action, without rule and evidence
         * @throws IllegalArgumentException if the id, title, reason or instructions are missing or malformed
         */
        public Action build() {
            return new Action(id, kind, step, title, instructions, reason, caution, alternativeTo, null, List.of());
        }
    }
}
