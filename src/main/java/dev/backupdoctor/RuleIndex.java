package dev.backupdoctor;

import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.TriedAction;
import dev.backupdoctor.facts.WifiStatus;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What each rule reads and what it produces, from its DRL: the facts behind an action's
 * {@code because}, and the rules to ask when an action is missing from a plan.
 */
final class RuleIndex {

    /** The snapshot section each built-in fact type comes from, so evidence reads like the JSON. */
    private static final Map<Class<?>, String> SECTIONS = Map.of(
            DeviceInfo.class, "device",
            ICloudSettings.class, "icloud",
            WifiStatus.class, "wifi",
            PowerState.class, "power",
            StorageStatus.class, "storage",
            ServiceStatus.class, "service",
            TriedAction.class, "tried",
            Action.class, "action");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.$])([a-z]\\w*)\\b(?!\\s*\\()");
    private static final Pattern ACTION_ID_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "this", "instanceof", "matches",
            "contains", "memberOf", "soundslike", "in", "not", "excludes", "str");

    private static final ClassValue<Map<String, Optional<MethodHandle>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<MethodHandle>> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    /** One pattern of a rule's conditions: its fact type, its constraints as written, and the properties they read. */
    record Condition(String type, boolean negated, List<String> constraints, List<String> properties) {

        String describe() {
            return (negated ? "no " : "") + type + "( " + String.join(", ", constraints) + " )";
        }
    }

    record RuleInfo(String name, String file, int line, List<Condition> conditions, Set<String> actionIds) {
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
                List<Condition> conditions = new ArrayList<>();
                collect(rule.getLhs(), false, conditions);
                Set<String> ids = new LinkedHashSet<>();
                Matcher literal = ACTION_ID_LITERAL.matcher(String.valueOf(rule.getConsequence()));
                while (literal.find()) {
                    ids.add(literal.group(1));
                }
                rules.put(rule.getName(), new RuleInfo(rule.getName(), source.name(), rule.getLine(), conditions, ids));
            }
        }
        return new RuleIndex(Map.copyOf(rules));
    }

    private static void collect(BaseDescr descr, boolean negated, List<Condition> conditions) {
        if (descr instanceof PatternDescr pattern) {
            List<String> constraints = new ArrayList<>();
            Set<String> properties = new LinkedHashSet<>();
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    constraints.add(expression.getExpression());
                    properties.addAll(propertiesOf(expression.getExpression()));
                }
            }
            conditions.add(new Condition(pattern.getObjectType(), negated, constraints, List.copyOf(properties)));
        } else if (descr instanceof NotDescr not) {
            not.getDescrs().forEach(child -> collect((BaseDescr) child, true, conditions));
        } else if (descr instanceof AndDescr and) {
            and.getDescrs().forEach(child -> collect((BaseDescr) child, negated, conditions));
        }
    }

    /** The lower-case identifiers a constraint reads: its properties, not types, constants or bound variables. */
    static List<String> propertiesOf(String expression) {
        Matcher property = PROPERTY.matcher(STRING_LITERAL.matcher(expression).replaceAll("\"\""));
        List<String> names = new ArrayList<>();
        while (property.find()) {
            if (!KEYWORDS.contains(property.group(1))) {
                names.add(property.group(1));
            }
        }
        return names;
    }

    Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** The rules whose action mentions this id, in name order. */
    List<RuleInfo> producersOf(String actionId) {
        return rules.values().stream().filter(rule -> rule.actionIds().contains(actionId))
                .sorted(java.util.Comparator.comparing(RuleInfo::name)).toList();
    }

    /** The properties a rule's positive conditions read, from the facts it matched, in the order the rule names them. */
    List<Evidence> evidence(String ruleName, List<Object> matchedFacts) {
        RuleInfo rule = rules.get(ruleName);
        if (rule == null) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Object> unclaimed = new ArrayList<>(matchedFacts);
        for (Condition condition : rule.conditions()) {
            if (condition.negated()) {
                continue;
            }
            Optional<Object> fact = unclaimed.stream()
                    .filter(candidate -> simpleName(condition.type()).equals(candidate.getClass().getSimpleName()))
                    .findFirst();
            fact.ifPresent(unclaimed::remove);
            fact.ifPresent(matched -> evidence.addAll(read(matched, condition.properties())));
        }
        return List.copyOf(evidence);
    }

    /** Each property's value on a fact, for those the fact has. */
    static List<Evidence> read(Object fact, List<String> properties) {
        List<Evidence> evidence = new ArrayList<>();
        for (String property : properties) {
            accessor(fact.getClass(), property).ifPresent(getter -> {
                try {
                    evidence.add(new Evidence(section(fact.getClass()) + "." + property, getter.invoke(fact)));
                } catch (Throwable e) {
                    evidence.add(new Evidence(section(fact.getClass()) + "." + property, "(unreadable: " + e + ")"));
                }
            });
        }
        return evidence;
    }

    static String section(Class<?> type) {
        String section = SECTIONS.get(type);
        if (section != null) {
            return section;
        }
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Optional<MethodHandle> accessor(Class<?> type, String property) {
        return ACCESSORS.get(type).computeIfAbsent(property, name -> {
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String candidate : List.of(name, "get" + capitalized, "is" + capitalized)) {
                try {
                    java.lang.reflect.Method method = type.getMethod(candidate);
                    if (method.getReturnType() != void.class) {
                        return Optional.of(MethodHandles.publicLookup().unreflect(method)
                                .asType(MethodType.methodType(Object.class, Object.class)));
                    }
                } catch (NoSuchMethodException | IllegalAccessException e) {
                    // not this spelling; try the next
                }
            }
            return Optional.empty();
        });
    }
}
