package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.json.SnapshotWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What a consultation saves, a later one reads back: writing a snapshot and reading it loses nothing. */
class SnapshotRoundTripProperties {

    private static final SnapshotReader READER = new SnapshotReader();
    private static final SnapshotWriter WRITER = new SnapshotWriter();

    @Provide
    Arbitrary<DeviceSnapshot> snapshots() {
        return SnapshotArbitraries.snapshots();
    }

    @Property(tries = 1000)
    void aWrittenSnapshotReadsBackEqual(@ForAll("snapshots") DeviceSnapshot snapshot) {
        assertThat(READER.read(WRITER.toJson(snapshot))).isEqualTo(snapshot);
    }
}
