package dev.backupdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.SnapshotArbitraries;
import dev.backupdoctor.facts.DeviceSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a valid snapshot says, the doctor's plan comes in the engine's plan order. */
class PlanOrderProperties {

    private static final BackupDoctor DOCTOR = BackupDoctor.create();

    @Provide
    Arbitrary<DeviceSnapshot> snapshots() {
        return SnapshotArbitraries.snapshots();
    }

    @Property(tries = 2000)
    void planIsInPlanOrder(@ForAll("snapshots") DeviceSnapshot snapshot) {
        assertThat(DOCTOR.diagnose(snapshot).actions()).isSortedAccordingTo(Knowledge.PLAN_ORDER);
    }
}
