package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.problems.RuleFailedException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ends the process when one diagnosis runs past the time limit. Java can't stop a rule's own code
 * (a {@code while (true) {}} in a {@code then}) from outside its thread, so the only way to end
 * such a diagnosis is to end the JVM: this thread names the rule firing in it on standard error and
 * exits. The shutdown hooks still run, so a batch's output ends with a whole line. One thread per
 * command, checking a few times per limit; diagnoses pay nothing for it.
 */
final class Watchdog implements AutoCloseable {

    /** A day: beyond it a limit is no limit. */
    static final Duration MAX_LIMIT = Duration.ofDays(1);
    /** A millisecond: the watchdog checks at most once a millisecond, so it can't keep a shorter limit. */
    static final Duration MIN_LIMIT = Duration.ofMillis(1);
    private static final long LONGEST_CHECK_MILLIS = 1000;

    private final Thread thread;

    private Watchdog(Thread thread) {
        this.thread = thread;
    }

    /**
     * Watches {@code doctor}'s diagnoses until closed.
     *
     * @param stopped what the message adds about what ending the process left behind
     * @param status the exit status then
     */
    static Watchdog start(BackupDoctor doctor, Duration limit, Main.Context context, String stopped, int status) {
        return start(doctor, limit, context, () -> "", stopped, status);
    }

    /**
     * Watches {@code doctor}'s diagnoses until closed, for a command that diagnoses many snapshots.
     *
     * @param where which of them is stuck, as the message's start, such as "line 17: "
     */
    static Watchdog start(BackupDoctor doctor, Duration limit, Main.Context context, Supplier<String> where,
            String stopped, int status) {
        long checkMillis = Math.max(1, Math.min(LONGEST_CHECK_MILLIS, limit.toMillis() / 4));
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(checkMillis);
                    Optional<RuleFailedException> overrun = doctor.overrunning(limit);
                    if (overrun.isPresent()) {
                        end(where.get() + overrun.get().getMessage(), context, stopped, status);
                    }
                }
            } catch (InterruptedException closed) {
                // The command is done.
            }
        }, "backup-doctor-watchdog");
        thread.setDaemon(true);
        thread.start();
        return new Watchdog(thread);
    }

    private static void end(String overrun, Main.Context context, String stopped, int status) {
        // What a consultation has printed so far stays; a batch's lines are ended by its shutdown hook.
        context.writer().flush();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true);
        err.println(Printable.of(overrun) + " (--time-limit); " + stopped);
        Runtime.getRuntime().exit(status);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
