package dev.backupdoctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a user's rule files from disk, reporting unreadable ones as problems rather than failing on the first. */
final class RuleFiles {

    private RuleFiles() {
    }

    static List<RuleSource> read(Path fileOrFolder, List<RuleProblem> problems) {
        if (!Files.exists(fileOrFolder)) {
            problems.add(new RuleProblem(fileOrFolder.toString(), 0, 0, "no such file or folder"));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> found = Files.walk(fileOrFolder)) {
            files = found.filter(Files::isRegularFile)
                    .filter(file -> file.equals(fileOrFolder) || file.getFileName().toString().endsWith(".drl"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new RuleProblem(fileOrFolder.toString(), 0, 0, "cannot list rule files: " + e.getMessage()));
            return List.of();
        }
        List<RuleSource> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new RuleProblem(file.toString(), 0, 0, "cannot read: " + e.getMessage()));
            }
        }
        return sources;
    }
}
