package dev.backupdoctor;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.OtherRemedies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

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

    /** The plan order: kind, then step (none last), then catalog position, then id. Written out: it runs for every diagnosis. */
    static final Comparator<Action> PLAN_ORDER = (first, second) -> {
        int order = first.kind().compareTo(second.kind());
        if (order == 0) {
            order = compareSteps(first.step(), second.step());
        }
        if (order == 0) {
            order = Integer.compare(Catalog.position(first.id()), Catalog.position(second.id()));
        }
        return order != 0 ? order : first.id().compareTo(second.id());
    };

    private final KieBase rules;
    private final KieSessionsPool sessions;
    private final EvidenceReader evidence;
    private final Explainer explainer;
    private final Questions questions;
    private final boolean actionsAsFacts;
    private final boolean declaresDraft;

    /**
     * @param sources the DRL the rules were compiled from, read only when something is first explained
     * @param actionsAsFacts whether rules of the caller's own are loaded, which may match the actions
     *     the built-in rules propose: those then go into working memory as facts
     */
    BackupDoctor(KieBase rules, Supplier<List<RuleSource>> sources, boolean actionsAsFacts) {
        this.rules = rules;
        this.sessions = rules.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.evidence = new EvidenceReader(rules);
        this.explainer = new Explainer(rules, evidence, new Memo<>(() -> RuleIndex.of(sources.get())));
        this.questions = new Questions(this);
        this.actionsAsFacts = actionsAsFacts;
        this.declaresDraft = rules.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(PlanDraft.GLOBAL));
    }

    /** A doctor with the built-in knowledge base. */
    public static BackupDoctor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Works out the ordered plan for one snapshot.
     *
     * @throws RunawayRuleException if a rule keeps firing without end (only an added rule can)
     */
    public Diagnosis diagnose(DeviceSnapshot snapshot) {
        return run(snapshot, false).diagnosis();
    }

    /**
     * Why an action is in the snapshot's plan, or why not: which rule could have produced it and
     * which of its conditions was false or unknown, or which rule took it out.
     */
    public Explanation explain(DeviceSnapshot snapshot, String actionId) {
        Objects.requireNonNull(actionId, "actionId");
        Run run = run(snapshot, true);
        return explainer.explain(actionId, run.diagnosis(), run.facts(), run.recorder().removals());
    }

    private record Run(Diagnosis diagnosis, List<Object> facts, PlanRecorder recorder) {
    }

    private Run run(DeviceSnapshot snapshot, boolean watchFirings) {
        Objects.requireNonNull(snapshot, "snapshot");
        // A pooled session is reset on dispose, which keeps the node memories a new session would
        // build again; the pool hands each thread its own session.
        KieSession session = sessions.newKieSession();
        try {
            PlanDraft draft = prepare(session);
            PlanRecorder recorder = null;
            if (actionsAsFacts || watchFirings) {
                recorder = new PlanRecorder();
                session.addEventListener(recorder);
                if (watchFirings) {
                    session.addEventListener(recorder.watchFirings());
                }
            }
            List<Object> facts = snapshot.facts();
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RunawayRuleException(runawayRule(snapshot), MAX_FIRINGS);
            }
            // The last resort waits for every other rule: it is listed only when they listed no remedy.
            OtherRemedies otherRemedies = new OtherRemedies(listsTry(draft.actions())
                    || recorder != null && listsTry(recorder.proposed()));
            session.insert(otherRemedies);
            facts.add(otherRemedies);
            if (fired + session.fireAllRules(MAX_FIRINGS - fired) >= MAX_FIRINGS) {
                throw new RunawayRuleException(runawayRule(snapshot), MAX_FIRINGS);
            }
            List<Action> actions = draft.actions();
            if (recorder != null) {
                actions.addAll(recorder.actions(evidence, facts));
            }
            return new Run(new Diagnosis(plan(actions), snapshot, questions), facts, recorder);
        } finally {
            session.dispose();
        }
    }

    private PlanDraft prepare(KieSession session) {
        PlanDraft draft = new PlanDraft(evidence, actionsAsFacts);
        if (declaresDraft) {
            session.setGlobal(PlanDraft.GLOBAL, draft);
        }
        return draft;
    }

    private static boolean listsTry(List<Action> actions) {
        for (Action action : actions) {
            if (action.kind() == Kind.TRY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replays a snapshot that hit the firing limit, watching which rule fires last. Only this rare
     * path pays for an agenda listener; the replay is deterministic, so it names the same rule.
     */
    private String runawayRule(DeviceSnapshot snapshot) {
        KieSession session = rules.newKieSession();
        try {
            prepare(session);
            String[] lastFired = new String[1];
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    lastFired[0] = event.getMatch().getRule().getName();
                }
            });
            for (Object fact : snapshot.facts()) {
                session.insert(fact);
            }
            // Drools reads a limit of 0 as none: the second round runs only while firings are left.
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired < MAX_FIRINGS) {
                session.insert(new OtherRemedies(true));
                session.fireAllRules(MAX_FIRINGS - fired);
            }
            return lastFired[0];
        } finally {
            session.dispose();
        }
    }

    /**
     * Sorts into plan order and keeps one action per id, the first in that order. An alternative to
     * an action the plan doesn't list as a FIX is no alternative: that reference goes.
     */
    static List<Action> plan(List<Action> actions) {
        List<Action> sorted = new ArrayList<>(actions);
        sorted.sort(PLAN_ORDER);
        for (int i = sorted.size() - 1; i > 0; i--) {
            if (listsId(sorted.subList(0, i), sorted.get(i).id())) {
                sorted.remove(i);
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            Action action = sorted.get(i);
            if (action.alternativeTo() != null && !listsFix(sorted, action.alternativeTo())) {
                sorted.set(i, action.withoutAlternative());
            }
        }
        return sorted;
    }

    private static int compareSteps(Integer first, Integer second) {
        if (first == null || second == null) {
            return first == second ? 0 : first == null ? 1 : -1;
        }
        return Integer.compare(first, second);
    }

    private static boolean listsId(List<Action> plan, String id) {
        for (Action action : plan) {
            if (action.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listsFix(List<Action> plan, String id) {
        for (Action action : plan) {
            if (action.kind() == Kind.FIX && action.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chooses the rules a doctor uses: the built-in knowledge base, your own DRL files, and which
     * built-in rules to switch off. Rules come only from the places named here. The built-in rules
     * alone come precompiled; adding rules of your own compiles them together with the built-in DRL.
     */
    public static final class Builder {

        private final List<Path> paths = new ArrayList<>();
        private final List<String> classpathLocations = new ArrayList<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private ClassLoader classLoader = BackupDoctor.class.getClassLoader();
        private boolean builtInRules = true;

        private Builder() {
        }

        /** Adds a {@code .drl} file, or every {@code .drl} file below a folder. */
        public Builder addRules(Path fileOrFolder) {
            paths.add(Objects.requireNonNull(fileOrFolder, "fileOrFolder"));
            return this;
        }

        /**
         * Adds a {@code .drl} resource, or every {@code .drl} resource below a folder, from the
         * classpath (rules shipped inside your own jar), e.g. {@code "com/acme/backup-rules"}.
         */
        public Builder addClasspathRules(String location) {
            classpathLocations.add(Objects.requireNonNull(location, "location"));
            return this;
        }

        /** The class loader {@link #addClasspathRules} reads from; by default the one that loaded Backup Doctor. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Leaves out the built-in knowledge base, so only your own rules run. */
        public Builder withoutBuiltInRules() {
            builtInRules = false;
            return this;
        }

        /**
         * Switches off a rule by its name, e.g. {@code "Reset all settings"}. To replace it, also add
         * a rule of your own that produces the action your way.
         */
        public Builder disableRule(String ruleName) {
            disabledRules.add(Objects.requireNonNull(ruleName, "ruleName"));
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @throws RulesException listing every problem ({@code file:line:column: message}) if any
         *     rule file is missing or doesn't compile; no doctor is built from a partial rule set
         */
        public BackupDoctor build() {
            if (builtInRules && paths.isEmpty() && classpathLocations.isEmpty()) {
                Optional<KieBase> precompiled = PrecompiledRules.load();
                if (precompiled.isPresent()) {
                    RuleCompiler.disable(precompiled.get(), disabledRules);
                    return new BackupDoctor(precompiled.get(), () -> RuleFiles.fromClasspath(
                            BackupDoctor.class.getClassLoader(), RuleFiles.BUILT_IN, new ArrayList<>()), false);
                }
            }
            List<RuleProblem> problems = new ArrayList<>();
            List<RuleSource> sources = new ArrayList<>();
            if (builtInRules) {
                sources.addAll(RuleFiles.fromClasspath(BackupDoctor.class.getClassLoader(), RuleFiles.BUILT_IN, problems));
            }
            for (String location : classpathLocations) {
                sources.addAll(RuleFiles.fromClasspath(classLoader, location, problems));
            }
            for (Path path : paths) {
                sources.addAll(RuleFiles.fromPath(path, problems));
            }
            if (sources.isEmpty() && problems.isEmpty()) {
                problems.add(new RuleProblem("(rules)", 0, 0, "no rules: the built-in rules are left out and none were added"));
            }
            if (problems.isEmpty()) {
                boolean ownRules = !paths.isEmpty() || !classpathLocations.isEmpty();
                return new BackupDoctor(RuleCompiler.compile(sources, disabledRules), () -> sources, ownRules);
            }
            if (!sources.isEmpty()) {
                // Compile what could be read too, so one run shows every problem.
                try {
                    RuleCompiler.compile(sources, Set.of());
                } catch (RulesException compileProblems) {
                    problems.addAll(compileProblems.problems());
                }
            }
            throw new RulesException(problems);
        }
    }
}
