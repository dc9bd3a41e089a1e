package dev.backupdoctor;

import dev.backupdoctor.facts.DeviceSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * The troubleshooter. Building one compiles the rules, which is the expensive part: build it once
 * and share it. It is immutable and thread-safe; {@link #diagnose} is cheap and may be called from
 * many threads at once.
 *
 * <pre>{@code
 * BackupDoctor doctor = BackupDoctor.create();
 * Diagnosis plan = doctor.diagnose(snapshot);
 * }</pre>
 */
public final class BackupDoctor {

    /** Far more than any sound rule set needs for one snapshot; reaching it means a rule loops. */
    static final int MAX_FIRINGS = 10_000;

    /** The contract's plan order: kind, then step (none last), then catalog position, then id. */
    static final Comparator<Action> PLAN_ORDER = Comparator.comparing(Action::kind)
            .thenComparing(Action::step, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(action -> Catalog.position(action.id()))
            .thenComparing(Action::id);

    private final KieBase rules;

    private BackupDoctor(KieBase rules) {
        this.rules = rules;
    }

    /** A doctor with the built-in knowledge base. */
    public static BackupDoctor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Works out the ordered plan for one snapshot. */
    public Diagnosis diagnose(DeviceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        KieSession session = rules.newKieSession();
        try {
            PlanRecorder recorder = new PlanRecorder();
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            for (Object fact : snapshot.facts()) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RunawayRuleException(recorder.lastFiredRule(), MAX_FIRINGS);
            }
            List<Action> actions = new ArrayList<>();
            for (Object action : session.getObjects(new ClassObjectFilter(Action.class))) {
                actions.add(recorder.attributed((Action) action));
            }
            return new Diagnosis(plan(actions));
        } finally {
            session.dispose();
        }
    }

    /** Sorts into plan order and keeps one action per id, the first in that order. */
    static List<Action> plan(List<Action> actions) {
        List<Action> sorted = new ArrayList<>(actions);
        sorted.sort(PLAN_ORDER);
        Set<String> seen = new HashSet<>();
        sorted.removeIf(action -> !seen.add(action.id()));
        return sorted;
    }

    /** Chooses the rules a doctor uses: the built-in knowledge base and any of your own. */
    public static final class Builder {

        private final List<Path> ruleFolders = new ArrayList<>();

        private Builder() {
        }

        /** Also loads every {@code .drl} file below this folder (or this one file), in path order. */
        public Builder addRules(Path fileOrFolder) {
            ruleFolders.add(Objects.requireNonNull(fileOrFolder, "fileOrFolder"));
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @throws RulesException listing every problem, if any rule file is missing or doesn't compile
         */
        public BackupDoctor build() {
            List<RuleSource> sources = new ArrayList<>(BuiltInRules.sources());
            List<RuleProblem> problems = new ArrayList<>();
            for (Path folder : ruleFolders) {
                sources.addAll(RuleFiles.read(folder, problems));
            }
            if (!problems.isEmpty()) {
                throw new RulesException(problems);
            }
            return new BackupDoctor(RuleCompiler.compile(sources));
        }
    }
}
