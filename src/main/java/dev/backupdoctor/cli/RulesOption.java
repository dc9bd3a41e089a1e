package dev.backupdoctor.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} and {@code --time-limit SECONDS} options every command takes. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Also use the rules of every .drl file in DIR and its subfolders (repeatable).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
            description = "End the command when one diagnosis takes longer (default: ${DEFAULT-VALUE}): a rule stuck in its own code can't be stopped otherwise.")
    private double timeLimitSeconds;

    Duration timeLimit() {
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > Watchdog.MAX_LIMIT.toSeconds()) {
            throw new UsageException("--time-limit must be more than 0 and at most " + Watchdog.MAX_LIMIT.toSeconds()
                    + " seconds, was " + timeLimitSeconds);
        }
        return Duration.ofNanos(Math.max(1, Math.round(timeLimitSeconds * 1e9)));
    }
}
