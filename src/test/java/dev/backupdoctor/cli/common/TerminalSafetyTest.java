package dev.backupdoctor.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's strings reach the support person's terminal: escape sequences, BEL and bidi
 * overrides in them are shown escaped in every text output, and stay exact in JSON.
 */
class TerminalSafetyTest {

    /** Sets the window title, rings the bell, clears the screen, then writes right to left. */
    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u202eppAstahW";
    private static final String SHOWN = "\\u001B]0;pwned\\u0007\\u001B[2J\\u202EppAstahW";

    @TempDir
    Path temp;

    private Path snapshot() throws IOException {
        String json = Files.readString(Path.of("examples/snapshots/icloud-full-app-backups.json"))
                .replace("\"WhatsApp\"", new ObjectMapper().writeValueAsString(HOSTILE));
        return Files.writeString(temp.resolve("hostile.json"), json);
    }

    private static void assertHarmless(String text) {
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    }

    @Test
    void theTextPlanShowsControlCharactersAndBidiOverridesEscaped() throws IOException {
        Run run = Run.of("", "diagnose", snapshot().toString(), "--explain");

        assertThat(run.status()).isZero();
        assertHarmless(run.out());
        assertThat(run.out()).contains("Turn off " + SHOWN + " and tap Turn Off & Delete");
    }

    @Test
    void theJsonPlanKeepsTheStringExact() throws IOException {
        Run run = Run.of("", "diagnose", snapshot().toString(), "--format", "json");

        JsonNode instructions = new ObjectMapper().readTree(run.out()).get("actions").get(0).get("instructions");
        assertThat(instructions.toString()).contains("\\u001B]0;pwned\\u0007\\u001B[2J");
        assertThat(instructions).anySatisfy(line -> assertThat(line.asText()).contains(HOSTILE));
    }

    @Test
    void consultShowsTheWalkThroughEscaped() throws IOException {
        Run run = Run.of("skip\n".repeat(7) + "done\n", "consult", snapshot().toString());

        assertThat(run.status()).isZero();
        assertHarmless(run.out());
        assertThat(run.out()).contains("Turn off " + SHOWN + " and tap Turn Off & Delete");
    }

    @Test
    void explainShowsTheFactsItQuotesEscaped() throws IOException {
        String json = Files.readString(Path.of("examples/snapshots/old-ipad-backup-fills-icloud.json"))
                .replace("\"Old iPad\"", new ObjectMapper().writeValueAsString(HOSTILE));
        Path snapshot = Files.writeString(temp.resolve("old-ipad.json"), json);

        Run run = Run.of("", "explain", snapshot.toString(), "DELETE_OLD_DEVICE_BACKUPS");

        assertHarmless(run.out());
        assertThat(run.out()).contains("storage.oldBackupsToDelete = [DeviceBackup[device=" + SHOWN + ", bytes=2100000000]]");
    }

    @Test
    void anErrorMessageQuotingTheInputShowsItEscaped() {
        Run run = Run.of("{\"power\": {\"cable\": \"\\u001b[2J\u202e\"}}", "diagnose");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("$.power.cable: must be one of APPLE, THIRD_PARTY, UNKNOWN, was \"\\u001B[2J\\u202E\"\n");
    }

    @Test
    void anArgumentEchoedInAnErrorIsShownEscapedAndCut() throws IOException {
        Run escaped = Run.of("", "explain", snapshot().toString(), "\u001b[2J");
        assertThat(escaped.err()).isEqualTo("ACTION_ID must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"\\u001B[2J\"\n");

        Run long_ = Run.of("", "explain", snapshot().toString(), "A".repeat(100_000));
        assertThat(long_.status()).isEqualTo(2);
        assertThat(long_.err()).isEqualTo("ACTION_ID must be at most 100 characters, was \"" + "A".repeat(60)
                + "…\" (100,000 characters)\n");

        Run badId = Run.of("", "explain", snapshot().toString(), "a".repeat(100_000));
        assertThat(badId.err()).isEqualTo("ACTION_ID must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \""
                + "a".repeat(60) + "…\"\n");
    }

    @Test
    void aFileNameOrAnUnknownOptionEchoedInAnErrorIsCut() {
        Run missing = Run.of("", "diagnose", "f".repeat(100_000));
        assertThat(missing).isEqualTo(new Run(2, "", "f".repeat(60) + "…: no such file\n"));

        Run unknown = Run.of("", "diagnose", "--" + "x".repeat(100_000));
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option: '--xxx").endsWith("… (see 'Main diagnose --help')\n")
                .hasSizeLessThan(400);
    }

    @Test
    void ordinaryTextPassesUnchangedEmojiSequencesAndRightToLeftScriptsIncluded() {
        String names = "Anna\u2019s \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 iPhone, \u05D0\u05D1\u05D2, caf\u00E9";

        assertThat(Printable.of(names)).isSameAs(names);
        assertThat(Printable.of("a\tb\nc\u2028d\u0085e")).isEqualTo("a\\u0009b\\u000Ac\\u2028d\\u0085e");
    }
}
