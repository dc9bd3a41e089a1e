package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Explanation;
import dev.backupdoctor.cli.common.DidYouMean;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.CatalogEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Tells why an action is in a snapshot's plan, or why it is not.",
                "In the plan: the rule that put it there and the facts that rule matched."
                        + " Not in the plan: which condition was false or unknown, or which rule took it out."})
final class ExplainCommand implements Callable<Integer> {

    /** Far longer than any action's id, the catalog's longest being 25 characters. */
    private static final int MAX_ACTION_ID_CHARS = 100;

    private final Main.Context context;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot; '-': standard input.")
    private String file;

    @Parameters(index = "1", paramLabel = "ACTION_ID", description = "The action's id, as 'diagnose --format json' shows it, e.g. RESTART_IPHONE.")
    private String actionId;

    @Mixin
    private RulesOption rules;

    ExplainCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!DeviceSnapshot.isActionId(actionId)) {
            throw new UsageException("ACTION_ID must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"" + Printable.cut(actionId) + "\"");
        }
        int length = actionId.length();
        if (length > MAX_ACTION_ID_CHARS) {
            // Every reason names the id: a longer one would make each line of the answer as long.
            throw new UsageException(String.format("ACTION_ID must be at most %d characters, was \"%s\" (%,d characters)",
                    MAX_ACTION_ID_CHARS, Printable.cut(actionId), length));
        }
        Duration timeLimit = rules.timeLimit();
        DeviceSnapshot snapshot = SnapshotFile.read(file, context.in());
        BackupDoctor doctor = context.doctors().apply(rules.folders);
        if (!doctor.proposes(actionId)) {
            throw new UsageException("ACTION_ID " + Printable.cut(actionId) + " is not an action any loaded rule suggests"
                    + DidYouMean.closest(actionId, doctor.catalog().stream().map(CatalogEntry::id).toList())
                            .map(id -> "; did you mean " + id + "?").orElse("")
                    + " ('catalog' lists them all)");
        }
        Explanation explanation;
        try (Watchdog watching = Watchdog.start(doctor, timeLimit, context, "stopped", Main.INVALID)) {
            explanation = doctor.explain(snapshot, actionId);
        }
        for (String reason : explanation.reasons()) {
            context.writer().println(Printable.of(reason));
        }
        return Main.OK;
    }
}
