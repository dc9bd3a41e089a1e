package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.cli.common.OptionalDependency;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.facts.IosVersion;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Option;

/** {@code --from}, {@code --as-of} and {@code --latest-ios}: reading device-management inventories. */
public final class InventoryOptions {

    @Option(names = "--from", paramLabel = "mdm|jamf",
            description = "Read device-management inventories instead of snapshots: mdm, Apple MDM DeviceInformation"
                    + " responses (a property list per file); jamf, Jamf Pro API mobile-device inventory JSON.")
    private Inventory from;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Count backup ages to this moment: an ISO-8601 date (00:00 UTC that day) or date-time"
                    + " (UTC unless it has an offset). Default: for mdm, now; for jamf, each device's last inventory update.")
    private String asOf;

    @Option(names = "--latest-ios", paramLabel = "VERSION",
            description = "The newest iOS, such as 18.1, for every device: inventories don't say what Software Update offers.")
    private String latestIos;

    /** The inventories to read, or {@code null} for snapshots. */
    public Inventory from() {
        return from;
    }

    /**
     * The settings the options give, checked; {@code now} is the default as-of for MDM, one moment
     * for the whole run.
     */
    public InventorySettings settings(Instant now) {
        if (from == null) {
            if (asOf != null || latestIos != null) {
                throw new UsageException((asOf != null ? "--as-of" : "--latest-ios") + " needs --from mdm or --from jamf");
            }
            return null;
        }
        if (from == Inventory.mdm) {
            OptionalDependency.DD_PLIST.require();
        }
        return new InventorySettings(asOf(now), latestIos());
    }

    /** For the warning that ends a run, worded for where as-of came from. */
    public BackupsAfterAsOf backupsAfterAsOf(InventorySettings settings) {
        if (asOf != null) {
            return new BackupsAfterAsOf("--as-of " + settings.asOf(), "is --as-of right?");
        }
        if (from == Inventory.mdm) {
            return new BackupsAfterAsOf("the time of this run, " + settings.asOf().truncatedTo(ChronoUnit.SECONDS),
                    "are the devices' clocks right? (and give --as-of when the responses were collected earlier)");
        }
        return new BackupsAfterAsOf("their last inventory update", "are the devices' clocks right?");
    }

    private Instant asOf(Instant now) {
        if (asOf == null) {
            return from == Inventory.mdm ? now : null;
        }
        try {
            return InventorySettings.parseInstant(asOf);
        } catch (DateTimeException e) {
            throw new UsageException("--as-of must be an ISO-8601 date such as 2026-11-26 or a date-time such as"
                    + " 2026-11-26T09:30:00Z, was \"" + Printable.cut(asOf) + "\"");
        }
    }

    private IosVersion latestIos() {
        if (latestIos == null) {
            return null;
        }
        try {
            return IosVersion.parse(latestIos);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--latest-ios must be a version such as 18.1, was \"" + Printable.cut(latestIos) + "\"");
        }
    }
}
