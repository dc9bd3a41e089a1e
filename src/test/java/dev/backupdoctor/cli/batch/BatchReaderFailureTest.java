package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.backupdoctor.cli.Run;
import dev.backupdoctor.cli.report.FleetTally;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the thread reading the input fails, even with an Error, the command ends and says so: it never waits forever. */
class BatchReaderFailureTest {

    private static final Duration LONGER_THAN_ANY_RUN = Duration.ofSeconds(60);

    @Test
    void anOutOfMemoryErrorWhileReadingEndsTheRun() {
        Batch batch = new Batch(Run.DOCTOR, 2, null, "record");

        assertTimeoutPreemptively(LONGER_THAN_ANY_RUN, () -> assertThatThrownBy(() -> batch.run(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new FleetTally().adding()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reading the input failed: java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void onTheCommandLineItIsAnUnexpectedErrorWithStatusOne() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                throw new OutOfMemoryError("Java heap space");
            }
        };

        Run run = assertTimeoutPreemptively(LONGER_THAN_ANY_RUN, () -> Run.of(failing, null, "report"));

        assertThat(run).isEqualTo(new Run(1, "", "unexpected error: java.lang.IllegalStateException: reading the input failed:"
                + " java.lang.OutOfMemoryError: Java heap space (set BACKUP_DOCTOR_DEBUG=1 for details)\n"));
    }
}
