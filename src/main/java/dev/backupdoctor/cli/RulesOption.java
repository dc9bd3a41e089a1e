package dev.backupdoctor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option every command takes. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load every .drl file in DIR (repeatable).")
    List<Path> folders = new ArrayList<>();
}
