package dev.backupdoctor.engine;

import java.lang.ref.WeakReference;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * One thread's diagnosis as seen from outside it: since when it runs and which rule is firing.
 * Java can't interrupt a rule's own code, so a diagnosis past its time limit is halted at its next
 * firing; one that never gets there (a loop in a {@code then}) can only be named, for a watchdog
 * that ends the process. A thread keeps its watch for every diagnosis it runs.
 */
final class FiringWatch extends DefaultAgendaEventListener {

    private static final long IDLE = Long.MIN_VALUE;

    private final WeakReference<Thread> thread = new WeakReference<>(Thread.currentThread());
    private final long limitNanos;
    private volatile long started = IDLE;
    /** The rule whose consequence is running, or {@code null} between firings (while conditions are evaluated). */
    private volatile Rule firing;
    /** The rule that fired last; when the limit passed, the one it passed in. */
    private Rule fired;
    private boolean halted;

    /** @param limitNanos how long one diagnosis may take, or 0 for no limit */
    FiringWatch(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    void begin() {
        firing = null;
        fired = null;
        halted = false;
        started = System.nanoTime();
    }

    void end() {
        started = IDLE;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (!halted && limitNanos > 0 && overdue(System.nanoTime(), limitNanos)) {
            // Drools still fires this match; the diagnosis ends after it.
            halted = true;
            event.getKieRuntime().halt();
        }
        firing = event.getMatch().getRule();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (!halted) {
            fired = firing;
        }
        firing = null;
    }

    /** Whether the diagnosis has run past its limit, as seen from its own thread between firings. */
    boolean overran() {
        return halted || limitNanos > 0 && overdue(System.nanoTime(), limitNanos);
    }

    /**
     * The name of the rule whose consequence is running, or {@code null} when none is: an error
     * thrown then came from a condition's code.
     */
    String firingRule() {
        Rule rule = firing;
        return rule == null ? null : rule.getName();
    }

    /** The name of the rule the time limit passed in (the one that fired last); {@code null} when none has fired. */
    String firedRule() {
        return fired == null ? null : fired.getName();
    }

    /** Whether a diagnosis is running on this watch's thread for longer than {@code limit} (0: no limit), seen from any thread. */
    boolean overdue(long now, long limit) {
        long since = started;
        return limit > 0 && since != IDLE && now - since > limit;
    }

    /** The thread is gone: nothing will run on this watch again. */
    boolean abandoned() {
        Thread owner = thread.get();
        return owner == null || !owner.isAlive();
    }
}
