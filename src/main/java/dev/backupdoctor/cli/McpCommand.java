package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.common.OptionalDependency;
import dev.backupdoctor.mcp.StdioServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serves the Model Context Protocol on standard input and output, for an assistant or a support bot.",
                "Its tools are diagnose, explain, consult_start and consult_reply. It ends when standard input ends;"
                        + " logs go to standard error."})
final class McpCommand implements Callable<Integer> {

    private final Main.Context context;

    @Mixin
    private RulesOption rules;

    McpCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        OptionalDependency.MCP.require();
        Duration timeLimit = rules.timeLimit();
        BackupDoctor doctor = context.doctors().apply(rules.folders);
        // "backup-doctor 1.2.3": the name and version clients show.
        String[] nameAndVersion = new Main.Version().getVersion()[0].split(" ", 2);
        // Standard output carries the protocol alone: what a rule of your own prints goes to standard error.
        PrintStream systemOut = System.out;
        System.setOut(context.err());
        try (Watchdog watching = Watchdog.start(doctor, timeLimit, context, "the MCP server stopped", Main.INVALID)) {
            StdioServer.serve(doctor, nameAndVersion[0], nameAndVersion[1], context.in(), context.out());
        } finally {
            System.setOut(systemOut);
        }
        return Main.OK;
    }
}
