package dev.backupdoctor.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Standard streams that fail or count, for the command line's tests. */
final class TestStreams {

    private TestStreams() {
    }

    /** Takes {@code limit} bytes, then throws with {@code reason} at every write, as a full disk or a closed pipe does. */
    static final class FailingAfter extends OutputStream {
        private final int limit;
        private final String reason;
        private int written;
        /** Writes tried once the limit was reached. */
        int tried;

        FailingAfter(int limit, String reason) {
            this.limit = limit;
            this.reason = reason;
        }

        /** Like a pipe whose reader has gone after {@code limit} bytes. */
        static FailingAfter closingAfter(int limit) {
            return new FailingAfter(limit, "Broken pipe");
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                tried++;
                throw new IOException(reason);
            }
            written += len;
        }
    }

    /** Counts the bytes read, to show a command stopped reading early. */
    static final class CountingInput extends FilterInputStream {
        long read;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
