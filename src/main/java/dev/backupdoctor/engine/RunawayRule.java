package dev.backupdoctor.engine;

/** Rules were still firing after {@link Knowledge#MAX_FIRINGS} firings for one snapshot. */
public final class RunawayRule extends RuntimeException {

    private final String rule;
    private final boolean loops;
    private final int rules;
    private final int firings;

    RunawayRule(String rule, boolean loops, int rules, int firings) {
        super(rule, null, false, false);
        this.rule = rule;
        this.loops = loops;
        this.rules = rules;
        this.firings = firings;
    }

    /** The rule that kept firing on the same facts, or else the one that fired most. */
    public String rule() {
        return rule;
    }

    /** Whether {@link #rule()} kept firing on the same facts, as a rule that modifies what it matches does. */
    public boolean loops() {
        return loops;
    }

    /** How many different rules fired. */
    public int rules() {
        return rules;
    }

    /** How many times {@link #rule()} fired. */
    public int firings() {
        return firings;
    }
}
