package dev.backupdoctor.engine;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Template;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * The catalog action each rule proposes, as its metadata names it ({@code @proposes(CONNECT_TO_WIFI) @kind(FIX)}),
 * and where each placeholder of that action's wording comes from in the rule's match: a value the
 * rule binds under the placeholder's name ({@code $signalBars}), or else a property of a fact it
 * binds ({@code $storage}: its {@code shortfallBytes()}). Worked out once per rule, when it first
 * fires, or for every rule at once by {@link #check}.
 */
final class Proposals {

    static final String PROPOSES = "proposes";
    static final String KIND = "kind";

    /**
     * How the executable model names the declaration it makes for every pattern: not something the
     * rule binds, so its properties don't fill a placeholder, and the rule's text shows where each comes from.
     */
    private static final String GENERATED = "GENERATED_";

    /** How a rule's match gives one placeholder's value. */
    private interface Source {
        Object value(Match match);
    }

    /** One rule's action: its template, and where each of its placeholders comes from. */
    private record Proposal(Template template, Map<String, Source> sources) {
        Action.Builder action(Match match) {
            return template.action(name -> sources.get(name).value(match));
        }
    }

    private final Wording wording;
    private final Map<String, Proposal> byRule = new ConcurrentHashMap<>();

    Proposals(Wording wording) {
        this.wording = wording;
    }

    /** The action the rule whose consequence runs proposes, its text written from what it matched. */
    Action.Builder action(Rule rule, Match match) {
        Proposal proposal = byRule.get(rule.getName());
        if (proposal == null) {
            proposal = byRule.computeIfAbsent(rule.getName(), name -> proposal((RuleImpl) rule));
        }
        return proposal.action(match);
    }

    /** What is wrong with each rule's {@code @proposes}, by rule name; empty when all are sound. */
    Map<String, String> check(Iterable<Rule> rules) {
        Map<String, String> problems = new java.util.TreeMap<>();
        for (Rule rule : rules) {
            if (rule.getMetaData().containsKey(PROPOSES) || rule.getMetaData().containsKey(KIND)) {
                try {
                    byRule.put(rule.getName(), proposal((RuleImpl) rule));
                } catch (IllegalArgumentException e) {
                    problems.put(rule.getName(), e.getMessage());
                }
            }
        }
        return problems;
    }

    /** @throws IllegalArgumentException saying what is wrong with the rule's metadata or its placeholders */
    private Proposal proposal(RuleImpl rule) {
        String where = "rule \"" + rule.getName() + "\"";
        Object id = rule.getMetaData(PROPOSES);
        Remedy remedy = id == null ? null : Remedy.byId(String.valueOf(id));
        if (remedy == null) {
            throw new IllegalArgumentException(where + ": @proposes(" + id + ") names no entry of the catalog");
        }
        Kind kind = kind(rule.getMetaData(KIND));
        if (kind == null || !remedy.kinds().contains(kind)) {
            throw new IllegalArgumentException(where + ": @kind(" + rule.getMetaData(KIND) + ") must be one of "
                    + remedy + "'s kinds, " + remedy.kinds());
        }
        Template template = wording.template(remedy, kind);
        Map<String, Source> sources = new HashMap<>();
        for (String name : template.placeholders()) {
            Source source = source(rule, name, template)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": the wording of " + remedy + " as a " + kind
                            + " needs {" + name + "}, which the rule neither binds ($" + name
                            + ") nor has as a property of a fact it binds"));
            sources.put(name, source);
        }
        return new Proposal(template, Map.copyOf(sources));
    }

    private static Kind kind(Object value) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(String.valueOf(value))) {
                return kind;
            }
        }
        return null;
    }

    private static Optional<Source> source(RuleImpl rule, String name, Template template) {
        Map<String, Declaration> declarations = rule.getDeclarations();
        String bound = "$" + name;
        if (declarations.containsKey(bound)) {
            return Optional.of(match -> match.getDeclarationValue(bound));
        }
        List<Source> found = new ArrayList<>();
        for (Declaration declaration : declarations.values()) {
            if (declaration.getIdentifier().startsWith(GENERATED)) {
                continue;
            }
            property(declaration.getDeclarationClass(), name, template).ifPresent(getter -> {
                String binding = declaration.getIdentifier();
                found.add(match -> invoke(getter, match.getDeclarationValue(binding)));
            });
        }
        // Two bound facts with the property would leave the wording to chance: the rule binds the value itself then.
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The fact's public accessor of that name, if it has one; for a list, only one whose entries have the fields its instruction uses. */
    private static Optional<MethodHandle> property(Class<?> fact, String name, Template template) {
        if (fact == null || !fact.getPackageName().equals(DeviceSnapshot.class.getPackageName())) {
            return Optional.empty();
        }
        try {
            Method method = fact.getMethod(name);
            if (Modifier.isStatic(method.getModifiers()) || !entriesHave(method.getGenericReturnType(),
                    template.entryPlaceholders(name))) {
                return Optional.empty();
            }
            return Optional.of(MethodHandles.publicLookup().findVirtual(fact, name, MethodType.methodType(method.getReturnType()))
                    .asType(MethodType.methodType(Object.class, Object.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** Whether a list's entries are records with every field an instruction reads from them. */
    private static boolean entriesHave(Type type, Iterable<String> fields) {
        if (!(type instanceof ParameterizedType list) || !(list.getActualTypeArguments()[0] instanceof Class<?> entry)) {
            return true;
        }
        for (String field : fields) {
            if (!entry.isRecord() || java.util.Arrays.stream(entry.getRecordComponents()).noneMatch(c -> c.getName().equals(field))) {
                return false;
            }
        }
        return true;
    }

    private static Object invoke(MethodHandle getter, Object fact) {
        try {
            return getter.invokeExact(fact);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
