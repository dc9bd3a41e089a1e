package dev.backupdoctor.engine;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.CatalogEntry;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.Kind;
import dev.backupdoctor.plan.OtherRemedies;
import dev.backupdoctor.plan.TriedAction;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.problems.RulesException;
import dev.backupdoctor.problems.RunawayRuleException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.modelcompiler.constraints.ConstraintEvaluationException;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Compiled rules and the cheap sessions that run them: what {@code BackupDoctor} is built on. Every
 * Drools type stays in this package.
 */
public final class Knowledge {

    /** Far more than any sound rule set needs for one snapshot; reaching it means a rule loops. */
    static final int MAX_FIRINGS = 10_000;

    /**
     * The largest rule file read, 25 times all the built-in rules together. Compiling costs far more
     * than the text: 2,400 small rules in a file this size compile in 8 s with 1 GB resident; a 9 MB
     * file took two minutes and 7 GB.
     */
    static final int MAX_RULE_FILE_BYTES = 256 * 1024;

    /** The most rule text read from one folder (or classpath location), its subfolders included. */
    static final int MAX_RULE_FOLDER_BYTES = 512 * 1024;

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

    private static final String COMPUTER_BACKUP = Remedy.BACK_UP_WITH_COMPUTER.id();

    /** How a failing condition's message names its rule: {@code in [Rule "NAME" in FILE]}. */
    private static final Pattern CONSTRAINT_RULE = Pattern.compile("\\[Rules? \"([^\"]*)\"");

    private final KieBase rules;
    private final KieSessionsPool sessions;
    private final EvidenceReader evidence;
    private final Wording wording;
    private final Proposals proposals;
    private final Explainer explainer;
    private final boolean actionsAsFacts;
    private final boolean declaresDraft;
    private final Memo<RuleIndex> index;
    /** The actions the caller's own rules create that the catalog lacks, in id order. */
    private final Memo<List<CatalogEntry>> ownActions;
    /** How long one diagnosis may take, or {@code null} for no limit. */
    private final Duration timeLimit;
    private final ThreadLocal<FiringWatch> watch;
    /** Every thread's watch, for {@link #overrunning()}; a thread's watch leaves when the thread has ended. */
    private final Set<FiringWatch> watches = ConcurrentHashMap.newKeySet();

    /**
     * @param sources the DRL the rules were compiled from, read only when something is first explained
     * @param actionsAsFacts whether rules of the caller's own are loaded, which may match the actions
     *     the built-in rules propose: those then go into working memory as facts
     * @param timeLimit how long one diagnosis may take, or {@code null} for no limit
     * @param wording what the built-in actions say, in the language asked for
     */
    Knowledge(KieBase rules, Supplier<List<RuleSource>> sources, boolean actionsAsFacts, Duration timeLimit, Wording wording) {
        this.rules = rules;
        this.wording = wording;
        this.proposals = new Proposals(wording);
        this.sessions = rules.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.evidence = new EvidenceReader(rules);
        this.index = new Memo<>(() -> RuleIndex.of(sources.get()));
        this.ownActions = new Memo<>(() -> actionsAsFacts
                ? index.get().created().stream().filter(action -> !Catalog.contains(action.id())).toList()
                : List.of());
        this.explainer = new Explainer(rules, evidence, index);
        this.timeLimit = timeLimit;
        long timeLimitNanos = timeLimit == null ? 0 : timeLimit.toNanos();
        this.watch = ThreadLocal.withInitial(() -> {
            FiringWatch threadWatch = new FiringWatch(timeLimitNanos);
            watches.removeIf(FiringWatch::abandoned);
            watches.add(threadWatch);
            return threadWatch;
        });
        this.actionsAsFacts = actionsAsFacts;
        this.declaresDraft = rules.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(Draft.GLOBAL));
    }

    /**
     * Loads and compiles the rules from the places named, and only those.
     *
     * @param timeLimit how long one diagnosis may take, or {@code null} for no limit
     * @param language the language of the built-in actions' wording
     * @throws RulesException listing every problem if any rule file is missing or doesn't compile
     */
    public static Knowledge load(boolean builtInRules, List<String> classpathLocations, ClassLoader classLoader,
            List<Path> paths, Set<String> disabledRules, Duration timeLimit, Locale language) {
        Wording wording = Wording.of(language);
        if (builtInRules && paths.isEmpty() && classpathLocations.isEmpty()) {
            Optional<KieBase> precompiled = PrecompiledRules.load();
            if (precompiled.isPresent()) {
                RuleCompiler.disable(precompiled.get(), disabledRules);
                return new Knowledge(precompiled.get(), () -> RuleFiles.fromClasspath(
                        Knowledge.class.getClassLoader(), RuleFiles.BUILT_IN, new ArrayList<>()), false, timeLimit, wording);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSource> sources = new ArrayList<>();
        if (builtInRules) {
            sources.addAll(RuleFiles.fromClasspath(Knowledge.class.getClassLoader(), RuleFiles.BUILT_IN, problems));
        }
        for (String location : classpathLocations) {
            sources.addAll(RuleFiles.fromClasspath(classLoader, location, problems));
        }
        for (Path path : paths) {
            sources.addAll(RuleFiles.fromPath(path, problems));
        }
        if (sources.isEmpty() && problems.isEmpty()) {
            problems.add(RuleFiles.problem("(rules)", 0, 0, "no rules: the built-in rules are left out and none were added"));
        }
        if (problems.isEmpty()) {
            boolean ownRules = !paths.isEmpty() || !classpathLocations.isEmpty();
            Knowledge knowledge = new Knowledge(RuleCompiler.compile(sources, disabledRules), () -> sources, ownRules, timeLimit, wording);
            // The built-in rules' proposals are checked by the tests; rules read at run time, here, before they fire.
            Map<String, String> proposalProblems = knowledge.proposals.check(knowledge.rules.getKiePackages().stream()
                    .flatMap(kiePackage -> kiePackage.getRules().stream()).toList());
            if (!proposalProblems.isEmpty()) {
                throw new RulesException(proposalProblems.entrySet().stream().map(problem -> knowledge.index.get()
                        .rule(problem.getKey())
                        .map(rule -> RuleFiles.problem(rule.file(), rule.line(), 0, problem.getValue()))
                        .orElseGet(() -> RuleFiles.problem("(rules)", 0, 0, problem.getValue()))).toList());
            }
            return knowledge;
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

    /**
     * The ordered plan for one snapshot.
     *
     * @throws RuleFailedException if a rule fails, or keeps firing without end (only an added rule can)
     */
    public List<Action> plan(DeviceSnapshot snapshot) {
        return run(snapshot, false).plan();
    }

    /**
     * Every action the loaded rules can propose: the built-in catalog in its order, then the ids the
     * caller's own rules create that it lacks, in id order. Only the latter parse the rules' DRL.
     */
    public List<CatalogEntry> catalog() {
        List<CatalogEntry> catalog = new ArrayList<>(Stream.of(Remedy.values())
                .map(remedy -> new CatalogEntry(remedy.id(), remedy.kinds(), remedy.step(), wording.title(remedy)))
                .toList());
        catalog.addAll(ownActions.get());
        return catalog;
    }

    /** Whether a loaded rule can propose this action id: a built-in one, or one the caller's own rules create. */
    public boolean proposes(String actionId) {
        return Catalog.contains(actionId) || ownActions.get().stream().anyMatch(action -> action.id().equals(actionId));
    }

    /** Why an action is in the snapshot's plan, or why not, one sentence a reason; and the plan. */
    public Explained explain(DeviceSnapshot snapshot, String actionId) {
        Run run = run(snapshot, true);
        return new Explained(run.plan(), explainer.explain(actionId, run.plan(), run.facts(), run.recorder().removals(),
                run.leftOut(), () -> RecentBackup.why(snapshot)));
    }

    /** An explanation's plan and reasons. */
    public record Explained(List<Action> plan, List<String> reasons) {
    }

    /** {@code leftOut}: what a recent backup took out of the plan the rules proposed. */
    private record Run(List<Action> plan, List<Object> facts, PlanRecorder recorder, List<Action> leftOut) {
    }

    private Run run(DeviceSnapshot snapshot, boolean watchFirings) {
        // A pooled session is reset on dispose, which keeps the node memories a new session would
        // build again; the pool hands each thread its own session.
        KieSession session = sessions.newKieSession();
        FiringWatch firing = watch.get();
        firing.begin();
        try {
            session.addEventListener(firing);
            Draft draft = prepare(session);
            PlanRecorder recorder = null;
            if (actionsAsFacts || watchFirings) {
                recorder = new PlanRecorder();
                session.addEventListener(recorder);
                if (watchFirings) {
                    session.addEventListener(recorder.watchFirings());
                }
            }
            List<Object> facts = factsOf(snapshot);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = fire(session, firing, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw runaway(snapshot);
            }
            // The last resort waits for every other rule: it is listed only when they listed no remedy.
            OtherRemedies otherRemedies = new OtherRemedies(listsTry(draft.actions())
                    || recorder != null && listsTry(recorder.proposed()));
            session.insert(otherRemedies);
            facts.add(otherRemedies);
            if (fired + fire(session, firing, MAX_FIRINGS - fired) >= MAX_FIRINGS) {
                throw runaway(snapshot);
            }
            List<Action> actions = draft.actions();
            if (recorder != null) {
                actions.addAll(recorder.actions(evidence, facts));
            }
            List<Action> leftOut = RecentBackup.leaveOut(snapshot, actions);
            return new Run(plan(actions), facts, recorder, leftOut);
        } catch (ConsequenceException threw) {
            String rule = threw.getRule().getName();
            throw RuleFailedException.threw(rule, location(rule), threw.getCause());
        } catch (ConstraintEvaluationException threw) {
            // A condition's code threw; Drools names its rule only in the message.
            Matcher named = CONSTRAINT_RULE.matcher(String.valueOf(threw.getMessage()));
            String rule = named.find() ? named.group(1) : null;
            // Drools wraps what the condition threw twice in RuntimeExceptions of its own.
            Throwable cause = threw;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw RuleFailedException.threw(rule, location(rule), cause);
        } catch (StackOverflowError overflow) {
            String rule = firing.firingRule();
            throw RuleFailedException.recursedTooDeeply(rule, location(rule), overflow);
        } catch (OutOfMemoryError exhausted) {
            // Nothing that needs memory, such as parsing the DRL for the rule's location.
            throw RuleFailedException.ranOutOfMemory(firing.firingRule(), null, exhausted);
        } finally {
            firing.end();
            session.dispose();
        }
    }

    /** Fires up to {@code limit} rules; a diagnosis past its time limit stops at its next firing. */
    private int fire(KieSession session, FiringWatch firing, int limit) {
        int fired = session.fireAllRules(limit);
        if (firing.overran()) {
            String rule = firing.firedRule();
            throw RuleFailedException.ranPastTimeLimit(rule, location(rule), timeLimit);
        }
        return fired;
    }

    /** {@code file:line} of the rule, or {@code null}: read from the DRL the first time a rule fails. */
    private String location(String rule) {
        return rule == null ? null : index.get().rule(rule).map(info -> info.file() + ":" + info.line()).orElse(null);
    }

    /**
     * A diagnosis that has been running for longer than {@code limit}, as the failure it would end
     * with: its rule is firing still, and Java can't stop a rule's own code from outside. For a
     * watchdog, which can only end the process.
     */
    public Optional<RuleFailedException> overrunning(Duration limit) {
        long now = System.nanoTime();
        for (FiringWatch running : watches) {
            if (running.overdue(now, limit.toNanos())) {
                String rule = running.firingRule();
                return Optional.of(RuleFailedException.ranPastTimeLimit(rule, location(rule), limit));
            }
        }
        return Optional.empty();
    }

    private Draft prepare(KieSession session) {
        Draft draft = new Draft(evidence, proposals, actionsAsFacts);
        if (declaresDraft) {
            session.setGlobal(Draft.GLOBAL, draft);
        }
        return draft;
    }

    /** Whether a TRY besides the computer backup is listed, which a stale backup lists beside the others. */
    private static boolean listsTry(List<Action> actions) {
        for (Action action : actions) {
            if (action.kind() == Kind.TRY && !action.id().equals(COMPUTER_BACKUP) && !standsInFor(actions, action)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a FIX or CHECK of the same id is proposed too: the plan lists that one instead of the TRY. */
    private static boolean standsInFor(List<Action> actions, Action remedy) {
        for (Action action : actions) {
            if (action.kind() != Kind.TRY && action.id().equals(remedy.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replays a snapshot that hit the firing limit, counting which rules fired and whether on facts
     * they had fired on before: a loop is one rule firing again and again on the same facts, as a
     * rule that modifies what it matches does; many rules, or one rule on ever new facts, is not.
     * Only this rare path pays for the counting; the replay is deterministic, so it counts the same.
     */
    private RunawayRuleException runaway(DeviceSnapshot snapshot) {
        KieSession session = rules.newKieSession();
        try {
            prepare(session);
            Map<String, Integer> firings = new HashMap<>();
            Map<String, Integer> repeats = new HashMap<>();
            Map<String, Set<List<Integer>>> matched = new HashMap<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    firings.merge(rule, 1, Integer::sum);
                    List<Integer> facts = event.getMatch().getObjects().stream().map(System::identityHashCode).toList();
                    if (!matched.computeIfAbsent(rule, name -> new HashSet<>()).add(facts)) {
                        repeats.merge(rule, 1, Integer::sum);
                    }
                }
            });
            for (Object fact : factsOf(snapshot)) {
                session.insert(fact);
            }
            // Drools reads a limit of 0 as none: the second round runs only while firings are left.
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired < MAX_FIRINGS) {
                session.insert(new OtherRemedies(true));
                session.fireAllRules(MAX_FIRINGS - fired);
            }
            Map.Entry<String, Integer> looping = repeats.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            if (looping != null && looping.getValue() > MAX_FIRINGS / 2) {
                return new RunawayRuleException(looping.getKey(), true, firings.size(), firings.get(looping.getKey()),
                        MAX_FIRINGS);
            }
            Map.Entry<String, Integer> most = firings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            return new RunawayRuleException(most.getKey(), false, firings.size(), most.getValue(), MAX_FIRINGS);
        } finally {
            session.dispose();
        }
    }

    /**
     * Sorts into plan order and keeps one action per id, the first in that order. An alternative
     * names the first of the actions its catalog entry is another way to that the plan lists as a
     * FIX; an alternative to an action the plan doesn't list as a FIX is no alternative: that reference goes.
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
            if (action.alternativeTo() != null) {
                String alternativeTo = alternativeTo(sorted, action);
                if (!action.alternativeTo().equals(alternativeTo)) {
                    sorted.set(i, new Action(action.id(), action.kind(), action.step(), action.title(), action.instructions(),
                            action.reason(), action.caution(), alternativeTo, action.rule(), action.because()));
                }
            }
        }
        return sorted;
    }

    /** The action as produced by a rule, carrying the rule's name and the facts it matched. */
    static Action attributed(Action action, String rule, List<Evidence> because) {
        return new Action(action.id(), action.kind(), action.step(), action.title(), action.instructions(),
                action.reason(), action.caution(), action.alternativeTo(), rule, because);
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

    /** The first action named that the plan lists as a FIX: the catalog's choices, or the one the action names. */
    private static String alternativeTo(List<Action> plan, Action action) {
        Remedy remedy = Remedy.byId(action.id());
        List<String> ways = remedy != null && !remedy.alternativeTo().isEmpty() ? remedy.alternativeTo() : List.of(action.alternativeTo());
        for (String way : ways) {
            if (listsFix(plan, way)) {
                return way;
            }
        }
        return null;
    }

    private static boolean listsFix(List<Action> plan, String id) {
        for (Action action : plan) {
            if (action.kind() == Kind.FIX && action.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The facts the rules reason over: one per snapshot section, and one per tried id; not the id, which no rule reads. */
    private static List<Object> factsOf(DeviceSnapshot snapshot) {
        List<String> tried = snapshot.tried();
        List<Object> facts = new ArrayList<>(7 + tried.size());
        facts.add(snapshot.device());
        facts.add(snapshot.icloud());
        facts.add(snapshot.restrictions());
        facts.add(snapshot.wifi());
        facts.add(snapshot.power());
        facts.add(snapshot.storage());
        facts.add(snapshot.service());
        for (String id : tried) {
            facts.add(new TriedAction(id));
        }
        return facts;
    }
}
