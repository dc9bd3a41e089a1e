package dev.backupdoctor;

import java.util.Locale;

/**
 * Rules kept firing for one snapshot and were cut off: typically one rule that keeps modifying its
 * own fact; or more firings than one diagnosis allows, by many rules or by one on ever new facts.
 */
public final class RunawayRuleException extends RuleFailedException {

    RunawayRuleException(String rule, boolean loops, int rules, int firings, int limit) {
        super(loops
                ? ruleRef(rule, null) + " was still firing after " + limit
                        + " rule firings for one snapshot; does it modify a fact it matches?"
                : String.format(Locale.ROOT, "rules fired %,d times for one snapshot without finishing: %,d different"
                        + " rules, no rule looping on the same facts, the most often %s (%,d times); too many rules"
                        + " or facts for one diagnosis", limit, rules, ruleRef(rule, null), firings),
                rule, null, Reason.RUNAWAY, null);
    }
}
