package dev.backupdoctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    /** A rule and its body; the ones that propose an action call {@code plan.add}. */
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end");

    @Test
    void theFloorPlansWhatTheRulesPlanOnRandomSnapshots() throws IOException {
        FloorPlanner floor = new FloorPlanner();
        Random random = new Random(20261123);
        Set<List<String>> distinctPlans = new HashSet<>();
        Set<String> rulesReached = new HashSet<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            List<Action> expected = withoutEvidence(DOCTOR.diagnose(snapshot));
            assertThat(floor.diagnose(snapshot)).as("snapshot #%d: %s", i, snapshot).isEqualTo(expected);
            distinctPlans.add(expected.stream().map(a -> a.kind() + " " + a.id()).toList());
            expected.forEach(action -> rulesReached.add(action.rule()));
        }
        assertThat(rulesReached).as("every built-in rule that proposes an action should be compared")
                .containsExactlyInAnyOrderElementsOf(proposingRules());
        // About 74,000 today: far fewer means the generator stopped varying some part of the snapshot.
        assertThat(distinctPlans).as("the snapshots should reach many different plans").hasSizeGreaterThan(50_000);
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

    private static Set<String> proposingRules() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".drl")).toList()) {
                Matcher rule = RULE.matcher(Files.readString(file));
                while (rule.find()) {
                    if (rule.group(2).contains("plan.add(")) {
                        names.add(rule.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** The floor and the peer don't name the facts behind each action: every other field must match. */
    static List<Action> withoutEvidence(Diagnosis diagnosis) {
        return diagnosis.actions().stream().map(a -> new Action(a.id(), a.kind(), a.step(), a.title(), a.instructions(),
                a.reason(), a.caution(), a.alternativeTo(), a.rule(), List.of())).toList();
    }
}
