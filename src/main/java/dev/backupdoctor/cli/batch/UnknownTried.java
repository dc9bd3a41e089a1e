package dev.backupdoctor.cli.batch;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.common.DidYouMean;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.plan.CatalogEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code tried} ids that no loaded rule suggests, as the warnings on standard error name them: such an
 * id is accepted (rules loaded another time may suggest it) but leaves nothing out of the plan, so it
 * is most likely a typo for an action the plan still lists. A batch counts the snapshots with one and
 * keeps the first few distinct ids, in input order.
 *
 * @param snapshots how many snapshots list one
 * @param ids the first distinct ones, at most {@value #MAX_SHOWN} + 1 (the one past says there are more)
 */
public record UnknownTried(long snapshots, List<String> ids) {

    /** How many ids a warning names; a fleet's typos are few, and a hostile snapshot's are many. */
    static final int MAX_SHOWN = 5;

    static final UnknownTried NONE = new UnknownTried(0, List.of());

    /** With one more snapshot's unknown ids, if it has any. */
    UnknownTried with(List<String> snapshotIds) {
        return snapshotIds.isEmpty() ? this : new UnknownTried(snapshots + 1, union(ids, snapshotIds));
    }

    /** Both counts: this one's earlier in the input. */
    UnknownTried plus(UnknownTried later) {
        return later.snapshots == 0 ? this : new UnknownTried(snapshots + later.snapshots, union(ids, later.ids));
    }

    private static List<String> union(List<String> first, List<String> then) {
        Set<String> union = new LinkedHashSet<>(first);
        for (String id : then) {
            if (union.size() > MAX_SHOWN) {
                break;
            }
            union.add(id);
        }
        return List.copyOf(union);
    }

    /**
     * For one snapshot: a line for each unknown id (at most {@value #MAX_SHOWN}, then how many more), with
     * the action it most likely means.
     */
    public static List<String> warnings(List<String> unknown, BackupDoctor doctor) {
        List<String> known = knownIds(doctor);
        List<String> lines = new ArrayList<>();
        for (String id : unknown.subList(0, Math.min(unknown.size(), MAX_SHOWN))) {
            lines.add("warning: tried: \"" + Printable.cut(id) + "\" is not an action any loaded rule suggests"
                    + DidYouMean.closest(id, known).map(meant -> "; did you mean " + meant + "?").orElse(""));
        }
        if (unknown.size() > MAX_SHOWN) {
            lines.add(String.format("warning: tried: %,d more ids that no loaded rule suggests", unknown.size() - MAX_SHOWN));
        }
        return lines;
    }

    /** For a batch, one line: how many snapshots list such ids, and the first few, each with the action it most likely means. */
    String summary(BackupDoctor doctor) {
        List<String> known = knownIds(doctor);
        Stream<String> named = ids.stream().limit(MAX_SHOWN).map(id -> "\"" + Printable.cut(id) + "\""
                + DidYouMean.closest(id, known).map(meant -> " (did you mean " + meant + "?)").orElse(""));
        return String.format("warning: tried: %,d snapshot%s an action no loaded rule suggests: %s%s", snapshots,
                snapshots == 1 ? " lists" : "s list", String.join(", ", named.toList()), ids.size() > MAX_SHOWN ? ", and others" : "");
    }

    private static List<String> knownIds(BackupDoctor doctor) {
        return doctor.catalog().stream().map(CatalogEntry::id).toList();
    }
}
