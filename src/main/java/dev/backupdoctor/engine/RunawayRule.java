package dev.backupdoctor.engine;

/** A rule was still firing after {@link Knowledge#MAX_FIRINGS} firings for one snapshot. */
public final class RunawayRule extends RuntimeException {

    private final String rule;

    RunawayRule(String rule) {
        super(rule, null, false, false);
        this.rule = rule;
    }

    /** The name of the rule that was firing when the run was cut off. */
    public String rule() {
        return rule;
    }
}
