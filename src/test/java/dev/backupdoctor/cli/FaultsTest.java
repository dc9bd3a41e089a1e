package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backupdoctor.cli.TestStreams.CountingInput;
import dev.backupdoctor.cli.TestStreams.FailingAfter;
import dev.backupdoctor.cli.batch.Batch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that can't be read, output that can't be written, input at and past the line limit. */
class FaultsTest {

    private static final String FLEET = "examples/snapshots/fleet.jsonl";

    @TempDir
    Path temp;

    private static Run run(InputStream stdin, OutputStream stdout, String... args) {
        return Run.of(stdin, stdout, args);
    }

    private static Run run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, args);
    }

    @Test
    void aMissingFileExitsTwoForBatchToo() {
        assertThat(run("", "batch", temp.resolve("nope.jsonl").toString()))
                .isEqualTo(new Run(2, "", temp.resolve("nope.jsonl") + ": no such file\n"));
    }

    @Test
    void aMissingRulesFolderExitsTwoForBatchToo() {
        assertThat(run("{}\n", "batch", "--rules", temp.resolve("no-rules").toString()))
                .isEqualTo(new Run(2, "", "--rules " + temp.resolve("no-rules") + ": no such folder\n"));
    }

    /** Root reads any file whatever its permissions, so this runs only for other users; see the next test. */
    @Test
    void aFileWithoutReadPermissionExitsTwo() throws IOException {
        Path locked = Files.writeString(temp.resolve("locked.json"), "{}\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: permissions don't stop reading");

        assertThat(run("", "diagnose", locked.toString())).isEqualTo(new Run(2, "", locked + ": cannot read: permission denied\n"));
        assertThat(run("", "batch", locked.toString())).isEqualTo(new Run(2, "", locked + ": cannot read: permission denied\n"));
    }

    /** Linux's /proc/self/mem exists but fails with an I/O error when read at offset 0, even for root. */
    @Test
    void aFileThatFailsWhenReadExitsTwo() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "needs Linux's /proc");

        assertThat(run("", "diagnose", mem.toString())).isEqualTo(new Run(2, "", mem + ": cannot read: Input/output error\n"));
        assertThat(run("", "batch", mem.toString())).isEqualTo(new Run(2, "", mem + ": cannot read: Input/output error\n"));
    }

    @Test
    void aFileThatIsNotARegularFileIsReadLikeAPipe() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "needs /dev/null");

        // Read, not reported missing: bash's <(...) gives such a path.
        assertThat(run("", "diagnose", devNull.toString())).isEqualTo(new Run(2, "", "$: no JSON found, expected an object\n"));
        assertThat(run("", "batch", devNull.toString())).isEqualTo(new Run(0, "", ""));
    }

    @Test
    void diagnoseIntoAPipeThatClosesEndsQuietly() {
        Run run = run(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), FailingAfter.closingAfter(100), "diagnose", "-");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void batchIntoAPipeThatClosesEndsQuietlyWithoutReadingTheRest() throws IOException {
        FailingAfter stdout = FailingAfter.closingAfter(100_000);
        CountingInput stdin = new CountingInput(Files.newInputStream(Path.of(FLEET)));

        Run run = run(stdin, stdout, "batch", "-");

        assertThat(run.status()).as("no error status though the fleet has invalid lines").isZero();
        assertThat(run.err()).isEmpty();
        assertThat(stdin.read).as("stopped reading").isLessThan(Files.size(Path.of(FLEET)));
    }

    @Test
    void aBatchLineOfExactlyTheLimitIsReadAndOneByteMoreIsRejected() {
        String snapshot = "{\"wifi\": {\"connected\": false}}";
        String atLimit = snapshot + " ".repeat(Batch.MAX_LINE_BYTES - snapshot.length());

        Run run = run(atLimit + "\n" + atLimit + " \n" + atLimit + "\r\n", "batch");

        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"line\":1,\"id\":null,\"healthy\":false,");
        assertThat(lines[1]).isEqualTo("{\"line\":2,\"error\":\"$: snapshot is 1048577 bytes, the limit is 1048576\"}");
        assertThat(lines[2]).as("a CRLF line break is not part of the line").startsWith("{\"line\":3,\"id\":null,\"healthy\":false,");
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void aTimeLimitOutOfRangeIsBadUsage() {
        String range = "Invalid value for option '--time-limit': must be a number of seconds from 0.001 to 86400, was ";
        assertThat(run("{}", "diagnose", "--time-limit", "0"))
                .isEqualTo(new Run(2, "", range + "'0' (see 'Main diagnose --help')\n"));
        assertThat(run("{}\n", "batch", "--time-limit", "1e9"))
                .isEqualTo(new Run(2, "", range + "'1e9' (see 'Main batch --help')\n"));
        assertThat(run("{}", "diagnose", "--time-limit", "soon"))
                .isEqualTo(new Run(2, "", range + "'soon' (see 'Main diagnose --help')\n"));
    }

    /** The watchdog checks at most once a millisecond; a shorter limit, or one read as no number, it can't keep. */
    @ParameterizedTest
    @ValueSource(strings = {"0.0001", "0.000999", "-1", "NaN", "Infinity", "1e400", "1e-400"})
    void aTimeLimitBelowAMillisecondOrNoNumberIsBadUsage(String seconds) {
        assertThat(run("{}", "explain", "-", "RESTART_IPHONE", "--time-limit", seconds))
                .isEqualTo(new Run(2, "", "Invalid value for option '--time-limit': must be a number of seconds from 0.001 to 86400,"
                        + " was '" + seconds + "' (see 'Main explain --help')\n"));
    }

    @Test
    void aTimeLimitOfAMillisecondOrADayIsTaken() {
        assertThat(run("{}", "diagnose", "--time-limit", "86400").status()).isZero();
        assertThat(new RulesOption.Seconds().convert("0.001")).isEqualTo(Duration.ofMillis(1));
        assertThat(new RulesOption.Seconds().convert("0.0015")).isEqualTo(Duration.ofNanos(1_500_000));
    }
}
