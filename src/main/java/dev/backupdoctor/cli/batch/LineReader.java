package dev.backupdoctor.cli.batch;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than {@code maxBytes} + 1 bytes of one
 * line: a longer line is skipped to its end and reported by size only, so one huge line can't
 * exhaust memory. Counts every line, blank ones included, so numbers match the input's.
 */
public final class LineReader {

    /** One non-blank line: its 1-based number and bytes (without the line break), or only its size when too long. */
    public record Line(long number, byte[] bytes, long size) implements Batch.Entry {

        public boolean tooLong() {
            return bytes == null;
        }

        @Override
        public long heldBytes() {
            return tooLong() ? 0 : bytes.length;
        }

        @Override
        public DeviceSnapshot read(SnapshotReader reader) {
            if (tooLong()) {
                throw SnapshotReader.tooLarge(size);
            }
            return reader.read(bytes);
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineSize;

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next non-blank line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        while (true) {
            Line next = nextLine();
            if (next == null || next.tooLong() || !blank(next.bytes())) {
                return next;
            }
        }
    }

    /** The next line, blank or not, or {@code null} at the end of the input. */
    public Line nextLine() throws IOException {
        lineLength = 0;
        lineSize = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return lineSize == 0 ? null : finish();
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            append(position, end - position);
            position = end;
            if (end < limit) {
                position++;
                return finish();
            }
        }
    }

    /** Keeps bytes up to one over the limit (room for a trailing CR) and only counts the rest. */
    private void append(int from, int count) {
        lineSize += count;
        int keep = (int) Math.min(count, Math.max(0, maxBytes + 1L - lineLength));
        if (keep > 0) {
            if (lineLength + keep > line.length) {
                line = Arrays.copyOf(line, Math.max(lineLength + keep, Math.min(line.length * 2, maxBytes + 1)));
            }
            System.arraycopy(buffer, from, line, lineLength, keep);
            lineLength += keep;
        }
    }

    private Line finish() {
        lineNumber++;
        long size = lineSize;
        int length = lineLength;
        if (length > 0 && size == length && line[length - 1] == '\r') {
            size--;
            length--;
        }
        if (size > maxBytes) {
            return new Line(lineNumber, null, size);
        }
        return new Line(lineNumber, Arrays.copyOf(line, length), size);
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
