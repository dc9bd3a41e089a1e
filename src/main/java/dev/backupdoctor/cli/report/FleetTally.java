package dev.backupdoctor.cli.report;

import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code report} counts over a fleet: valid and invalid lines, healthy plans, devices by the
 * age of their last backup, the devices with the oldest backups, and for each action id how many
 * plans list it as a FIX, a CHECK or a TRY. A tally stays the same size however long the input: one
 * counter per action id and kind, and at most {@link OldestBackups#LIMIT} devices. A worker tallies
 * one chunk; the consuming thread adds the chunks to the fleet's tally in input order.
 */
public final class FleetTally implements Batch.Chunk {

    /**
     * Most FIX first, then most CHECK, then most TRY; ties in catalog order, an extension's ids
     * after the catalog's, then by id.
     */
    static final Comparator<ActionCount> REPORT_ORDER = Comparator
            .comparingLong((ActionCount action) -> action.count(Kind.FIX)).reversed()
            .thenComparing(Comparator.comparingLong((ActionCount action) -> action.count(Kind.CHECK)).reversed())
            .thenComparing(Comparator.comparingLong((ActionCount action) -> action.count(Kind.TRY)).reversed())
            .thenComparingInt(action -> catalogPosition(action.id()))
            .thenComparing(ActionCount::id);

    private long devices;
    private long invalid;
    private long healthy;
    private long atRisk;
    private final long[] backupAges = new long[BackupAge.values().length];
    private final OldestBackups oldestBackups = new OldestBackups();
    private final Map<String, ActionCount> actions = new HashMap<>();

    /** How often one action id appears in the fleet's plans, by kind, and the title it goes by. */
    static final class ActionCount {

        private final String id;
        private final String title;
        private final long[] byKind = new long[Kind.values().length];

        ActionCount(String id, String title) {
            this.id = id;
            this.title = title;
        }

        String id() {
            return id;
        }

        /** The catalog's title for a built-in id; for an extension's, the title of its first occurrence. */
        String title() {
            return title;
        }

        long count(Kind kind) {
            return byKind[kind.ordinal()];
        }

        void add(Kind kind, long count) {
            byKind[kind.ordinal()] += count;
        }

        long total() {
            long total = 0;
            for (long count : byKind) {
                total += count;
            }
            return total;
        }
    }

    @Override
    public void plan(long line, Diagnosis diagnosis) {
        devices++;
        if (diagnosis.healthy()) {
            healthy++;
        }
        Integer daysAgo = diagnosis.lastBackupDaysAgo();
        backupAges[BackupAge.of(daysAgo).ordinal()]++;
        if (daysAgo != null && daysAgo >= ICloudSettings.BACKUPS_AT_RISK_DAYS) {
            atRisk++;
        }
        if (daysAgo != null) {
            oldestBackups.add(line, diagnosis.id(), daysAgo);
        }
        for (Action action : diagnosis.actions()) {
            actions.computeIfAbsent(action.id(), id -> new ActionCount(id, titleOf(action))).add(action.kind(), 1);
        }
    }

    @Override
    public void invalid(long line, String error) {
        invalid++;
    }

    /** Adds a later chunk's counts: an extension's id keeps the title it first had. */
    void add(FleetTally later) {
        devices += later.devices;
        invalid += later.invalid;
        healthy += later.healthy;
        atRisk += later.atRisk;
        for (int age = 0; age < backupAges.length; age++) {
            backupAges[age] += later.backupAges[age];
        }
        oldestBackups.add(later.oldestBackups);
        for (ActionCount counted : later.actions.values()) {
            ActionCount total = actions.computeIfAbsent(counted.id, id -> new ActionCount(id, counted.title));
            for (Kind kind : Kind.values()) {
                total.add(kind, counted.count(kind));
            }
        }
    }

    /** For {@link Batch}: each worker tallies its chunk, and the chunks are added to this tally. */
    public Batch.Consumer<FleetTally> adding() {
        return new Batch.Consumer<>() {
            @Override
            public FleetTally newChunk() {
                return new FleetTally();
            }

            @Override
            public boolean take(FleetTally chunk) {
                add(chunk);
                return true;
            }
        };
    }

    /** Valid snapshots. */
    long devices() {
        return devices;
    }

    /** Invalid lines. */
    long invalid() {
        return invalid;
    }

    /** Plans without a FIX or a CHECK. */
    long healthy() {
        return healthy;
    }

    /** Devices whose last backup is {@link ICloudSettings#BACKUPS_AT_RISK_DAYS} days old or more: Apple may soon delete their iCloud backups. */
    long atRisk() {
        return atRisk;
    }

    long backupAge(BackupAge age) {
        return backupAges[age.ordinal()];
    }

    /** The devices with the oldest known backups, at most {@link OldestBackups#LIMIT}, most days first. */
    List<OldestBackups.OldBackup> oldestBackups() {
        return oldestBackups.oldestFirst();
    }

    /** Every action id that occurred, in {@link #REPORT_ORDER}. */
    List<ActionCount> actions() {
        List<ActionCount> sorted = new ArrayList<>(actions.values());
        sorted.sort(REPORT_ORDER);
        return sorted;
    }

    private static String titleOf(Action action) {
        Remedy remedy = Remedy.byId(action.id());
        return remedy != null ? Wording.english().title(remedy) : action.title();
    }

    private static int catalogPosition(String id) {
        Remedy remedy = Remedy.byId(id);
        return remedy != null ? remedy.ordinal() : Integer.MAX_VALUE;
    }
}
