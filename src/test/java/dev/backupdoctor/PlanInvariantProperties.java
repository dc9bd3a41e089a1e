package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.engine.Knowledge;
import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.ServiceState;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a valid snapshot says, the plan keeps its documented invariants. */
class PlanInvariantProperties {

    @Provide
    Arbitrary<DeviceSnapshot> snapshots() {
        return SnapshotArbitraries.snapshots();
    }

    @Property(tries = 2000)
    void planIsInPlanOrderWithOneActionPerId(@ForAll("snapshots") DeviceSnapshot snapshot) {
        List<Action> actions = Snapshots.doctor().diagnose(snapshot).actions();
        assertThat(actions).isSortedAccordingTo(Knowledge.PLAN_ORDER);
        assertThat(actions).extracting(Action::id).doesNotHaveDuplicates();
        assertThat(actions).allSatisfy(action -> {
            assertThat(action.rule()).isNotBlank();
            assertThat(action.instructions()).isNotEmpty();
            assertThat(action.step() == null || (action.step() >= 1 && action.step() <= 9)).isTrue();
        });
    }

    @Property(tries = 2000)
    void healthyExactlyWhenThereIsNoFixAndNoCheck(@ForAll("snapshots") DeviceSnapshot snapshot) {
        Diagnosis diagnosis = Snapshots.doctor().diagnose(snapshot);
        assertThat(diagnosis.healthy()).isEqualTo(diagnosis.actions().stream().allMatch(a -> a.kind() == Kind.TRY));
    }

    @Property(tries = 2000)
    void triedRemediesAreNeverSuggestedAgainButFixesStay(@ForAll("snapshots") DeviceSnapshot snapshot) {
        List<Action> actions = Snapshots.doctor().diagnose(snapshot).actions();
        assertThat(actions).filteredOn(a -> a.kind() == Kind.TRY)
                .extracting(Action::id).noneMatch(snapshot.tried()::contains);
        DeviceSnapshot nothingTried = new DeviceSnapshot(snapshot.id(), snapshot.device(), snapshot.icloud(), snapshot.restrictions(), snapshot.wifi(),
                snapshot.power(), snapshot.storage(), snapshot.service(), List.of());
        List<Action> untried = Snapshots.doctor().diagnose(nothingTried).actions();
        assertThat(actions).filteredOn(a -> a.kind() != Kind.TRY)
                .isEqualTo(untried.stream().filter(a -> a.kind() != Kind.TRY).toList());
    }

    @Property(tries = 2000)
    void duringAnOutageOnlyTheComputerBackupIsWorthTrying(@ForAll("snapshots") DeviceSnapshot snapshot) {
        List<Action> actions = Snapshots.doctor().diagnose(snapshot).actions();
        List<String> remedies = actions.stream().filter(a -> a.kind() == Kind.TRY).map(Action::id).toList();
        if (snapshot.service().icloudBackup() == ServiceState.OUTAGE) {
            assertThat(remedies).isEqualTo(snapshot.tried().contains("BACK_UP_WITH_COMPUTER")
                    ? List.of() : List.of("BACK_UP_WITH_COMPUTER"));
            assertThat(actions).extracting(Action::id).contains("WAIT_FOR_ICLOUD_SERVICE");
        } else {
            boolean otherRemediesLeft = remedies.stream().anyMatch(id -> !id.equals("BACK_UP_WITH_COMPUTER"));
            assertThat(remedies.contains("BACK_UP_WITH_COMPUTER"))
                    .isEqualTo(!otherRemediesLeft && !snapshot.tried().contains("BACK_UP_WITH_COMPUTER"));
        }
    }
}
