package dev.backupdoctor.json;

import static dev.backupdoctor.json.SnapshotReader.MAX_APP_BACKUPS;
import static dev.backupdoctor.json.SnapshotReader.MAX_NESTING_DEPTH;
import static dev.backupdoctor.json.SnapshotReader.MAX_NUMBER_CHARS;
import static dev.backupdoctor.json.SnapshotReader.MAX_STRING_CHARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Each of the reader's limits, exactly at the limit and one past it. At the limit the input gets
 * past the limit (a valid snapshot is read; an invalid one is rejected for what it says, not for its
 * size); one past, the message names where and the limit.
 */
class SnapshotLimitsTest {

    private final SnapshotReader reader = new SnapshotReader();

    @Test
    void stringsUpToTheLimitAreRead() {
        String model = "x".repeat(MAX_STRING_CHARS);

        assertThat(reader.read(model(model)).device().model()).isEqualTo(model);
    }

    @Test
    void aStringOneOverTheLimitIsRejectedWhereItIs() {
        assertThatThrownBy(() -> reader.read(model("x".repeat(MAX_STRING_CHARS + 1))))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.device.model: too large: String value length (65537) exceeds the maximum allowed (65536)");
    }

    @Test
    void aFieldNameUpToTheLimitIsReadAndReportedShortened() {
        String name = "n".repeat(MAX_STRING_CHARS);

        assertThatThrownBy(() -> reader.read("{\"wifi\": {\"" + name + "\": 1}}"))
                .hasMessage("$.wifi[\"" + "n".repeat(60) + "\"...]: unknown field (known fields: enabled, connected, signalBars)");
    }

    @Test
    void aFieldNameOneOverTheLimitIsRejected() {
        assertThatThrownBy(() -> reader.read("{\"wifi\": {\"enabled\": true, \"" + "n".repeat(MAX_STRING_CHARS + 1) + "\": 1}}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.wifi: too large: Name length (65537) exceeds the maximum allowed (65536)");
    }

    @Test
    void nestingUpToTheLimitIsParsedAndJudgedOnItsTypes() {
        // The snapshot object is level 1, so MAX - 1 arrays inside it reach the limit exactly.
        String deep = "{\"device\": " + "[".repeat(MAX_NESTING_DEPTH - 1) + "]".repeat(MAX_NESTING_DEPTH - 1) + "}";

        assertThatThrownBy(() -> reader.read(deep)).hasMessage("$.device: must be an object or null, was an array");
    }

    @Test
    void nestingOneOverTheLimitIsRejectedWhereItIs() {
        String deep = "{\"device\": " + "[".repeat(MAX_NESTING_DEPTH) + "]".repeat(MAX_NESTING_DEPTH) + "}";

        assertThatThrownBy(() -> reader.read(deep)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.device" + "[0]".repeat(MAX_NESTING_DEPTH)
                        + ": too large: Document nesting depth (17) exceeds the maximum allowed (16)");
    }

    @Test
    void numbersUpToTheLimitAreParsedAndJudgedOnTheirRange() {
        String number = "1" + "0".repeat(MAX_NUMBER_CHARS - 1);

        assertThatThrownBy(() -> reader.read("{\"storage\": {\"totalBytes\": " + number + "}}"))
                .hasMessage("$.storage.totalBytes: must be a whole number of at least 0, was " + number.substring(0, 60) + "...");
    }

    @Test
    void aNumberOneOverTheLimitIsRejectedWhereItIs() {
        String number = "1" + "0".repeat(MAX_NUMBER_CHARS);

        assertThatThrownBy(() -> reader.read("{\"storage\": {\"totalBytes\": " + number + "}}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.storage.totalBytes: too large: Number value length (65) exceeds the maximum allowed (64)");
    }

    @Test
    void appBackupsUpToTheLimitAreRead() {
        assertThat(reader.read(appBackups(MAX_APP_BACKUPS)).storage().appBackups()).hasSize(MAX_APP_BACKUPS);
    }

    @Test
    void oneAppBackupOverTheLimitIsRejected() {
        assertThatThrownBy(() -> reader.read(appBackups(MAX_APP_BACKUPS + 1)))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.storage.appBackups: too many app backups: 1001, the limit is 1000");
    }

    private static String model(String model) {
        return "{\"device\": {\"model\": \"" + model + "\"}}";
    }

    private static String appBackups(int count) {
        return "{\"storage\": {\"appBackups\": ["
                + String.join(",", Collections.nCopies(count, "{\"app\": \"Notes\", \"bytes\": 1}")) + "]}}";
    }
}
