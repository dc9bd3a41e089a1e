package dev.backupdoctor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the built-in rules are declared, as explanations cite them, so tests need no line numbers. */
public final class RuleLines {

    private RuleLines() {
    }

    /** The line a built-in rule is declared on in {@code rules/FILE}. */
    public static int ruleLine(String file, String rule) {
        try {
            List<String> lines = Files.readAllLines(Path.of("rules", file));
            int index = lines.indexOf("rule \"" + rule + "\"");
            assertThat(index).as(rule + " in " + file).isNotNegative();
            return index + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
