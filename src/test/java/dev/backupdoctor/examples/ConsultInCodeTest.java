package dev.backupdoctor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example still runs, and its scripted chat still ends the way its comments say. */
class ConsultInCodeTest {

    @Test
    void theBotsChatEndsWithTheActionThatFixedTheBackup() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            ConsultInCode.main(new String[0]);
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Person: I'm on the train\nBot:    Sorry, answer yes or no.\nPerson: no\n")
                .contains("Bot:    Either Connect to Wi-Fi (Open Settings.")
                .contains(", or Turn on Back Up Over Cellular (")
                .contains("\"backupOverCellular\" : true").doesNotContain("\"tried\"")
                .endsWith("Bot:    Glad that worked: \"Tap Back Up Now and read what it says\" fixed it.\n");
    }
}
