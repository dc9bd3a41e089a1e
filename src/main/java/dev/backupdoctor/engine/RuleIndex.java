package dev.backupdoctor.engine;

import dev.backupdoctor.plan.CatalogEntry;
import dev.backupdoctor.plan.Kind;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Where each rule is written and which action ids its consequence names, from its DRL: the rules to
 * ask when an action is missing from a plan. A consequence creates an action with
 * {@code Action.of( Kind.FIX, "ID", ... )}; a built-in rule names the catalog entry it proposes in its
 * metadata, {@code @proposes(CONNECT_TO_WIFI)}.
 * Parsing takes a few hundred milliseconds, so it is done on the first explanation, or the first time
 * the actions of the caller's own rules are asked for (a {@code tried} id the catalog lacks); never
 * for the built-in rules alone.
 */
final class RuleIndex {

    /**
     * An action a consequence creates, {@code Action.of( Kind.FIX, "ID", 3 ).title( "Title" )}, not an id it
     * merely names: its kind, id and, when written as literals, its step and title.
     */
    private static final Pattern ACTION_LITERAL = Pattern.compile("\\bof\\s*\\(\\s*(?:Kind\\s*\\.\\s*)?([A-Z]+)\\s*,\\s*"
            + "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"\\s*,\\s*(?:(\\d+|null)\\s*\\)"
            + "(?:\\s*\\.\\s*title\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?)?");

    record RuleInfo(String name, String file, int line, Set<String> actionIds) {
    }

    private final Map<String, RuleInfo> rules;
    /** The actions consequences create with {@code Action.of}, by id in id order: what their rules write of them. */
    private final Map<String, CatalogEntry> created;

    private RuleIndex(Map<String, RuleInfo> rules, Map<String, CatalogEntry> created) {
        this.rules = rules;
        this.created = created;
    }

    static RuleIndex of(List<RuleSource> sources) {
        Map<String, RuleInfo> rules = new HashMap<>();
        Map<String, CatalogEntry> created = new TreeMap<>();
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
                Matcher literal = ACTION_LITERAL.matcher(consequence);
                while (literal.find()) {
                    ids.add(literal.group(2));
                    created.merge(literal.group(2), entry(literal), RuleIndex::merged);
                }
                if (rule.hasAnnotation(Proposals.PROPOSES)) {
                    ids.add(rule.getAnnotation(Proposals.PROPOSES).getSingleValueAsString());
                }
                rules.put(rule.getName(), new RuleInfo(rule.getName(), source.name(), rule.getLine(), Set.copyOf(ids)));
            }
        }
        return new RuleIndex(Map.copyOf(rules), Collections.unmodifiableMap(created));
    }

    private static CatalogEntry entry(Matcher literal) {
        Set<Kind> kinds = Stream.of(Kind.values()).filter(kind -> kind.name().equals(literal.group(1))).collect(Collectors.toSet());
        Integer step = literal.group(3) == null || literal.group(3).equals("null") ? null : Integer.valueOf(literal.group(3));
        String title = literal.group(4) == null ? null : literal.group(4).replace("\\\"", "\"").replace("\\\\", "\\");
        return new CatalogEntry(literal.group(2), kinds, step, title);
    }

    /** One id created by several rules: every kind, and the first step and title written. */
    private static CatalogEntry merged(CatalogEntry first, CatalogEntry then) {
        Set<Kind> kinds = new HashSet<>(first.kinds());
        kinds.addAll(then.kinds());
        return new CatalogEntry(first.id(), kinds, first.step() != null ? first.step() : then.step(),
                first.title() != null ? first.title() : then.title());
    }

    /** The actions rules create with {@code Action.of}, in id order, built-in ids included when a rule of yours creates one. */
    Collection<CatalogEntry> created() {
        return created.values();
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
