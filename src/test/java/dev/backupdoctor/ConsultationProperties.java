package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.Consultation.End;
import dev.backupdoctor.Consultation.Ending;
import dev.backupdoctor.Consultation.Show;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the snapshot, a person who skips every question and answers "no" to every action
 * (taking one way or another of each choice) reaches the end of the plan: no action answered is
 * shown again, and each one the catalog knows leaves the plan, as the contract's table promises.
 */
class ConsultationProperties {

    @Provide
    Arbitrary<DeviceSnapshot> snapshots() {
        return SnapshotArbitraries.snapshots();
    }

    @Property(tries = 300)
    void answeringNoToEverythingWalksThePlanToItsEnd(@ForAll("snapshots") DeviceSnapshot snapshot) {
        Consultation consultation = Snapshots.doctor().consult(snapshot);
        Set<String> answered = new HashSet<>();
        int turns = 0;
        while (!(consultation.next() instanceof End end)) {
            assertThat(++turns).as("turns").isLessThan(200);
            if (!(consultation.next() instanceof Show show)) {
                consultation = consultation.skip();
                continue;
            }
            assertThat(show.ways()).extracting(Action::id).noneMatch(answered::contains);
            Action taken = show.ways().get(turns % show.ways().size());
            answered.add(taken.id());
            Consultation next = consultation.notFixed(taken.id());
            if (!staysWhenAnsweredNo(taken, consultation.snapshot())) {
                assertThat(next.diagnosis().actionIds()).as(taken.kind() + " " + taken.id()).doesNotContain(taken.id());
            }
            consultation = next;
        }
        assertThat(end.why()).isEqualTo(Ending.PLAN_DONE);
        assertThat(new SnapshotReader().read(new SnapshotWriter().toJson(consultation.snapshot())))
                .isEqualTo(consultation.snapshot());
    }

    /**
     * The table's rows that change nothing: FREE_UP as a CHECK, or as a FIX that names no app backup
     * (the list is unknown) or that Back Up Now's message made (the sizes are unknown). And facts that contradict each other: old devices' backups listed as
     * larger than all that is used free only what is used, which may leave iCloud short still.
     */
    private static boolean staysWhenAnsweredNo(Action action, DeviceSnapshot snapshot) {
        StorageStatus storage = snapshot.storage();
        return switch (action.id()) {
            // A FIX that Back Up Now's message made with the sizes unknown: they stay unknown, and so its CHECK comes.
            case "FREE_UP_ICLOUD_STORAGE" -> action.kind() == Kind.CHECK || storage.appBackups() == null
                    || storage.tooFull() == Answer.UNKNOWN;
            case "DELETE_OLD_DEVICE_BACKUPS" -> storage.usedBytes() != null
                    && storage.usedBytes() < storage.oldBackupsToDelete().stream().mapToLong(DeviceBackup::bytes).sum();
            default -> false;
        };
    }
}
