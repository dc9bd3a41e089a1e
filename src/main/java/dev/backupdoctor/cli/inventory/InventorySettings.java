package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.schema.Schema;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * What an import knows beyond the inventory: the moment backup ages are counted to ({@code null}:
 * for Jamf, each device's last inventory update) and the newest iOS ({@code null}: unknown).
 */
public record InventorySettings(Instant asOf, IosVersion latestIos) {

    /** The oldest backup age a snapshot holds (about a hundred years): the field's own range. */
    static final int MAX_DAYS_AGO = (int) Schema.field("icloud.lastBackupDaysAgo").orElseThrow().max();

    /** Completed 24-hour periods from the backup to as-of: 0 for a backup after it, at most {@link #MAX_DAYS_AGO}. */
    static int daysAgo(Instant backup, Instant asOf) {
        long days = Duration.between(backup, asOf).toDays();
        return (int) Math.max(0, Math.min(MAX_DAYS_AGO, days));
    }

    /**
     * An ISO-8601 date (00:00:00Z that day) or date-time (with {@code Z} or an offset, converted to
     * UTC; without either, UTC).
     *
     * @throws DateTimeException when it is neither
     */
    static Instant parseInstant(String text) {
        if (text.length() <= 10 || text.indexOf('T') < 0) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime withOffset
                ? withOffset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
