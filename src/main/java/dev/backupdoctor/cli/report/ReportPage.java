package dev.backupdoctor.cli.report;

import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code report.jte} shows, worked out here so that the template only places it: figures
 * formatted for a person, text from snapshots and rules {@link Printable} (an ESC or a U+202E
 * shown as {@code \u001B}, {@code \u202E}, as on a terminal), and the charts' geometry. The actions' chart draws one horizontal bar per
 * action, its FIX, CHECK and TRY segments side by side, each as long as its count on one scale (the
 * longest bar fills the bar area); the id and title stand left of the bar and the counts as text
 * right of it. The backup age chart draws one bar per {@link BackupAge} the same way, its label left
 * and its count right of it.
 */
final class ReportPage {

    static final int CHART_WIDTH = 1040;
    static final int LABEL_X = 8;
    static final int BAR_X = 392;
    static final int BAR_AREA = 420;
    static final int LEGEND_HEIGHT = 36;
    static final int ROW_HEIGHT = 48;
    static final int BAR_HEIGHT = 22;
    static final int AGE_BAR_X = 120;
    static final int AGE_BAR_AREA = 800;
    static final int AGE_ROW_HEIGHT = 36;

    private final FleetTally fleet;
    private final String unit;
    private final List<Bar> bars;
    private final List<AgeBar> ageBars;
    private final List<OldestRow> oldestBackups;

    /** {@code unit}: what an input entry is called, "line", or "record" for inventories. */
    ReportPage(FleetTally fleet, String unit) {
        this.fleet = fleet;
        this.unit = unit;
        List<FleetTally.ActionCount> actions = fleet.actions();
        long longest = actions.stream().mapToLong(FleetTally.ActionCount::total).max().orElse(1);
        double scale = (double) BAR_AREA / longest;
        List<Bar> rows = new ArrayList<>();
        for (FleetTally.ActionCount action : actions) {
            rows.add(new Bar(action, LEGEND_HEIGHT + rows.size() * ROW_HEIGHT, scale));
        }
        this.bars = List.copyOf(rows);
        long mostDevices = Math.max(1, Stream.of(BackupAge.values()).mapToLong(fleet::backupAge).max().orElseThrow());
        this.ageBars = Stream.of(BackupAge.values())
                .map(age -> new AgeBar(age, fleet.backupAge(age), age.ordinal() * AGE_ROW_HEIGHT, (double) AGE_BAR_AREA / mostDevices))
                .toList();
        this.oldestBackups = fleet.oldestBackups().stream().map(backup -> new OldestRow(backup, unit)).toList();
    }

    /** One action's row of the chart and of the table. */
    record Bar(FleetTally.ActionCount action, int top, double scale) {

        String id() {
            return action.id();
        }

        /** An extension's title may quote the snapshot. */
        String title() {
            return Printable.of(action.title());
        }

        String count(Kind kind) {
            return number(action.count(kind));
        }

        /** Where the segment of {@code kind} starts: right after the segments of the kinds before it. */
        String x(Kind kind) {
            long before = 0;
            for (Kind earlier : Kind.values()) {
                if (earlier == kind) {
                    break;
                }
                before += action.count(earlier);
            }
            return coordinate(BAR_X + before * scale);
        }

        String width(Kind kind) {
            return coordinate(action.count(kind) * scale);
        }

        String countsX() {
            return coordinate(BAR_X + action.total() * scale + 10);
        }

        String barY() {
            return coordinate(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0);
        }

        String idY() {
            return coordinate(top + 20);
        }

        String titleY() {
            return coordinate(top + 38);
        }

        String textY() {
            return coordinate(top + ROW_HEIGHT / 2.0 + 5);
        }

        /**
         * What the bar says, for a screen reader and as the bar's tooltip. Plain text holds no
         * {@code <bdi>}: the title is isolated between U+2068 and U+2069 instead, so that a
         * right-to-left title can't carry the counts after it into its own direction.
         */
        String summary() {
            return id() + ", \u2068" + title() + "\u2069: " + count(Kind.FIX) + " FIX, " + count(Kind.CHECK) + " CHECK, "
                    + count(Kind.TRY) + " TRY";
        }
    }

    /** One backup age's row of its chart. */
    record AgeBar(BackupAge age, long devices, int top, double scale) {

        /** "0-1 days", "14+ days", "unknown". */
        String label() {
            return age == BackupAge.UNKNOWN ? age.label() : age.label() + " days";
        }

        String count() {
            return number(devices);
        }

        /** An unknown age is drawn apart from the known ones, in a light grey. */
        String cssClass() {
            return age == BackupAge.UNKNOWN ? "age unknown" : "age";
        }

        String width() {
            return coordinate(devices * scale);
        }

        String countX() {
            return coordinate(AGE_BAR_X + devices * scale + 10);
        }

        String barY() {
            return coordinate(top + (AGE_ROW_HEIGHT - BAR_HEIGHT) / 2.0);
        }

        String textY() {
            return coordinate(top + AGE_ROW_HEIGHT / 2.0 + 5);
        }

        /** What the bar says, for a screen reader and as the bar's tooltip. */
        String summary() {
            return label() + ": " + count() + (devices == 1 ? " device" : " devices");
        }
    }

    /** One row of the oldest backups' table. */
    record OldestRow(OldestBackups.OldBackup backup, String unit) {

        /** Whether the snapshot names the device: else the row names its line (or record). */
        boolean hasId() {
            return backup.id() != null && !backup.id().isEmpty();
        }

        /** The snapshot's id, or "line N" ("record N") for a snapshot without one. */
        String device() {
            return hasId() ? Printable.of(backup.id()) : unit + " " + backup.line();
        }

        String days() {
            return number(backup.days());
        }
    }

    String devices() {
        return number(fleet.devices());
    }

    /** What an input entry is called: "line", or "record" for inventories. */
    String unit() {
        return unit;
    }

    String invalid() {
        return number(fleet.invalid());
    }

    String healthy() {
        return number(fleet.healthy());
    }

    /** "41.3 % of the devices", or nothing without a valid snapshot. */
    String healthyShare() {
        return fleet.devices() == 0 ? ""
                : String.format(Locale.ROOT, "%.1f %% of the devices", 100.0 * fleet.healthy() / fleet.devices());
    }

    String atRisk() {
        return number(fleet.atRisk());
    }

    String atRiskMeaning() {
        return FleetReport.AT_RISK_MEANING;
    }

    List<BackupAge> backupAges() {
        return List.of(BackupAge.values());
    }

    String backupAge(BackupAge age) {
        return number(fleet.backupAge(age));
    }

    /** The backup age chart shows nothing without a device: the table says it. */
    boolean hasDevices() {
        return fleet.devices() > 0;
    }

    List<AgeBar> ageBars() {
        return ageBars;
    }

    int ageChartHeight() {
        return ageBars.size() * AGE_ROW_HEIGHT + 8;
    }

    String ageChartLabel() {
        return "Bar chart: how many devices last backed up how many days ago: "
                + ageBars.stream().map(bar -> bar.label() + " " + bar.count()).collect(Collectors.joining(", "))
                + ". The table below holds the same numbers.";
    }

    List<OldestRow> oldestBackups() {
        return oldestBackups;
    }

    /** Above the oldest backups' table: how many it lists and in which order. */
    String oldestBackupsCaption() {
        int listed = oldestBackups.size();
        return (listed == OldestBackups.LIMIT ? "The " + listed + " devices whose last backup is oldest"
                : "The " + listed + (listed == 1 ? " device" : " devices") + " whose last backup has a known age")
                + ", most days first; equal days in input order.";
    }

    List<Bar> bars() {
        return bars;
    }

    int chartWidth() {
        return CHART_WIDTH;
    }

    int chartHeight() {
        return LEGEND_HEIGHT + bars.size() * ROW_HEIGHT + 8;
    }

    String chartLabel() {
        return "Bar chart: for each of " + bars.size() + (bars.size() == 1 ? " action" : " actions")
                + ", in how many plans it is a FIX, a CHECK or a TRY. The table below holds the same numbers.";
    }

    List<Kind> kinds() {
        return List.of(Kind.values());
    }

    private static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
