package dev.backupdoctor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option every command takes. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Also use the rules of every .drl file in DIR and its subfolders (repeatable).")
    List<Path> folders = new ArrayList<>();
}
