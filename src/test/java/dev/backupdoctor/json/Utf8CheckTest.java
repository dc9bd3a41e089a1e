package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 check finds the same first malformed position as Java's own decoder. */
class Utf8CheckTest {

    /** Bytes that make up most of the edge cases: ASCII, continuations, every kind of lead byte, the boundary leads. */
    private static final int[] INTERESTING = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(20261126);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(9)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)]);
            }
            int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertThat(SnapshotReader.firstInvalidUtf8(bytes, offset, bytes.length - offset))
                    .as("%s from %d", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes), offset)
                    .isEqualTo(jdkFirstInvalid(bytes, offset, bytes.length - offset));
        }
    }

    @Test
    void acceptsEveryWellFormedCharacter() {
        StringBuilder all = new StringBuilder();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                all.appendCodePoint(codePoint);
            }
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(SnapshotReader.firstInvalidUtf8(bytes, 0, bytes.length)).isEqualTo(-1);
    }

    private static int jdkFirstInvalid(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(1, length));
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() - offset : -1;
    }
}
