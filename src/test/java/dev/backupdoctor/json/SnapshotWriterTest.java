package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotWriterTest {

    private final SnapshotReader reader = new SnapshotReader();
    private final SnapshotWriter writer = new SnapshotWriter();

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples/snapshots")).filter(file -> file.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleReadsBackEqual(Path example) throws IOException {
        DeviceSnapshot snapshot = reader.read(Files.readAllBytes(example));

        assertThat(reader.read(writer.toJson(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void onlyWhatIsKnownIsWrittenInTheSchemasOrder() {
        DeviceSnapshot snapshot = DeviceSnapshot.unknown()
                .with(new WifiStatus(Answer.YES, Answer.UNKNOWN, 2))
                .with(new PowerState(Answer.UNKNOWN, Answer.UNKNOWN, null))
                .with(StorageStatus.UNKNOWN.withTotalBytes(5_000_000_000L).withAppBackups(List.of(new AppBackup("Notes", 0))))
                .withTried("RESTART_IPHONE");

        assertThat(writer.toJson(snapshot)).isEqualTo("""
                {
                  "wifi" : {
                    "enabled" : true,
                    "signalBars" : 2
                  },
                  "storage" : {
                    "totalBytes" : 5000000000,
                    "appBackups" : [ {
                      "app" : "Notes",
                      "bytes" : 0
                    } ]
                  },
                  "tried" : [ "RESTART_IPHONE" ]
                }
                """);
        assertThat(writer.toJson(DeviceSnapshot.unknown())).isEqualTo("{ }\n");
    }

    @Test
    void anEmptyListIsKnownAndAnUnpairedSurrogateReadsBackTheSame() {
        DeviceSnapshot snapshot = reader.read("""
                {"device": {"model": "iPhone \\ud800 é 😀"}, "storage": {"otherDeviceBackups": []}}
                """);

        String json = writer.toJson(snapshot);

        assertThat(json).contains("\"otherDeviceBackups\" : [ ]").contains("\"iPhone \\ud800 é \\ud83d\\ude00\"");
        assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(snapshot);
    }
}
