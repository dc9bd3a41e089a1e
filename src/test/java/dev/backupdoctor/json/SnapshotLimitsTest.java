package dev.backupdoctor.json;

import static dev.backupdoctor.json.SnapshotReader.MAX_APP_BACKUPS;
import static dev.backupdoctor.json.SnapshotReader.MAX_DEVICE_BACKUPS;
import static dev.backupdoctor.json.SnapshotReader.MAX_NESTING_DEPTH;
import static dev.backupdoctor.json.SnapshotReader.MAX_NUMBER_CHARS;
import static dev.backupdoctor.json.SnapshotReader.MAX_STRING_CHARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.schema.Schema;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
                .hasMessage("$.device.model: string too long: 65537 characters, the limit is 65536");
    }

    @Test
    void aFieldNameUpToTheLimitIsReadAndReportedShortened() {
        String name = "n".repeat(MAX_STRING_CHARS);

        assertThatThrownBy(() -> reader.read("{\"wifi\": {\"" + name + "\": 1}}"))
                .hasMessage("$.wifi[\"" + "n".repeat(60) + "\"...]: unknown field (known fields: " + String.join(", ",
                        Schema.fieldsOf(WifiStatus.class).stream().map(Schema.Field::name).toList()) + ")");
    }

    @Test
    void aFieldNameOneOverTheLimitIsRejected() {
        assertThatThrownBy(() -> reader.read("{\"wifi\": {\"enabled\": true, \"" + "n".repeat(MAX_STRING_CHARS + 1) + "\": 1}}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.wifi: field name too long: 65537 characters, the limit is 65536");
    }

    @Test
    void nestingUpToTheLimitIsParsedAndJudgedOnItsTypes() {
        // The snapshot object is level 1, so MAX - 1 arrays inside it reach the limit exactly.
        String deep = "{\"device\": " + "[".repeat(MAX_NESTING_DEPTH - 1) + "]".repeat(MAX_NESTING_DEPTH - 1) + "}";

        assertThatThrownBy(() -> reader.read(deep)).hasMessage("$.device: must be an object or null, was an array");
    }

    @Test
    void nestingOneOverTheLimitIsRejectedAtTheFirstMisplacedBracket() {
        // Binding reads no deeper than the first bracket where no array belongs; the parser's nesting limit stays
        // as a second line of defence.
        String deep = "{\"device\": " + "[".repeat(MAX_NESTING_DEPTH) + "]".repeat(MAX_NESTING_DEPTH) + "}";

        assertThatThrownBy(() -> reader.read(deep)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.device: must be an object or null, was an array");
    }

    @Test
    void numbersUpToTheLimitAreParsedAndJudgedOnTheirRange() {
        String number = "1" + "0".repeat(MAX_NUMBER_CHARS - 1);

        assertThatThrownBy(() -> reader.read("{\"storage\": {\"totalBytes\": " + number + "}}"))
                .hasMessage("$.storage.totalBytes: must be at most 9007199254740991, was " + number.substring(0, 60) + "...");
    }

    @Test
    void aNumberOneOverTheLimitIsRejectedWhereItIs() {
        String number = "1" + "0".repeat(MAX_NUMBER_CHARS);

        assertThatThrownBy(() -> reader.read("{\"storage\": {\"totalBytes\": " + number + "}}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.storage.totalBytes: number too long: 65 characters, the limit is 64");
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

    @Test
    void deviceBackupsUpToTheLimitAreRead() {
        assertThat(reader.read(deviceBackups(MAX_DEVICE_BACKUPS)).storage().otherDeviceBackups()).hasSize(MAX_DEVICE_BACKUPS);
    }

    @Test
    void oneDeviceBackupOverTheLimitIsRejected() {
        assertThatThrownBy(() -> reader.read(deviceBackups(MAX_DEVICE_BACKUPS + 1)))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.storage.otherDeviceBackups: too many device backups: 1001, the limit is 1000");
    }

    @Test
    void byteCountsUpTo2To53Minus1AreRead() {
        assertThat(StorageStatus.MAX_BYTES).isEqualTo(9_007_199_254_740_991L);
        String max = "9007199254740991";

        DeviceSnapshot snapshot = reader.read("{\"storage\": {\"totalBytes\": " + max + ", \"usedBytes\": " + max
                + ", \"nextBackupBytes\": " + max + ", \"appBackups\": [{\"app\": \"Notes\", \"bytes\": " + max + "}], "
                + "\"otherDeviceBackups\": [{\"device\": \"Old iPad\", \"bytes\": " + max + "}]}}");

        StorageStatus storage = snapshot.storage();
        assertThat(List.of(storage.totalBytes(), storage.usedBytes(), storage.nextBackupBytes(),
                storage.appBackups().get(0).bytes(), storage.otherDeviceBackups().get(0).bytes())).containsOnly(StorageStatus.MAX_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"totalBytes", "usedBytes", "nextBackupBytes", "appBackups[0].bytes", "otherDeviceBackups[0].bytes"})
    void aByteCountOnePast2To53Minus1IsRejectedWhereItIs(String path) {
        String onePast = "9007199254740992";
        String storage = switch (path) {
            case "appBackups[0].bytes" -> "\"appBackups\": [{\"app\": \"Notes\", \"bytes\": " + onePast + "}]";
            case "otherDeviceBackups[0].bytes" -> "\"otherDeviceBackups\": [{\"device\": \"Old iPad\", \"bytes\": " + onePast + "}]";
            default -> "\"" + path + "\": " + onePast;
        };

        assertThatThrownBy(() -> reader.read("{\"storage\": {" + storage + "}}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.storage." + path + ": must be at most 9007199254740991, was 9007199254740992");
    }

    private static String model(String model) {
        return "{\"device\": {\"model\": \"" + model + "\"}}";
    }

    private static String deviceBackups(int count) {
        return "{\"storage\": {\"otherDeviceBackups\": ["
                + String.join(",", Collections.nCopies(count, "{\"device\": \"Old iPad\", \"bytes\": 1}")) + "]}}";
    }

    private static String appBackups(int count) {
        return "{\"storage\": {\"appBackups\": ["
                + String.join(",", Collections.nCopies(count, "{\"app\": \"Notes\", \"bytes\": 1}")) + "]}}";
    }
}
