package dev.backupdoctor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.TriedAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void theSectionsAreTheSnapshotsRecordComponentsInOrder() {
        assertThat(Schema.fieldsOf(DeviceSnapshot.class)).extracting(Schema.Field::name)
                .containsExactly("id", "device", "icloud", "restrictions", "wifi", "power", "storage", "service", "tried");
        assertThat(Schema.sectionOf(WifiStatus.class)).contains("wifi");
        assertThat(Schema.sectionOf(TriedAction.class)).isEmpty();
    }

    @Test
    void aFieldsKindAndRangeFollowFromItsComponent() {
        Schema.Field bars = Schema.field("wifi.signalBars").orElseThrow();
        assertThat(bars.kind()).isEqualTo(Schema.Kind.NUMBER);
        assertThat(List.of(bars.min(), bars.max())).containsExactly(0L, (long) WifiStatus.MAX_SIGNAL_BARS);
        assertThat(Schema.field("storage.usedBytes").orElseThrow().kind()).isEqualTo(Schema.Kind.BYTES);
        assertThat(Schema.field("storage.appBackups").orElseThrow().max()).isEqualTo(StorageStatus.MAX_BACKUPS);
        Schema.Field bytes = Schema.field("storage.appBackups.bytes").orElseThrow();
        assertThat(bytes.required()).isTrue();
        assertThat(Schema.field("power.cable").orElseThrow().choices()).containsExactly("APPLE", "THIRD_PARTY", "UNKNOWN");
        assertThat(Schema.entryName(DeviceBackup.class)).isEqualTo("device backup");
    }

    @Test
    void aFieldIsReadAndSetByItsPath() {
        Schema.Field bars = Schema.field("wifi.signalBars").orElseThrow();
        DeviceSnapshot snapshot = Schema.with(DeviceSnapshot.unknown(), bars, 2);

        assertThat(snapshot.wifi().signalBars()).isEqualTo(2);
        assertThat(Schema.get(snapshot, bars)).isEqualTo(2);
    }

    @Test
    void theAskedFieldsComeInTheOrderOfTheirSteps() {
        assertThat(Schema.asked()).extracting(field -> field.ask().step()).isSorted().doesNotHaveDuplicates();
        assertThat(Schema.asked()).extracting(Schema.Field::path).startsWith("icloud.backupMessage", "restrictions.backupAllowed",
                "icloud.backupEnabled");
    }

    @Test
    void theCommandLineDocsDescribeEveryField() throws IOException {
        String docs = Files.readString(Path.of("docs/command-line.md"));
        for (Schema.Field section : Schema.fieldsOf(DeviceSnapshot.class)) {
            List<Schema.Field> fields = section.kind() == Schema.Kind.SECTION ? Schema.fieldsOf(section.type()) : List.of(section);
            for (Schema.Field field : fields) {
                assertThat(docs).as(field.path()).contains("`" + field.path() + "`");
            }
        }
    }
}
