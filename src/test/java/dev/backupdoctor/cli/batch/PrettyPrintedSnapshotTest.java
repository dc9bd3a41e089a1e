package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot written over several lines, as the bundled examples are, given to {@code batch} or
 * {@code report}, which take one snapshot per line: every line fails, and standard error says once
 * what to do instead, in words without the JSON parser's internals.
 */
class PrettyPrintedSnapshotTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples/snapshots")).filter(file -> file.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void batchSaysOnceThatItTakesOneSnapshotPerLine(Path example) {
        Run run = Run.of("", "batch", example.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).startsWith("{\"line\":1,\"error\":\"$: malformed JSON at line 1, column 2: the input ends inside the object"
                + " that starts at line 1, column 1\"}\n");
        List<String> err = run.err().lines().toList();
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).matches("\\d+ of \\d+ lines were invalid; the first, line 1: .*");
        assertThat(err.get(1)).isEqualTo("batch takes one snapshot per line (JSON Lines); to diagnose one pretty-printed snapshot,"
                + " use 'diagnose FILE'");
        assertThat(run.out() + run.err()).doesNotContain("Source", "REDACTED", "Feature", "`", "(code", "end-of-input", "marker");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void reportSaysItToo(Path example) {
        Run run = Run.of("", "report", example.toString(), "--format", "json");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).endsWith("\nreport takes one snapshot per line (JSON Lines); to diagnose one pretty-printed snapshot,"
                + " use 'diagnose FILE'\n");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void diagnoseReadsTheSameFile(Path example) {
        assertThat(Run.of("", "diagnose", example.toString()).status()).isZero();
    }

    @Test
    void aLineCutShortAfterValidLinesIsOnlyThatLinesError() {
        Run run = Run.of("{}\n{\"wifi\": {\"enabled\": true,\n", "batch");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("1 of 2 lines was invalid: line 2: $: malformed JSON at line 1, column 27: the input ends inside"
                + " the object that starts at line 1, column 10\n");
    }

    @Test
    void aSnapshotOnOneLineAfterAPrettyPrintedOneIsStillDiagnosed() {
        Run run = Run.of("{\n}\n{}\n", "batch");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out().lines().toList()).hasSize(3).last().asString().startsWith("{\"line\":3,\"id\":null,");
        assertThat(run.err()).endsWith("\nbatch takes one snapshot per line (JSON Lines); to diagnose one pretty-printed snapshot,"
                + " use 'diagnose FILE'\n");
    }
}
