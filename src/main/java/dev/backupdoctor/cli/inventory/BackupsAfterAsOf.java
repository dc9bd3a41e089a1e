package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.cli.common.Printable;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records whose last backup is after the moment ages are counted to. Their age counts as 0
 * days, which makes a stale device look as if it had just backed up: a mistyped {@code --as-of}
 * (a year too early) would turn a whole fleet healthy without a word, so the run ends with a
 * warning naming how many and the first few. Thread-safe: a batch's workers add to it.
 */
public final class BackupsAfterAsOf {

    private static final int NAMED = 3;

    /** What the records' backups are after, "--as-of 2026-11-26T00:00:00Z", and what to check, "is --as-of right?". */
    private final String asOf;
    private final String question;
    private long count;
    /** The first records by position, each by its id or as "record N". */
    private final TreeMap<Long, String> first = new TreeMap<>();

    BackupsAfterAsOf(String asOf, String question) {
        this.asOf = asOf;
        this.question = question;
    }

    /** Notes a device whose backup is after as-of: {@code position} its record's position across all inputs, from 1. */
    public synchronized void add(long position, String id) {
        count++;
        first.put(position, id == null || id.isEmpty() ? "record " + position : Printable.cut(id));
        if (first.size() > NAMED) {
            first.pollLastEntry();
        }
    }

    /** The line for standard error, if any record's backup was after as-of. */
    public synchronized Optional<String> warning() {
        if (count == 0) {
            return Optional.empty();
        }
        String more = count > NAMED ? " and " + (count - NAMED) + " more" : "";
        return Optional.of("warning: " + count + (count == 1 ? " record has" : " records have") + " a last backup after " + asOf
                + ", counted as 0 days ago: " + String.join(", ", first.values()) + more + "; " + question);
    }
}
