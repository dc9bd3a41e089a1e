package dev.backupdoctor.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.Kind;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** A fleet's tally written out for {@code report}: as text for a person, as JSON, or as one HTML page. */
public final class FleetReport {

    /** What the devices at risk are, as the text and the page say it. */
    static final String AT_RISK_MEANING = ICloudSettings.BACKUPS_AT_RISK_DAYS + " days or more without a backup: Apple may delete"
            + " iCloud backups after " + ICloudSettings.BACKUPS_KEPT_DAYS;

    public enum Format { text, json, html }

    private final FleetTally fleet;
    private final String unit;

    /** {@code unit}: what an input entry is called, "line", or "record" for inventories. */
    public FleetReport(FleetTally fleet, String unit) {
        this.fleet = fleet;
        this.unit = unit;
    }

    public String render(Format format) {
        return switch (format) {
            case text -> text();
            case json -> json();
            case html -> html();
        };
    }

    /** The headline figures, then one row per action: id, title and its FIX, CHECK and TRY counts, in columns. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Devices:  %,d%n", fleet.devices()));
        text.append(String.format(Locale.ROOT, "Invalid:  %,d %s%n", fleet.invalid(), fleet.invalid() == 1 ? unit : unit + "s"));
        text.append(String.format(Locale.ROOT, "Healthy:  %,d%s%n", fleet.healthy(), healthyShare()));
        text.append("Last backup, days ago: ");
        for (BackupAge age : BackupAge.values()) {
            text.append(age.label()).append(' ').append(String.format(Locale.ROOT, "%,d", fleet.backupAge(age)))
                    .append(age.ordinal() < BackupAge.values().length - 1 ? ", " : "\n");
        }
        text.append(String.format(Locale.ROOT, "At risk:  %,d (%s)%n", fleet.atRisk(), AT_RISK_MEANING));
        List<FleetTally.ActionCount> actions = fleet.actions();
        text.append('\n');
        if (actions.isEmpty()) {
            return text.append("No action in any plan.\n").toString();
        }
        int idWidth = "id".length();
        int titleWidth = "title".length();
        int countWidth = "CHECK".length();
        for (FleetTally.ActionCount action : actions) {
            idWidth = Math.max(idWidth, action.id().length());
            titleWidth = Math.max(titleWidth, Printable.of(action.title()).length());
            for (Kind kind : Kind.values()) {
                countWidth = Math.max(countWidth, String.format(Locale.ROOT, "%,d", action.count(kind)).length());
            }
        }
        String row = "%-" + idWidth + "s  %-" + titleWidth + "s  %" + countWidth + "s  %" + countWidth + "s  %" + countWidth + "s";
        text.append(String.format(Locale.ROOT, row, "id", "title", "FIX", "CHECK", "TRY").stripTrailing()).append('\n');
        for (FleetTally.ActionCount action : actions) {
            // An extension's title may quote the snapshot (a model name): shown so that it can't steer the terminal.
            text.append(String.format(Locale.ROOT, row, action.id(), Printable.of(action.title()),
                    String.format(Locale.ROOT, "%,d", action.count(Kind.FIX)),
                    String.format(Locale.ROOT, "%,d", action.count(Kind.CHECK)),
                    String.format(Locale.ROOT, "%,d", action.count(Kind.TRY)))).append('\n');
        }
        return text.toString();
    }

    /** " (41.3 %)" of the valid snapshots; nothing when there were none. */
    private String healthyShare() {
        return fleet.devices() == 0 ? ""
                : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * fleet.healthy() / fleet.devices());
    }

    /** One line: {@code {"devices": N, "invalid": M, "healthy": H, "backupAge": {...}, "atRisk": R, "actions": [...]}}. */
    String json() {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(json)) {
            out.writeStartObject();
            out.writeNumberField("devices", fleet.devices());
            out.writeNumberField("invalid", fleet.invalid());
            out.writeNumberField("healthy", fleet.healthy());
            out.writeObjectFieldStart("backupAge");
            for (BackupAge age : BackupAge.values()) {
                out.writeNumberField(age.label(), fleet.backupAge(age));
            }
            out.writeEndObject();
            out.writeNumberField("atRisk", fleet.atRisk());
            out.writeArrayFieldStart("actions");
            for (FleetTally.ActionCount action : fleet.actions()) {
                out.writeStartObject();
                out.writeStringField("id", action.id());
                for (Kind kind : Kind.values()) {
                    out.writeNumberField(kind.name(), action.count(kind));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return json + "\n";
    }

    /** One self-contained page: headline figures, a chart of the actions and the table. */
    String html() {
        return Html.render(new ReportPage(fleet, unit));
    }

    /**
     * The page's template engine, in a class of its own: jte is an optional dependency, and the text
     * and JSON reports must not need it to load.
     */
    private static final class Html {

        /** The template, compiled to Java at build time (jte-maven-plugin), so nothing compiles at run time. */
        private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
                null, ContentType.Html, FleetReport.class.getClassLoader(), FleetReport.class.getPackageName());

        static String render(ReportPage page) {
            StringOutput html = new StringOutput();
            TEMPLATES.render("report.jte", page, html);
            return html.toString();
        }
    }
}
