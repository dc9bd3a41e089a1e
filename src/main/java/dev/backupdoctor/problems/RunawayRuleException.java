package dev.backupdoctor.problems;

import java.util.Locale;

/**
 * Rules kept firing for one snapshot and were cut off: typically one rule that keeps modifying its
 * own fact; or more firings than one diagnosis allows, by many rules or by one on ever new facts.
 */
public final class RunawayRuleException extends RuleFailedException {

    /**
     * Rules that were cut off after {@code limit} firings for one snapshot.
     *
     * @param rule the rule that kept firing on the same facts, or else the one that fired most
     * @param loops whether {@code rule} kept firing on the same facts, as a rule that modifies what it matches does
     * @param rules how many different rules fired
     * @param firings how many times {@code rule} fired
     * @param limit how many firings one diagnosis may take
     */
    public RunawayRuleException(String rule, boolean loops, int rules, int firings, int limit) {
        super(loops
                ? ruleRef(rule, null) + " was still firing after " + limit
                        + " rule firings for one snapshot; does it modify a fact it matches?"
                : String.format(Locale.ROOT, "rules fired %,d times for one snapshot without finishing: %,d different"
                        + " rules, no rule looping on the same facts, the most often %s (%,d times); too many rules"
                        + " or facts for one diagnosis", limit, rules, ruleRef(rule, null), firings),
                rule, null, Reason.RUNAWAY, null);
    }
}
