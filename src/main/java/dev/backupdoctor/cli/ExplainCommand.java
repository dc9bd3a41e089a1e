package dev.backupdoctor.cli;

import dev.backupdoctor.Explanation;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Tells why an action is in a snapshot's plan, or why it is not.",
                "In the plan: the rule that put it there and the facts that rule matched."
                        + " Not in the plan: which condition was false or unknown, or which rule took it out."})
final class ExplainCommand implements Callable<Integer> {

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
            throw new UsageException("ACTION_ID must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"" + actionId + "\"");
        }
        DeviceSnapshot snapshot = SnapshotFile.read(file, context.in());
        Explanation explanation = context.doctors().apply(rules.folders).explain(snapshot, actionId);
        for (String reason : explanation.reasons()) {
            context.writer().println(reason);
        }
        return Main.OK;
    }
}
