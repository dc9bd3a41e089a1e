package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void numbersEveryLineButReturnsOnlyNonBlankOnes() throws IOException {
        assertThat(read("a\n\n  \nb\r\n\t\r\nc", 100)).containsExactly("1:a", "4:b", "6:c");
    }

    @Test
    void nextLineReturnsBlankLinesTooForAPromptToAnswer() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("\n  \r\nyes\n".getBytes(StandardCharsets.UTF_8)), 100);

        assertThat(new String(reader.nextLine().bytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(new String(reader.nextLine().bytes(), StandardCharsets.UTF_8)).isEqualTo("  ");
        assertThat(new String(reader.nextLine().bytes(), StandardCharsets.UTF_8)).isEqualTo("yes");
        assertThat(reader.nextLine()).isNull();
    }

    @Test
    void aFinalLineBreakAddsNoLine() throws IOException {
        assertThat(read("a\nb\n", 100)).containsExactly("1:a", "2:b");
        assertThat(read("", 100)).isEmpty();
    }

    @Test
    void reportsALineOverTheLimitBySizeOnly() throws IOException {
        String longLine = "x".repeat(300_000);

        assertThat(read("12345\n123456\n" + longLine + "\n1234\r\n", 5))
                .containsExactly("1:12345", "2:6 bytes", "3:300000 bytes", "4:1234");
    }

    private static List<String> read(String input, int maxBytes) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), maxBytes);
        List<String> lines = new ArrayList<>();
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line.number() + ":" + (line.tooLong()
                    ? line.size() + " bytes"
                    : new String(line.bytes(), StandardCharsets.UTF_8)));
        }
        return lines;
    }
}
