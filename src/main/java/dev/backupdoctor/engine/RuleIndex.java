package dev.backupdoctor.engine;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Kind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Where each rule is written and which action ids its consequence names, from its DRL: the rules to
 * ask when an action is missing from a plan. A consequence creates an action with
 * {@code Action.of( Kind.FIX, "ID", ... )} or, in the built-in rules, with a {@code Remedy} method.
 * Parsing takes a few hundred milliseconds, so it is done on the first explanation, never for a
 * diagnosis.
 */
final class RuleIndex {

    /** An action a consequence creates: {@code Action.of( Kind.FIX, "ID", ... )}, not an id it merely names. */
    private static final Pattern ACTION_ID_LITERAL =
            Pattern.compile("\\bof\\s*\\(\\s*(?:Kind\\s*\\.\\s*)?[A-Z]+\\s*,\\s*\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

    /** A built-in action from the catalog: {@code Remedy.connectToWifi( $wifi )}, whose name gives the id. */
    private static final Pattern REMEDY_CALL = Pattern.compile("\\bRemedy\\s*\\.\\s*([a-z]\\w*)\\s*\\(");

    record RuleInfo(String name, String file, int line, Set<String> actionIds) {
    }

    private final Map<String, RuleInfo> rules;

    private RuleIndex(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    static RuleIndex of(List<RuleSource> sources) {
        Map<String, RuleInfo> rules = new HashMap<>();
        for (RuleSource source : sources) {
            PackageDescr drl;
            try {
                drl = new DrlParser().parse(null, source.drl());
            } catch (DroolsParserException e) {
                throw new IllegalStateException("rules that compiled no longer parse: " + source.name(), e);
            }
            for (RuleDescr rule : drl.getRules()) {
                Set<String> ids = new LinkedHashSet<>();
                String consequence = String.valueOf(rule.getConsequence());
                Matcher literal = ACTION_ID_LITERAL.matcher(consequence);
                while (literal.find()) {
                    ids.add(literal.group(1));
                }
                Matcher remedy = REMEDY_CALL.matcher(consequence);
                while (remedy.find()) {
                    Catalog.idOfRemedyMethod(remedy.group(1)).ifPresent(ids::add);
                }
                rules.put(rule.getName(), new RuleInfo(rule.getName(), source.name(), rule.getLine(), Set.copyOf(ids)));
            }
        }
        return new RuleIndex(Map.copyOf(rules));
    }

    Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** The rules whose action names this id, in name order. */
    List<RuleInfo> producersOf(String actionId) {
        return rules.values().stream().filter(rule -> rule.actionIds().contains(actionId))
                .sorted(Comparator.comparing(RuleInfo::name)).toList();
    }
}
