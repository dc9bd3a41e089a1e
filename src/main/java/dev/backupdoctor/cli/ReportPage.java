package dev.backupdoctor.cli;

import dev.backupdoctor.facts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code report.jte} shows, worked out here so that the template only places it: figures
 * formatted for a person, and the chart's geometry. The chart draws one horizontal bar per action,
 * its FIX, CHECK and TRY segments side by side, each as long as its count on one scale (the longest
 * bar fills the bar area); the id and title stand left of the bar and the counts as text right of it.
 */
final class ReportPage {

    static final int CHART_WIDTH = 1040;
    static final int LABEL_X = 8;
    static final int BAR_X = 392;
    static final int BAR_AREA = 420;
    static final int LEGEND_HEIGHT = 36;
    static final int ROW_HEIGHT = 48;
    static final int BAR_HEIGHT = 22;

    private final FleetTally fleet;
    private final List<Bar> bars;

    ReportPage(FleetTally fleet) {
        this.fleet = fleet;
        List<FleetTally.ActionCount> actions = fleet.actions();
        long longest = actions.stream().mapToLong(FleetTally.ActionCount::total).max().orElse(1);
        double scale = (double) BAR_AREA / longest;
        List<Bar> rows = new ArrayList<>();
        for (FleetTally.ActionCount action : actions) {
            rows.add(new Bar(action, LEGEND_HEIGHT + rows.size() * ROW_HEIGHT, scale));
        }
        this.bars = List.copyOf(rows);
    }

    /** One action's row of the chart and of the table. */
    record Bar(FleetTally.ActionCount action, int top, double scale) {

        String id() {
            return action.id();
        }

        String title() {
            return action.title();
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

        /** What the bar says, for a screen reader and as the bar's tooltip. */
        String summary() {
            return id() + ", " + title() + ": " + count(Kind.FIX) + " FIX, " + count(Kind.CHECK) + " CHECK, "
                    + count(Kind.TRY) + " TRY";
        }
    }

    String devices() {
        return number(fleet.devices());
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

    List<BackupAge> backupAges() {
        return List.of(BackupAge.values());
    }

    String backupAge(BackupAge age) {
        return number(fleet.backupAge(age));
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
