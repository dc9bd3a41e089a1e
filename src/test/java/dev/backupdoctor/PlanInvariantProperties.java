package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
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
    void eachIdIsPlannedOnceByANamedRuleWithInstructions(@ForAll("snapshots") DeviceSnapshot snapshot) {
        List<Action> actions = Snapshots.doctor().diagnose(snapshot).actions();
        assertThat(actions).extracting(Action::id).doesNotHaveDuplicates();
        assertThat(actions).allSatisfy(action -> {
            assertThat(action.rule()).isNotBlank();
            assertThat(action.instructions()).isNotEmpty();
            assertThat(action.step() == null || (action.step() >= 1 && action.step() <= 9)).isTrue();
        });
    }

    @Property(tries = 2000)
    void healthyExactlyWhenThereIsNoFixAndNoCheckAndTheBackupIsNotStale(@ForAll("snapshots") DeviceSnapshot snapshot) {
        Diagnosis diagnosis = Snapshots.doctor().diagnose(snapshot);
        assertThat(diagnosis.healthy()).isEqualTo(!snapshot.icloud().backupStale()
                && diagnosis.actions().stream().allMatch(a -> a.kind() == Kind.TRY));
    }

    @Property(tries = 2000)
    void aRecentBackupKeepsEveryFixItsEntrySaysStaysAndNothingElse(@ForAll("snapshots") DeviceSnapshot snapshot) {
        DeviceSnapshot recent = snapshot.with(snapshot.icloud().withLastBackupDaysAgo(1));
        DeviceSnapshot notRecent = snapshot.with(snapshot.icloud().withLastBackupDaysAgo(2));
        assertThat(Snapshots.doctor().diagnose(recent).actions()).isEqualTo(Snapshots.doctor().diagnose(notRecent).actions().stream()
                .filter(a -> a.kind() == Kind.FIX && !Remedy.byId(a.id()).outruledByRecentBackup(Kind.FIX)).toList());
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
    void duringAnOutageOnlyTheComputerBackupIsWorthTryingAndAStaleBackupAlwaysListsIt(@ForAll("snapshots") DeviceSnapshot snapshot) {
        List<Action> actions = Snapshots.doctor().diagnose(snapshot).actions();
        List<String> remedies = actions.stream().filter(a -> a.kind() == Kind.TRY).map(Action::id).toList();
        boolean computerBackupLeft = !snapshot.tried().contains("BACK_UP_WITH_COMPUTER");
        if (snapshot.icloud().backupRecent()) {
            assertThat(remedies).isEmpty();
        } else if (snapshot.service().icloudBackup() == ServiceState.OUTAGE) {
            assertThat(remedies).isEqualTo(computerBackupLeft ? List.of("BACK_UP_WITH_COMPUTER") : List.of());
            assertThat(actions).extracting(Action::id).contains("WAIT_FOR_ICLOUD_SERVICE");
        } else {
            boolean otherRemediesLeft = remedies.stream().anyMatch(id -> !id.equals("BACK_UP_WITH_COMPUTER"));
            assertThat(remedies.contains("BACK_UP_WITH_COMPUTER"))
                    .isEqualTo(computerBackupLeft && (snapshot.icloud().backupStale() || !otherRemediesLeft));
        }
    }
}
