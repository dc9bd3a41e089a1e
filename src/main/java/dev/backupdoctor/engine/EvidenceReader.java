package dev.backupdoctor.engine;

import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.TriedAction;
import dev.backupdoctor.schema.Schema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.common.DefaultFactHandle;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Reads the facts behind an action from the compiled rule that produced it: for each of the rule's
 * patterns, the fact it matched and the properties its constraints read, and the values it bound
 * that a condition compares with. Only what decided that the rule fires: not a value bound only
 * for the action's wording, nor a pattern under {@code not} (it matched no fact). A guard such as
 * {@code ServiceStatus( icloudBackup != OUTAGE )} is a condition like any other, so it is listed.
 * A snapshot has one fact of each built-in type, so the fact is found by type; where there are
 * several (tried ids, actions), the first that passes the pattern's own constraints. What a rule
 * reads is worked out once per rule, from the constraints' text, which only Drools' internal API
 * exposes: that dependency stays here and in {@link Explainer}.
 */
final class EvidenceReader {

    /**
     * The facts that are not a snapshot section, shown under the name they have in the JSON; a
     * section's fact type gets its section's name from the {@link Schema}, so evidence reads like the JSON.
     */
    private static final Map<Class<?>, String> OTHER_FACTS = Map.of(
            TriedAction.class, "tried",
            Action.class, "action");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.$])([a-z]\\w*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "this", "instanceof", "matches",
            "contains", "memberOf", "soundslike", "in", "not", "excludes", "str");

    private static final ClassValue<Map<String, Optional<MethodHandle>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<MethodHandle>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * One positive pattern of a rule: its fact type, its own constraints, and what it reads — each
     * property its constraints name and each value it binds — with the field name it is shown under.
     */
    private record Reading(Class<?> type, List<AlphaNodeFieldConstraint> constraints, List<Read> reads) {
    }

    /** One value a pattern reads: through a getter, or else through the binding's own extractor. */
    private record Read(String field, MethodHandle getter, Declaration binding) {
        Evidence of(Object fact) {
            return new Evidence(field, getter != null ? invoke(getter, fact) : binding.getExtractor().getValue(null, fact));
        }
    }

    private final KieBase kieBase;
    private final Map<String, List<Reading>> readings = new ConcurrentHashMap<>();

    EvidenceReader(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /**
     * The facts a rule matched, as {@code section.property = value}, in the order the rule reads
     * them, for a rule that matched these facts, one per positive pattern in the rule's order (what
     * its match holds). Anything else is looked up among the facts as {@link #because(String, List)} does.
     */
    List<Evidence> becauseOfMatch(String ruleName, List<Object> matched) {
        List<Reading> rule = readings.computeIfAbsent(ruleName, this::readingsOf);
        if (rule.size() != matched.size()) {
            return because(ruleName, matched);
        }
        List<Evidence> evidence = new ArrayList<>(4);
        for (int i = 0; i < rule.size(); i++) {
            Reading reading = rule.get(i);
            Object fact = matched.get(i);
            if (!reading.type().isInstance(fact)) {
                return because(ruleName, matched);
            }
            for (Read read : reading.reads()) {
                evidence.add(read.of(fact));
            }
        }
        return evidence;
    }

    /** The facts a rule matched, as {@code section.property = value}, found among {@code facts}. */
    List<Evidence> because(String ruleName, List<Object> facts) {
        List<Evidence> evidence = new ArrayList<>();
        for (Reading reading : readings.computeIfAbsent(ruleName, this::readingsOf)) {
            Object fact = matched(reading, facts);
            if (fact != null) {
                for (Read read : reading.reads()) {
                    evidence.add(read.of(fact));
                }
            }
        }
        return evidence;
    }

    private static Object matched(Reading reading, List<Object> facts) {
        Object firstOfType = null;
        for (Object fact : facts) {
            if (reading.type().isInstance(fact)) {
                if (passes(reading.constraints(), fact)) {
                    return fact;
                }
                firstOfType = firstOfType == null ? fact : firstOfType;
            }
        }
        return firstOfType;
    }

    static boolean passes(List<AlphaNodeFieldConstraint> constraints, Object fact) {
        if (constraints.isEmpty()) {
            return true;
        }
        DefaultFactHandle handle = new DefaultFactHandle(0, fact);
        for (AlphaNodeFieldConstraint constraint : constraints) {
            if (!constraint.isAllowed(handle, null)) {
                return false;
            }
        }
        return true;
    }

    private List<Reading> readingsOf(String ruleName) {
        RuleImpl rule = compiled(kieBase, ruleName).orElse(null);
        if (rule == null) {
            return List.of();
        }
        List<Reading> readings = new ArrayList<>();
        Set<String> bindingsInConditions = new HashSet<>();
        collectBindingsInConditions(rule.getLhs(), bindingsInConditions);
        for (RuleConditionElement element : rule.getLhs().getChildren()) {
            if (element instanceof org.drools.base.rule.Pattern pattern
                    && pattern.getObjectType() instanceof ClassObjectType type) {
                Set<String> properties = new LinkedHashSet<>();
                List<AlphaNodeFieldConstraint> own = new ArrayList<>();
                for (Constraint constraint : pattern.getConstraints()) {
                    properties.addAll(propertiesOf(text(constraint)));
                    if (constraint instanceof AlphaNodeFieldConstraint alpha && constraint.getRequiredDeclarations().length == 0) {
                        own.add(alpha);
                    }
                }
                Class<?> factType = type.getClassType();
                String section = section(factType);
                List<Read> reads = new ArrayList<>();
                for (String property : properties) {
                    accessor(factType, property).ifPresent(getter -> reads.add(new Read(section + "." + property, getter, null)));
                }
                // The compiled pattern keeps its bindings in no particular order: name order is at least stable.
                pattern.getDeclarations().values().stream()
                        .filter(declaration -> !declaration.isPatternDeclaration())
                        // A value bound only for the rule's action (its wording) decided nothing.
                        .filter(declaration -> bindingsInConditions.contains(declaration.getIdentifier()))
                        .sorted(Comparator.comparing(Declaration::getIdentifier))
                        .forEach(binding -> {
                            String identifier = binding.getIdentifier();
                            String name = identifier.startsWith("$") ? identifier.substring(1) : identifier;
                            if (!properties.contains(name)) {
                                reads.add(new Read(section + "." + name, null, binding));
                            }
                        });
                readings.add(new Reading(factType, own, List.copyOf(reads)));
            }
        }
        return readings;
    }

    /**
     * The bindings some condition of the rule compares with, in any pattern, including those under
     * {@code not}, {@code exists} or {@code accumulate}, and in {@code eval}.
     */
    private static void collectBindingsInConditions(RuleConditionElement element, Set<String> identifiers) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            for (Constraint constraint : pattern.getConstraints()) {
                for (Declaration required : constraint.getRequiredDeclarations()) {
                    identifiers.add(required.getIdentifier());
                }
            }
            if (pattern.getSource() != null) {
                collectBindingsInConditions(pattern.getSource(), identifiers);
            }
            return;
        }
        if (element instanceof EvalCondition eval) {
            for (Declaration required : eval.getRequiredDeclarations()) {
                identifiers.add(required.getIdentifier());
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collectBindingsInConditions(nested, identifiers);
        }
    }

    static Optional<RuleImpl> compiled(KieBase kieBase, String name) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            if (kieBase.getRule(kiePackage.getName(), name) instanceof RuleImpl rule) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** A constraint as the rule author wrote it. */
    static String text(Constraint constraint) {
        return constraint instanceof LambdaConstraint lambda && lambda.getPredicateInformation() != null
                ? lambda.getPredicateInformation().getStringConstraint() : constraint.toString();
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

    /** Each property's value on a fact, for those the fact has. */
    static List<Evidence> read(Object fact, List<String> properties) {
        List<Evidence> evidence = new ArrayList<>();
        for (String property : properties) {
            accessor(fact.getClass(), property).ifPresent(getter ->
                    evidence.add(new Evidence(section(fact.getClass()) + "." + property, invoke(getter, fact))));
        }
        return evidence;
    }

    static String section(Class<?> type) {
        String section = Schema.sectionOf(type).orElseGet(() -> OTHER_FACTS.get(type));
        if (section != null) {
            return section;
        }
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(MethodHandle getter, Object fact) {
        try {
            return getter.invoke(fact);
        } catch (Throwable e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Optional<MethodHandle> accessor(Class<?> type, String property) {
        return ACCESSORS.get(type).computeIfAbsent(property, name -> {
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String candidate : List.of(name, "get" + capitalized, "is" + capitalized)) {
                try {
                    Method method = type.getMethod(candidate);
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
