package dev.backupdoctor;

/** A rule kept firing for one snapshot (typically one that keeps modifying its own fact) and was cut off. */
public final class RunawayRuleException extends RuntimeException {

    /** The rule that was firing when the run was cut off. */
    private final String rule;

    RunawayRuleException(String rule, int firings) {
        super("rule \"" + rule + "\" was still firing after " + firings
                + " rule firings for one snapshot; does it modify a fact it matches?");
        this.rule = rule;
    }

    /** @return the name of the rule that was firing when the run was cut off */
    public String rule() {
        return rule;
    }
}
