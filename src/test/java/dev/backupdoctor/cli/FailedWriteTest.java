package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.cli.TestStreams.CountingInput;
import dev.backupdoctor.cli.TestStreams.FailingAfter;
import dev.backupdoctor.cli.inventory.ImportCommandTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standard output that fails part-way: a write that fails (a full disk) ends every command with one
 * line naming it and status 1, since what was written is incomplete; a reader that went away (a
 * closed pipe) ends it quietly with status 0.
 */
class FailedWriteTest {

    private static final String FLEET = "examples/snapshots/fleet.jsonl";
    private static final String WEAK_WIFI = "examples/snapshots/weak-wifi-iphone-8.json";
    private static final String FULL = "standard output: cannot write: No space left on device; the output is incomplete\n";

    /** Every command, and the help, each with what it reads on standard input. */
    static Stream<Arguments> commands() throws IOException {
        String fleet = Files.readString(Path.of(FLEET));
        return Stream.of(
                Arguments.of("", new String[] {"diagnose", WEAK_WIFI}),
                Arguments.of("", new String[] {"diagnose", WEAK_WIFI, "--format", "json"}),
                Arguments.of("", new String[] {"explain", WEAK_WIFI, "RESTART_IPHONE"}),
                Arguments.of(fleet, new String[] {"batch"}),
                Arguments.of(fleet, new String[] {"report"}),
                Arguments.of(fleet, new String[] {"report", "--format", "json"}),
                Arguments.of(fleet, new String[] {"report", "--format", "html"}),
                Arguments.of("", new String[] {"import", "--from", "mdm", ImportCommandTest.MDM_EXAMPLES.toString()}),
                Arguments.of("", new String[] {"import", "--from", "jamf", ImportCommandTest.JAMF_EXAMPLE.toString()}),
                Arguments.of("no\n".repeat(40), new String[] {"consult", "examples/snapshots/icloud-full-app-backups.json"}),
                Arguments.of("", new String[] {"--help"}));
    }

    private static Run run(String stdin, OutputStream stdout, String... args) {
        return Run.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout, args);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aWriteThatFailsEndsTheCommandWithOneLineAndStatusOne(String stdin, String[] args) {
        assertThat(run(stdin, new FailingAfter(10, "No space left on device"), args)).isEqualTo(new Run(1, "", FULL));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aReaderThatWentAwayEndsTheCommandQuietly(String stdin, String[] args) {
        assertThat(run(stdin, new FailingAfter(10, "Broken pipe"), args)).isEqualTo(new Run(0, "", ""));
    }

    @Test
    void windowsWordsForAClosedPipeEndTheCommandQuietlyToo() {
        assertThat(run("", new FailingAfter(10, "The pipe is being closed"), "diagnose", WEAK_WIFI)).isEqualTo(new Run(0, "", ""));
        assertThat(run("", new FailingAfter(10, "The pipe has been ended"), "diagnose", WEAK_WIFI)).isEqualTo(new Run(0, "", ""));
    }

    @Test
    void aWriteThatFailsWithoutAReasonStillSaysWhat() {
        assertThat(run("", new FailingAfter(10, null), "diagnose", WEAK_WIFI))
                .isEqualTo(new Run(1, "", "standard output: cannot write: IOException; the output is incomplete\n"));
    }

    @Test
    void aBatchStopsReadingWhenAWriteFails() throws IOException {
        CountingInput stdin = new CountingInput(Files.newInputStream(Path.of(FLEET)));
        FailingAfter stdout = new FailingAfter(100_000, "No space left on device");

        Run run = Run.of(stdin, stdout, "batch", "-");

        assertThat(run).isEqualTo(new Run(1, "", FULL));
        assertThat(stdin.read).as("stopped reading").isLessThan(Files.size(Path.of(FLEET)));
        assertThat(stdout.tried).as("no write tried after the one that failed").isEqualTo(1);
    }
}
