package dev.backupdoctor;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import dev.backupdoctor.problems.RuleFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A consultation with a person, one turn at a time, as a support bot or a help-desk tool drives it:
 * first the questions whose answers would change the plan, most useful first; then the plan, one
 * action at a time, each time asking whether it fixed the backup. {@link #next()} says what to do
 * now; each reply returns a new consultation, with the plan worked out again.
 *
 * <p>When an action didn't fix the backup ({@link #notFixed}), the consultation takes it as done: a
 * TRY joins {@code tried}, and a FIX or CHECK sets its fact to the value that removes the cause
 * (Back Up Over Cellular turned on, the old devices' backups it named deleted, and so on). Its
 * {@link #snapshot()} is therefore what was learned so far; diagnose it, or save it as JSON, to pick
 * up where the consultation stopped. Once the walk through the plan has begun no question is asked
 * again, and an action answered or skipped is not shown again, so every consultation ends.
 *
 * <p>Immutable and thread-safe: keep one per conversation, replace it with what each reply returns.
 *
 * <pre>{@code
 * Consultation consultation = doctor.consult(snapshot);
 * while (!(consultation.next() instanceof Consultation.End)) {
 *     if (consultation.next() instanceof Consultation.Ask ask) {
 *         String reply = ...;      // ask.question().text(), and its hint()
 *         consultation = consultation.answer(reply);          // or skip(), or stop()
 *     } else if (consultation.next() instanceof Consultation.Show show) {
 *         Action taken = ...;      // show.ways(): "either ... or ..."; did it fix the backup?
 *         consultation = fixedIt ? consultation.fixed(taken.id()) : consultation.notFixed(taken.id());
 *     }
 * }
 * }</pre>
 */
public final class Consultation {

    /** The longest reply {@link #answer} takes, in characters; a longer one can't be an answer. */
    public static final int MAX_REPLY_CHARS = 1_000;

    /** What to do now: ask a question, show an action (or a choice of ways), or nothing: it has ended. */
    public sealed interface Step permits Ask, Show, End {
    }

    /**
     * Ask the person this question; reply with {@link #answer} or {@link #skip()}.
     *
     * @param question the most useful question not yet asked
     */
    public record Ask(Question question) implements Step {
    }

    /**
     * Show the person what to do, then ask whether it fixed the backup; reply with {@link #fixed},
     * {@link #notFixed} or {@link #skip()}. Several ways are alternatives ("either … or …"): the
     * person needs only one of them.
     *
     * @param ways the next action of the plan, then the actions that are another way to do it
     *     (whose {@code alternativeTo} names it), in plan order
     */
    public record Show(List<Action> ways) implements Step {

        /**
         * Copies the ways.
         *
         * @param ways one action at least
         * @throws IllegalArgumentException if there is none
         */
        public Show {
            ways = List.copyOf(ways);
            if (ways.isEmpty()) {
                throw new IllegalArgumentException("an action to show is needed");
            }
        }
    }

    /**
     * The consultation has ended.
     *
     * @param why how it ended
     * @param fixedBy the action that fixed the backup, when {@code why} is {@link Ending#FIXED}
     */
    public record End(Ending why, Optional<Action> fixedBy) implements Step {
    }

    /** How a consultation ended. */
    public enum Ending {
        /** An action fixed the backup. */
        FIXED,
        /** Every action of the plan was shown and none fixed it (or the plan had none). */
        PLAN_DONE,
        /** The person stopped before the end. */
        STOPPED
    }

    /**
     * Everything a consultation holds besides its doctor, for carrying it outside the process (a
     * token a client keeps between turns, so that no server keeps the conversation): give it to
     * {@link BackupDoctor#resume} to continue. The plan and the next step are not part of it: they
     * follow from it, worked out again on resuming.
     *
     * @param snapshot what was learned so far, as {@link #snapshot()}
     * @param questionsSettled the ids of the questions answered or skipped, not asked again
     * @param actionsSettled the ids of the actions answered "not fixed" or skipped, not shown again
     * @param walking whether the walk through the plan has begun, after which no question is asked
     * @param ending how the consultation ended, or {@code null} while it goes on
     * @param fixedBy the id of the action that fixed the backup when {@code ending} is
     *     {@link Ending#FIXED}, otherwise {@code null}
     */
    public record State(DeviceSnapshot snapshot, Set<String> questionsSettled, Set<String> actionsSettled, boolean walking,
            Ending ending, String fixedBy) {

        /**
         * Copies the sets.
         *
         * @param snapshot what was learned so far
         * @param questionsSettled the ids of the questions answered or skipped
         * @param actionsSettled the ids of the actions answered "not fixed" or skipped
         * @param walking whether the walk through the plan has begun
         * @param ending how the consultation ended, or {@code null}
         * @param fixedBy the action that fixed the backup, or {@code null}
         * @throws IllegalArgumentException if {@code fixedBy} is given without {@code ending}
         *     {@link Ending#FIXED}, or missing with it
         */
        public State {
            Objects.requireNonNull(snapshot, "snapshot");
            questionsSettled = Set.copyOf(questionsSettled);
            actionsSettled = Set.copyOf(actionsSettled);
            if ((ending == Ending.FIXED) != (fixedBy != null)) {
                throw new IllegalArgumentException("fixedBy names the action that fixed the backup: given exactly when it ended FIXED");
            }
        }
    }

    private final BackupDoctor doctor;
    private final DeviceSnapshot snapshot;
    private final Diagnosis diagnosis;
    /** Questions asked or skipped: not asked again. */
    private final Set<String> questionsSettled;
    /** Actions answered {@code no} or skipped: not shown again, even if still in the plan. */
    private final Set<String> actionsSettled;
    private final boolean walking;
    private final Step next;

    private Consultation(BackupDoctor doctor, DeviceSnapshot snapshot, Diagnosis diagnosis, Set<String> questionsSettled,
            Set<String> actionsSettled, boolean walking, End ended) {
        this.doctor = doctor;
        this.snapshot = snapshot;
        this.diagnosis = diagnosis;
        this.questionsSettled = Set.copyOf(questionsSettled);
        this.actionsSettled = Set.copyOf(actionsSettled);
        this.walking = walking;
        this.next = ended != null ? ended : nextStep();
    }

    static Consultation start(BackupDoctor doctor, DeviceSnapshot known) {
        return new Consultation(doctor, known, doctor.diagnose(known), Set.of(), Set.of(), false, null);
    }

    /**
     * The consultation picked up where {@link #state()} left it, with the plan worked out again.
     * An ending {@link Ending#FIXED} needs its action in that plan.
     */
    static Consultation resume(BackupDoctor doctor, State state) {
        Diagnosis diagnosis = doctor.diagnose(state.snapshot());
        End ended = null;
        if (state.ending() == Ending.FIXED) {
            Action way = diagnosis.action(state.fixedBy()).orElseThrow(() -> new IllegalArgumentException(
                    state.fixedBy() + " is not in the plan, so it can't be what fixed the backup"));
            ended = new End(Ending.FIXED, Optional.of(way));
        } else if (state.ending() != null) {
            ended = new End(state.ending(), Optional.empty());
        }
        return new Consultation(doctor, state.snapshot(), diagnosis, state.questionsSettled(), state.actionsSettled(),
                state.walking(), ended);
    }

    /**
     * All this consultation holds, to continue it elsewhere or later with {@link BackupDoctor#resume}.
     *
     * @return the snapshot so far, what was settled, and how it ended if it has
     */
    public State state() {
        End end = next instanceof End ended ? ended : null;
        return new State(snapshot, questionsSettled, actionsSettled, walking, end == null ? null : end.why(),
                end == null ? null : end.fixedBy().map(Action::id).orElse(null));
    }

    /**
     * What to do now. The same for the same consultation: it changes only with a reply.
     *
     * @return a question to ask, an action (or its alternatives) to show, or the end
     */
    public Step next() {
        return next;
    }

    /**
     * What was learned so far: what the consultation started from, the answers, and the actions
     * that didn't fix the backup taken as done (a TRY in {@code tried}).
     *
     * @return the snapshot as it stands now
     */
    public DeviceSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The plan for what was learned so far.
     *
     * @return the diagnosis of {@link #snapshot()}
     */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * Answers the question {@link #next()} asks.
     *
     * @param reply the reply as a person typed it ("yes", "2 GB", "17.1.2"); surrounding white space is
     *     ignored. Words such as "skip" or "done" are not replies here: call {@link #skip()} or {@link #stop()}
     * @return the consultation with the answer learned and the plan worked out again
     * @throws IllegalArgumentException if the reply doesn't fit the question, or is longer than
     *     {@link #MAX_REPLY_CHARS}; its message says what does fit, such as "answer yes or no"
     * @throws IllegalStateException if {@link #next()} is not an {@link Ask}
     * @throws RuleFailedException if a rule fails, as {@link BackupDoctor#diagnose} says
     */
    public Consultation answer(String reply) {
        Objects.requireNonNull(reply, "reply");
        Question question = current(Ask.class).question();
        if (reply.codePointCount(0, reply.length()) > MAX_REPLY_CHARS) {
            throw new IllegalArgumentException("answer in at most " + String.format("%,d", MAX_REPLY_CHARS) + " characters");
        }
        DeviceSnapshot answered = question.answer(snapshot, reply);
        return new Consultation(doctor, answered, doctor.diagnose(answered), plus(questionsSettled, List.of(question.id())),
                actionsSettled, false, null);
    }

    /**
     * Moves on without an answer: a skipped question stays unknown and is not asked again; a
     * skipped action, with its alternatives, is not shown again.
     *
     * @return the consultation one step on
     * @throws IllegalStateException if the consultation has ended
     */
    public Consultation skip() {
        Step now = next;
        if (now instanceof Ask ask) {
            return new Consultation(doctor, snapshot, diagnosis, plus(questionsSettled, List.of(ask.question().id())),
                    actionsSettled, false, null);
        }
        Show show = current(Show.class);
        return new Consultation(doctor, snapshot, diagnosis, questionsSettled,
                plus(actionsSettled, show.ways().stream().map(Action::id).toList()), true, null);
    }

    /**
     * The action shown fixed the backup: the consultation ends, naming it.
     *
     * @param actionId the id of the way the person took, one of those {@link #next()} shows
     * @return the ended consultation
     * @throws IllegalArgumentException if no action of that id is shown
     * @throws IllegalStateException if {@link #next()} is not a {@link Show}
     */
    public Consultation fixed(String actionId) {
        Action way = shown(actionId);
        return new Consultation(doctor, snapshot, diagnosis, questionsSettled, actionsSettled, true,
                new End(Ending.FIXED, Optional.of(way)));
    }

    /**
     * The action shown was followed and the backup still fails. A TRY joins {@code tried}; a FIX or
     * CHECK is taken as done, its fact set to the value that removes the cause (for an action of
     * your own rules nothing is learned). It is not shown again; the other ways shown are, if the
     * plan worked out again still lists them.
     *
     * @param actionId the id of the way the person took, one of those {@link #next()} shows
     * @return the consultation with what was learned and the plan worked out again
     * @throws IllegalArgumentException if no action of that id is shown
     * @throws IllegalStateException if {@link #next()} is not a {@link Show}
     * @throws RuleFailedException if a rule fails, as {@link BackupDoctor#diagnose} says
     */
    public Consultation notFixed(String actionId) {
        Action way = shown(actionId);
        Remedy entry = Remedy.byId(way.id());
        DeviceSnapshot done = entry != null ? entry.answeredNo(snapshot, way.kind())
                : way.kind() == Kind.TRY ? snapshot.withTried(way.id()) : snapshot;
        return new Consultation(doctor, done, doctor.diagnose(done), questionsSettled, plus(actionsSettled, List.of(way.id())),
                true, null);
    }

    /**
     * Ends the consultation here; what was learned stays in {@link #snapshot()}.
     *
     * @return the ended consultation, or this one if it had already ended
     */
    public Consultation stop() {
        if (next instanceof End) {
            return this;
        }
        return new Consultation(doctor, snapshot, diagnosis, questionsSettled, actionsSettled, walking,
                new End(Ending.STOPPED, Optional.empty()));
    }

    private Step nextStep() {
        if (!walking) {
            Optional<Question> question = diagnosis.questions().stream()
                    .filter(candidate -> !questionsSettled.contains(candidate.id())).findFirst();
            if (question.isPresent()) {
                return new Ask(question.get());
            }
        }
        List<Action> ways = nextWays();
        return ways.isEmpty() ? new End(Ending.PLAN_DONE, Optional.empty()) : new Show(ways);
    }

    /**
     * The first action of the plan not yet settled, with its alternatives; or, when that is itself
     * an alternative to one still to show, that one with its alternatives. As in the text plan, an
     * action is an alternative only to one that is no alternative itself.
     */
    private List<Action> nextWays() {
        List<Action> open = diagnosis.actions().stream().filter(action -> !actionsSettled.contains(action.id())).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Action> byId = new HashMap<>();
        open.forEach(action -> byId.putIfAbsent(action.id(), action));
        Action head = head(open.get(0), byId);
        List<Action> ways = new ArrayList<>(List.of(head));
        open.stream().filter(action -> action != head && head(action, byId) == head).forEach(ways::add);
        return ways;
    }

    private static Action head(Action action, Map<String, Action> byId) {
        Action named = action.alternativeTo() == null ? null : byId.get(action.alternativeTo());
        return named != null && named != action && named.alternativeTo() == null ? named : action;
    }

    private <S extends Step> S current(Class<S> expected) {
        if (expected.isInstance(next)) {
            return expected.cast(next);
        }
        String now = next instanceof Ask ? "a question is asked" : next instanceof Show ? "an action is shown" : "it has ended";
        throw new IllegalStateException("the consultation can't take that now: " + now);
    }

    private Action shown(String actionId) {
        Objects.requireNonNull(actionId, "actionId");
        List<Action> ways = current(Show.class).ways();
        return ways.stream().filter(way -> way.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(actionId + " is not shown; shown: "
                        + ways.stream().map(Action::id).collect(Collectors.joining(", "))));
    }

    private static Set<String> plus(Set<String> settled, List<String> more) {
        Set<String> all = new HashSet<>(settled);
        all.addAll(more);
        return all;
    }

    @Override
    public String toString() {
        return "Consultation[next=" + next + ", snapshot=" + snapshot + "]";
    }
}
