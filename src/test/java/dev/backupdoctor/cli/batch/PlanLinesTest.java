package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@code batch}'s output on Ctrl-C or SIGTERM: it ends with a whole line. */
class PlanLinesTest {

    @Test
    void finishingTheOutputWaitsForTheChunkBeingWrittenAndLetsNoMoreThrough() throws Exception {
        String chunk = "{\"line\":1}\n".repeat(20_000);
        Gate gate = new Gate(1000);
        PlanLines.Output output = new PlanLines.Output(gate);

        Thread writer = new Thread(() -> output.write(bytes(chunk)));
        writer.start();
        gate.reached.await();
        Thread finisher = new Thread(output::finish);
        finisher.start();
        while (finisher.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        gate.open.countDown();
        writer.join();
        finisher.join();

        assertThat(gate.written.toString(StandardCharsets.UTF_8)).isEqualTo(chunk);
        assertThat(output.write(bytes("{\"line\":2}\n"))).isFalse();
    }

    private static PlanLines.Bytes bytes(String text) {
        PlanLines.Bytes bytes = new PlanLines.Bytes(16);
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return bytes;
    }

    /** Takes {@code before} bytes, then holds the writer until opened, as a slow reader of a pipe does. */
    private static final class Gate extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final int before;

        Gate(int before) {
            this.before = before;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written.size() + len > before && reached.getCount() > 0) {
                reached.countDown();
                try {
                    open.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            written.write(b, off, len);
        }
    }
}
