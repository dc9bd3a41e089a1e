package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.cli.Run;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch loses no line: one output line per non-blank input line, in input order, each error
 * naming its line. Input and output are streamed, generated and checked on the fly, so that the
 * long variant (1,000,000 lines with {@code mvn verify -Plong}) needs no more memory than the default
 * (20,000 lines).
 */
class BatchAccountingTest {

    static final long LINES = Long.getLong("backupdoctor.batch.lines", 20_000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALID = List.of(
            "{\"icloud\":{\"backupEnabled\":false}}",
            "{\"device\":{\"model\":\"iPhone 8\",\"iosVersion\":\"17.1.2\",\"latestIosVersion\":\"17.1.2\",\"screenLocked\":true},"
                    + "\"icloud\":{\"signedIn\":true,\"backupEnabled\":true,\"verificationRequired\":false},"
                    + "\"wifi\":{\"enabled\":true,\"connected\":true,\"signalBars\":3},\"power\":{\"connected\":true,\"charging\":true},"
                    + "\"storage\":{\"totalBytes\":50,\"usedBytes\":10,\"nextBackupBytes\":5,\"appBackups\":[]},"
                    + "\"service\":{\"icloudBackup\":\"AVAILABLE\"},\"tried\":[\"RESTART_IPHONE\"]}",
            "{\"service\":{\"icloudBackup\":\"OUTAGE\"},\"wifi\":{\"connected\":false}}");

    /** What line {@code number} is: the same answer when generating and when checking. */
    private static int kind(long number) {
        long mixed = number * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return (int) Math.floorMod(mixed, 20L);
    }

    private static boolean blank(long number) {
        return kind(number) < 2;
    }

    /** The error line for an invalid line, or {@code null} for a valid one. */
    private static String invalid(long number) {
        int kind = kind(number);
        return kind >= 2 && kind < 2 + RandomSnapshots.INVALID.size() ? RandomSnapshots.INVALID.get(kind - 2)[1] : null;
    }

    private static String line(long number) {
        if (blank(number)) {
            return number % 2 == 0 ? "" : " \t";
        }
        String invalid = invalid(number);
        if (invalid != null) {
            return RandomSnapshots.INVALID.get(kind(number) - 2)[0];
        }
        return VALID.get((int) (number % VALID.size()));
    }

    @Test
    void everyNonBlankLineGetsExactlyOneOutputLineInOrder() {
        Checker checker = new Checker();

        Run run = Run.of(new Generator(), new PrintStream(checker, false, StandardCharsets.UTF_8), "batch");

        assertThat(checker.problem).isNull();
        assertThat(checker.partial.size()).as("no partial last line").isZero();
        long nonBlank = 0;
        long invalid = 0;
        long firstInvalid = 0;
        for (long number = 1; number <= LINES; number++) {
            nonBlank += blank(number) ? 0 : 1;
            invalid += invalid(number) != null ? 1 : 0;
            firstInvalid = firstInvalid == 0 && invalid(number) != null ? number : firstInvalid;
        }
        assertThat(checker.lines).isEqualTo(nonBlank);
        assertThat(checker.errors).isEqualTo(invalid).isPositive();
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(invalid + " of " + nonBlank + " lines were invalid; the first, line "
                + firstInvalid + ": " + invalid(firstInvalid) + System.lineSeparator());
    }

    @Test
    void aReportCountsEveryLineOnceThroughTheSamePipeline() throws Exception {
        Run run = Run.of(new Generator(), null, "report", "--format", "json");

        long nonBlank = 0;
        long invalid = 0;
        long[] valid = new long[VALID.size()];
        for (long number = 1; number <= LINES; number++) {
            nonBlank += blank(number) ? 0 : 1;
            invalid += invalid(number) != null ? 1 : 0;
            if (!blank(number) && invalid(number) == null) {
                valid[(int) (number % VALID.size())]++;
            }
        }
        var report = JSON.readTree(run.out());
        assertThat(run.status()).isEqualTo(2);
        assertThat(report.get("devices").asLong()).isEqualTo(nonBlank - invalid);
        assertThat(report.get("invalid").asLong()).isEqualTo(invalid);
        assertThat(report.get("healthy").asLong()).as("only the second kind of valid line is healthy").isEqualTo(valid[1]);
        assertThat(run.err()).startsWith(invalid + " of " + nonBlank + " lines were invalid;");
    }

    /** The input, line by line as it is read, some lines ending in CRLF. */
    private static final class Generator extends InputStream {
        private long number;
        private byte[] current = new byte[0];
        private int position;

        private boolean fill() {
            while (position == current.length) {
                if (number == LINES) {
                    return false;
                }
                number++;
                current = (line(number) + (number % 7 == 0 ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int count = 0;
            while (count < length && fill()) {
                int n = Math.min(length - count, current.length - position);
                System.arraycopy(current, position, buffer, offset + count, n);
                position += n;
                count += n;
            }
            return count == 0 ? -1 : count;
        }
    }

    /** Checks each output line as it is written against the input line it must answer. */
    private static final class Checker extends OutputStream {
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        long lines;
        long errors;
        String problem;
        private long expected;

        @Override
        public void write(int b) {
            if (b != '\n') {
                partial.write(b);
                return;
            }
            check(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    check(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, offset + length - start);
        }

        private void check(String line) {
            do {
                expected++;
            } while (expected <= LINES && blank(expected));
            lines++;
            String error = invalid(expected);
            String wanted = error == null ? "{\"line\":" + expected + ",\"id\":null,\"healthy\":"
                    : JSON.createObjectNode().put("line", expected).put("error", error).toString();
            boolean ok = error == null ? line.startsWith(wanted) && line.endsWith("}") : line.equals(wanted);
            errors += error == null ? 0 : 1;
            if (!ok && problem == null) {
                problem = "output line " + lines + " should answer input line " + expected + " (" + wanted + "...), was: "
                        + line.substring(0, Math.min(line.length(), 200));
            }
        }
    }
}
