package dev.backupdoctor.engine;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.TriedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.common.DefaultFactHandle;
import org.kie.api.KieBase;

/**
 * Tells why an action is or is not in a plan. Checking a rule's conditions one by one needs the
 * compiled constraints, which only Drools' internal API exposes: that dependency stays here and in
 * {@link EvidenceReader}.
 */
final class Explainer {

    private final KieBase kieBase;
    private final EvidenceReader evidence;
    private final Supplier<RuleIndex> index;

    Explainer(KieBase kieBase, EvidenceReader evidence, Supplier<RuleIndex> index) {
        this.kieBase = kieBase;
        this.evidence = evidence;
        this.index = index;
    }

    /**
     * @param leftOut what a recent backup took out of the plan the rules proposed
     * @param recentBackup why it did, asked only when it took out this action
     */
    List<String> explain(String actionId, List<Action> plan, List<Object> facts, List<PlanRecorder.Removal> removals,
            List<Action> leftOut, Supplier<String> recentBackup) {
        Optional<Action> planned = plan.stream().filter(action -> action.id().equals(actionId)).findFirst();
        List<String> reasons = new ArrayList<>();
        if (planned.isPresent()) {
            Action action = planned.get();
            reasons.add(actionId + " is in the plan as " + action.kind()
                    + (action.step() == null ? "" : " (step " + action.step() + ")") + ": " + ruleRef(action.rule())
                    + (action.because().isEmpty() ? " matched." : " matched " + join(action.because()) + "."));
            return reasons;
        }
        for (Action action : leftOut) {
            if (action.id().equals(actionId)) {
                reasons.add(ruleRef(action.rule()) + " proposed it as " + action.kind() + ", but " + recentBackup.get() + ".");
            }
        }
        for (PlanRecorder.Removal removal : removals) {
            if (removal.action().id().equals(actionId)) {
                String proposer = removal.proposedBy() == null ? "A rule" : ruleRef(removal.proposedBy());
                List<Evidence> why = evidence.because(removal.removedBy().rule(), removal.removedBy().facts());
                reasons.add(proposer + " proposed it as " + removal.action().kind() + ", but "
                        + ruleRef(removal.removedBy().rule()) + " took it out"
                        + (why.isEmpty() ? "." : ", matching " + join(why) + "."));
            }
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }
        List<RuleIndex.RuleInfo> producers = index.get().producersOf(actionId);
        if (producers.isEmpty()) {
            reasons.add("No rule produces " + actionId + ".");
        }
        List<Object> known = new ArrayList<>(facts);
        known.addAll(plan);
        for (RuleIndex.RuleInfo producer : producers) {
            reasons.add(whyNot(producer, known));
        }
        return reasons;
    }

    private String whyNot(RuleIndex.RuleInfo rule, List<Object> facts) {
        Optional<RuleImpl> compiled = EvidenceReader.compiled(kieBase, rule.name());
        if (compiled.isEmpty()) {
            return ruleRef(rule.name()) + " is switched off.";
        }
        for (RuleConditionElement element : compiled.get().getLhs().getChildren()) {
            boolean negated = element instanceof GroupElement group && group.isNot();
            Pattern pattern = negated ? firstPattern((GroupElement) element) : element instanceof Pattern p ? p : null;
            if (pattern == null || !(pattern.getObjectType() instanceof ClassObjectType type)) {
                continue;
            }
            List<Object> candidates = facts.stream().filter(type.getClassType()::isInstance).toList();
            Optional<Object> matching = candidates.stream().filter(fact -> failedConstraint(pattern, fact).isEmpty()).findFirst();
            if (negated && matching.isPresent()) {
                return ruleRef(rule.name()) + " did not match: it needs no " + describe(pattern) + ", but "
                        + (matching.get() instanceof TriedAction tried ? tried.actionId() + " is among the remedies already tried"
                        : matching.get() instanceof Action action ? "there is " + action.kind() + " " + action.id()
                        : join(valuesRead(pattern, matching.get()))) + ".";
            }
            if (!negated && matching.isEmpty()) {
                if (candidates.isEmpty()) {
                    return ruleRef(rule.name()) + " did not match: there is no " + type.getClassType().getSimpleName() + ".";
                }
                Object fact = candidates.get(0);
                Constraint failed = failedConstraint(pattern, fact).orElseThrow();
                String text = EvidenceReader.text(failed);
                List<Evidence> values = EvidenceReader.read(fact, EvidenceReader.propertiesOf(text));
                boolean unknown = values.stream().anyMatch(value -> value.value() == null || value.value() == Answer.UNKNOWN);
                return ruleRef(rule.name()) + " did not match: " + text + (unknown ? " is unknown" : " is false")
                        + (values.isEmpty() ? "." : " (" + join(values) + ").");
            }
        }
        return ruleRef(rule.name()) + " matched, but its action was replaced by another with the same id.";
    }

    /** What a fact holds for the properties the pattern's constraints read: {@code icloud.backupMessage = NETWORK_ERROR}. */
    private static List<Evidence> valuesRead(Pattern pattern, Object fact) {
        List<Evidence> values = new ArrayList<>();
        for (Constraint constraint : pattern.getConstraints()) {
            values.addAll(EvidenceReader.read(fact, EvidenceReader.propertiesOf(EvidenceReader.text(constraint))));
        }
        return values;
    }

    private static Pattern firstPattern(GroupElement group) {
        return group.getChildren().stream().filter(Pattern.class::isInstance).map(Pattern.class::cast)
                .findFirst().orElse(null);
    }

    /** The first constraint of the pattern this fact fails; constraints that join several facts are not checked. */
    private static Optional<Constraint> failedConstraint(Pattern pattern, Object fact) {
        DefaultFactHandle handle = new DefaultFactHandle(0, fact);
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof AlphaNodeFieldConstraint alpha && constraint.getRequiredDeclarations().length == 0
                    && !alpha.isAllowed(handle, null)) {
                return Optional.of(constraint);
            }
        }
        return Optional.empty();
    }

    private static String describe(Pattern pattern) {
        String type = ((ClassObjectType) pattern.getObjectType()).getClassType().getSimpleName();
        return type + "( " + pattern.getConstraints().stream().map(EvidenceReader::text)
                .collect(Collectors.joining(", ")) + " )";
    }

    private String ruleRef(String name) {
        return index.get().rule(name).map(rule -> "rule \"" + name + "\" (" + rule.file() + ":" + rule.line() + ")")
                .orElse("rule \"" + name + "\"");
    }

    private static String join(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::toString).collect(Collectors.joining(", "));
    }
}
