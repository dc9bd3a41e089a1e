package dev.backupdoctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Action;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's comparison is only fair if the hand-written floor and the Easy Rules peer plan
 * exactly what Backup Doctor plans: same actions, same order, same text, same rule names.
 */
class FloorEquivalenceTest {

    static final int SNAPSHOTS = 100_000;
    /** The peer only needs to be shown equal, not to be the reference: fewer keeps the build quick. */
    static final int PEER_SNAPSHOTS = 20_000;

    private static final BackupDoctor DOCTOR = BackupDoctor.create();

    @Test
    void theFloorPlansWhatTheRulesPlanOnRandomSnapshots() {
        FloorPlanner floor = new FloorPlanner();
        Random random = new Random(20261123);
        Set<List<String>> distinctPlans = new HashSet<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            List<Action> expected = withoutEvidence(DOCTOR.diagnose(snapshot));
            assertThat(floor.diagnose(snapshot)).as("snapshot #%d: %s", i, snapshot).isEqualTo(expected);
            distinctPlans.add(expected.stream().map(a -> a.kind() + " " + a.id()).toList());
        }
        assertThat(distinctPlans).as("the snapshots should reach many different plans").hasSizeGreaterThan(1_000);
    }

    @Test
    void easyRulesPlansWhatTheRulesPlanOnRandomSnapshots() {
        EasyRulesPlanner easyRules = new EasyRulesPlanner();
        Random random = new Random(1123);
        for (int i = 0; i < PEER_SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            assertThat(easyRules.diagnose(snapshot)).as("snapshot #%d: %s", i, snapshot)
                    .isEqualTo(withoutEvidence(DOCTOR.diagnose(snapshot)));
        }
    }

    /** The floor and the peer don't name the facts behind each action: every other field must match. */
    static List<Action> withoutEvidence(Diagnosis diagnosis) {
        return diagnosis.actions().stream().map(a -> new Action(a.id(), a.kind(), a.step(), a.title(), a.instructions(),
                a.reason(), a.caution(), a.alternativeTo(), a.rule(), List.of())).toList();
    }
}
