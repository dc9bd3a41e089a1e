package dev.backupdoctor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.CatalogEntry;
import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The mirrors of the catalog, {@link FloorPlanner}, {@link EasyRulesPlanner} and
 * {@code scripts/plans.py}, plan what the rules plan on random snapshots: the benchmarks'
 * comparisons are only fair if they do. {@code scripts/plans.py} runs with the {@code python3} on
 * the path; without one that comparison is skipped, saying so (the build needs only Java and Maven),
 * and CI's {@code .ci/run} installs Python 3 where it is missing, so the script is checked there. They are
 * pinned to {@link MirroredCatalog} on purpose, and compared with the rules' plan restricted to its
 * ids, so that a step added to the catalog doesn't have to be copied into them in the same change:
 * {@link #theMirrorsCoverTheCatalog} reports the ids and rules they lack as a skipped test saying
 * how to mirror them, and the comparisons still pass. What they do mirror can't change unnoticed:
 * an action of a mirrored id that the rules plan differently (another condition, tailoring or
 * text, another rule proposing it) fails, with a message that says what to copy where.
 *
 * <p>One mirrored action depends on the others: the last resort, {@code BACK_UP_WITH_COMPUTER} by
 * rule "Back up with a computer", is listed only when no other TRY is. A TRY the mirrors don't know
 * takes its place, and no mirror can tell when. So on a snapshot whose plan lists a TRY of an id
 * the mirrors lack, a mirror's last resort is left out of the comparison (the rules' plan has none
 * then); everywhere else it is compared like any action. {@link #aStepTheMirrorsLackLeavesThemPassing}
 * shows that this is enough.
 */
class MirrorsTest {

    static final int SNAPSHOTS = 100_000;
    /** The peer only needs to be shown equal, not to be the reference: fewer keeps the build quick. */
    static final int PEER_SNAPSHOTS = 20_000;
    /** Enough for the unmirrored step below to take the last resort's place several times. */
    static final int STEP_SNAPSHOTS = 5_000;
    /** About a second of Python. */
    static final int PLANS_PY_LINES = 5_000;
    static final String PLANS_PY = "scripts/plans.py";

    private static final BackupDoctor DOCTOR = BackupDoctor.create();
    /** A rule and its body; the ones that propose a catalog action name it with {@code @proposes}. */
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end");
    private static final String MIRRORS = "FloorPlanner, EasyRulesPlanner and " + PLANS_PY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFloorPlansWhatTheRulesPlanOnRandomSnapshots() {
        FloorPlanner floor = new FloorPlanner();
        Random random = new Random(20261123);
        Set<List<String>> distinctPlans = new HashSet<>();
        Set<String> rulesReached = new HashSet<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            List<Action> rules = withoutEvidence(DOCTOR.diagnose(snapshot));
            assertSame("snapshot", i, snapshot, difference("FloorPlanner", rules, floor.diagnose(snapshot)));
            distinctPlans.add(rules.stream().map(a -> a.kind() + " " + a.id()).toList());
            rules.forEach(action -> rulesReached.add(action.rule()));
        }
        assertThat(MirroredCatalog.RULES).as("mirrored rules the random snapshots never reach, so never compare: "
                + "make RandomSnapshots reach them").allMatch(rulesReached::contains);
        // About 70,000 today: far fewer means the generator stopped varying some part of the snapshot.
        assertThat(distinctPlans).as("the snapshots should reach many different plans").hasSizeGreaterThan(50_000);
    }

    @Test
    void theEasyRulesPeerPlansWhatTheRulesPlanOnRandomSnapshots() {
        EasyRulesPlanner easyRules = new EasyRulesPlanner();
        Random random = new Random(1123);
        for (int i = 0; i < PEER_SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            List<Action> rules = withoutEvidence(DOCTOR.diagnose(snapshot));
            assertSame("snapshot", i, snapshot, difference("EasyRulesPlanner", rules, easyRules.diagnose(snapshot)));
        }
    }

    /**
     * The Python mirror on a generated fleet: the same actions, by the same rules, in the same
     * order, with their steps and alternatives (it writes no wording), the snapshot's id, and an
     * error for each invalid line.
     */
    @Test
    void plansPyDecidesWhatTheRulesDecideOnAGeneratedFleet(@TempDir Path temp) throws IOException, InterruptedException {
        Path fleet = temp.resolve("fleet.jsonl");
        try (Writer out = Files.newBufferedWriter(fleet)) {
            RandomSnapshots.writeFleet(out, PLANS_PY_LINES, 2511);
        }
        List<String> input = Files.readAllLines(fleet);

        List<String> output = plansPy(fleet, temp);

        assertThat(output).as("one line out for each line in that isn't blank")
                .hasSize((int) input.stream().filter(line -> !line.isBlank()).count());
        SnapshotReader reader = new SnapshotReader();
        int errors = 0;
        for (String line : output) {
            JsonNode planned = JSON.readTree(line);
            int number = planned.get("line").asInt();
            DeviceSnapshot snapshot;
            try {
                snapshot = reader.read(input.get(number - 1));
            } catch (InvalidSnapshotException invalid) {
                assertThat(planned.has("error")).as("line %d is invalid (%s): %s", number, invalid.getMessage(), line).isTrue();
                errors++;
                continue;
            }
            assertThat(planned.has("error")).as("line %d is a valid snapshot: %s", number, line).isFalse();
            assertThat(planned.get("id").isNull() ? null : planned.get("id").asText()).as("line %d's id", number)
                    .isEqualTo(snapshot.id());
            List<Decided> decided = new ArrayList<>();
            for (JsonNode action : planned.get("actions")) {
                decided.add(new Decided(Kind.valueOf(action.get("kind").asText()), action.get("id").asText(),
                        action.get("step").isNull() ? null : action.get("step").asInt(),
                        action.get("alternativeTo").isNull() ? null : action.get("alternativeTo").asText(),
                        action.get("rule").asText(), null));
            }
            assertSame("line", number, snapshot, difference(PLANS_PY, withoutEvidence(DOCTOR.diagnose(snapshot)), decided,
                    Decided::withoutText, MirroredCatalog.IDS));
        }
        assertThat(errors).as("the fleet's invalid lines").isEqualTo(PLANS_PY_LINES / 500);
    }

    /** Its output lines; skips, saying why, when there is no Python 3 to run it; fails when it fails. */
    private static List<String> plansPy(Path fleet, Path temp) throws IOException, InterruptedException {
        Path out = temp.resolve("plans.jsonl");
        Path err = temp.resolve("stderr.txt");
        Process python;
        try {
            python = new ProcessBuilder("python3", PLANS_PY, fleet.toString()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
        } catch (IOException notFound) {
            throw new TestAbortedException("MirrorsTest runs " + PLANS_PY + ", the Python mirror of the catalog, with python3, "
                    + "which could not be started (" + notFound.getMessage() + "): install Python 3 to check it (the script needs "
                    + "its standard library only; on Debian, apt-get install python3)", notFound);
        }
        if (!python.waitFor(2, TimeUnit.MINUTES)) {
            python.destroyForcibly();
            fail("%s took more than 2 minutes on %d lines", PLANS_PY, PLANS_PY_LINES);
        }
        assertThat(python.exitValue()).as("%s's exit status (2: some lines were invalid); its standard error: %s", PLANS_PY,
                Files.readString(err)).isEqualTo(2);
        return Files.readAllLines(out);
    }

    /**
     * Mirrored ids and rules the catalog no longer has fail: the mirrors decide something the rules
     * don't. Ids and rules the mirrors lack only skip this test, with what to do, since the
     * comparisons leave them out.
     */
    @Test
    void theMirrorsCoverTheCatalog() throws IOException {
        Set<String> catalog = DOCTOR.catalog().stream().map(CatalogEntry::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> proposing = proposingRules();
        assertThat(without(MirroredCatalog.IDS, catalog)).as("ids MirroredCatalog lists that the catalog no longer has: "
                + "take their rows out of MirroredCatalog and their conditions out of " + MIRRORS).isEmpty();
        assertThat(without(MirroredCatalog.RULES, proposing)).as("rules MirroredCatalog lists that no longer propose an "
                + "action in rules/*.drl (renamed or gone): follow them in MirroredCatalog and " + MIRRORS).isEmpty();

        Set<String> newIds = without(catalog, MirroredCatalog.IDS);
        Set<String> newRules = without(proposing, MirroredCatalog.RULES);
        if (!newIds.isEmpty() || !newRules.isEmpty()) {
            String report = "MirrorsTest: the catalog has ids the mirrors don't: " + newIds + ", and rules: " + newRules
                    + ". The mirrors are compared with plans restricted to the ids they mirror, so they still pass; to mirror "
                    + "a step, copy its rules' conditions into " + MIRRORS + " and add its rows to MirroredCatalog.";
            // Surefire counts a skipped test but shows its reason only in its report files.
            System.err.println(report);
            Assumptions.abort(report);
        }
    }

    /**
     * A TRY the mirrors don't know leaves the comparison passing, also where it takes the last
     * resort's place. RESET_ALL_SETTINGS stands in for it: the pin without it, and the floor run as
     * if it had been tried, which is the floor without its condition (and so listing the last resort
     * where it was the only TRY).
     */
    @Test
    void aStepTheMirrorsLackLeavesThemPassing() {
        Set<String> pinned = without(MirroredCatalog.IDS, Set.of("RESET_ALL_SETTINGS"));
        FloorPlanner floor = new FloorPlanner();
        Random random = new Random(25);
        int tookTheLastResortsPlace = 0;
        for (int i = 0; i < STEP_SNAPSHOTS; i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            List<Action> rules = withoutEvidence(DOCTOR.diagnose(snapshot));
            List<Decided> unaware = floor.diagnose(snapshot.withTried("RESET_ALL_SETTINGS")).stream().map(Decided::of).toList();
            assertSame("snapshot", i, snapshot, difference("FloorPlanner", rules, unaware, Decided::of, pinned));
            if (unaware.stream().anyMatch(action -> action.rule().equals(MirroredCatalog.LAST_RESORT))
                    && rules.stream().noneMatch(action -> action.rule().equals(MirroredCatalog.LAST_RESORT))) {
                tookTheLastResortsPlace++;
            }
        }
        assertThat(tookTheLastResortsPlace).as("snapshots where the unmirrored TRY took the last resort's place").isPositive();
    }

    /** A mirrored action the rules stop planning where the mirrors still do, or word differently. */
    @Test
    void aMirroredActionThatChangesFailsThem() {
        BackupDoctor changed = BackupDoctor.builder().disableRule("Low Data Mode is on").build();
        FloorPlanner floor = new FloorPlanner();
        Random random = new Random(26);
        Optional<String> difference = Optional.empty();
        for (int i = 0; i < STEP_SNAPSHOTS && difference.isEmpty(); i++) {
            DeviceSnapshot snapshot = RandomSnapshots.next(random);
            difference = difference("FloorPlanner", withoutEvidence(changed.diagnose(snapshot)), floor.diagnose(snapshot));
        }
        assertThat(difference).hasValueSatisfying(message -> assertThat(message)
                .contains("FIX TURN_OFF_LOW_DATA_MODE by \"Low Data Mode is on\"")
                .contains("make the same change to the condition in " + MIRRORS));

        DeviceSnapshot unlocked = DeviceSnapshot.unknown().with(DeviceInfo.UNKNOWN.withScreenLocked(Answer.NO));
        Action lock = withoutEvidence(DOCTOR.diagnose(unlocked)).get(0);
        Action reworded = new Action(lock.id(), lock.kind(), lock.step(), lock.title(), lock.instructions(),
                lock.reason() + " Reworded.", lock.caution(), lock.alternativeTo(), lock.rule(), List.of());
        assertThat(difference("FloorPlanner", List.of(lock), List.of(reworded))).hasValueSatisfying(message -> assertThat(message)
                .contains("The first that differs").contains("Reworded."));
    }

    /**
     * An action as a mirror decides it: kind, id, step, alternative and rule, and for the Java
     * mirrors, which build their actions with the rules' wording, the whole action too.
     */
    record Decided(Kind kind, String id, Integer step, String alternativeTo, String rule, Action whole) {

        static Decided of(Action action) {
            return new Decided(action.kind(), action.id(), action.step(), action.alternativeTo(), action.rule(), action);
        }

        static Decided withoutText(Action action) {
            return new Decided(action.kind(), action.id(), action.step(), action.alternativeTo(), action.rule(), null);
        }

        @Override
        public String toString() {
            return kind + " " + id + " by \"" + rule + "\"" + (step == null ? "" : ", step " + step)
                    + (alternativeTo == null ? "" : ", or instead " + alternativeTo);
        }
    }

    /**
     * Why a mirror's plan is not the rules' plan on the {@code mirrored} ids, or empty when it is;
     * {@code as} makes the rules' actions into what the mirror decides.
     */
    static Optional<String> difference(String mirror, List<Action> rules, List<Decided> planned, Function<Action, Decided> as,
            Set<String> mirrored) {
        List<Decided> expected = new ArrayList<>(rules.size());
        boolean unmirroredTry = false;
        for (Action action : rules) {
            if (mirrored.contains(action.id())) {
                expected.add(as.apply(action));
            } else {
                unmirroredTry |= action.kind() == Kind.TRY;
            }
        }
        List<Decided> compared = unmirroredTry
                ? planned.stream().filter(action -> !action.rule().equals(MirroredCatalog.LAST_RESORT)).toList()
                : planned;
        if (compared.equals(expected)) {
            return Optional.empty();
        }
        String message = mirror + " plans differently from the rules on the ids it mirrors.\nThe rules:\n" + lines(expected)
                + mirror + ":\n" + lines(compared);
        for (int i = 0; i < Math.min(expected.size(), compared.size()); i++) {
            if (!expected.get(i).equals(compared.get(i)) && expected.get(i).toString().equals(compared.get(i).toString())) {
                message += "The first that differs, by the rules:\n  " + expected.get(i).whole() + "\nby " + mirror + ":\n  "
                        + compared.get(i).whole() + "\n";
                break;
            }
        }
        return Optional.of(message + advice(mirror, rules, planned, mirrored));
    }

    private static Optional<String> difference(String mirror, List<Action> rules, List<Action> planned) {
        return difference(mirror, rules, planned.stream().map(Decided::of).toList(), Decided::of, MirroredCatalog.IDS);
    }

    private static String advice(String mirror, List<Action> rules, List<Decided> planned, Set<String> mirrored) {
        List<String> advice = new ArrayList<>();
        for (Action action : rules) {
            if (mirrored.contains(action.id())
                    && !MirroredCatalog.ROWS.contains(new MirroredCatalog.Row(action.rule(), action.kind(), action.id()))) {
                advice.add("Rule \"" + action.rule() + "\" proposes " + action.kind() + " " + action.id()
                        + ", an action the mirrors mirror, and MirroredCatalog doesn't list it: copy its condition into "
                        + MIRRORS + " and add its row to MirroredCatalog.");
            }
        }
        for (Decided action : planned) {
            if (!MirroredCatalog.ROWS.contains(new MirroredCatalog.Row(action.rule(), action.kind(), action.id()))) {
                advice.add(mirror + " plans " + action + ", which MirroredCatalog doesn't list: add its row there.");
            }
        }
        if (advice.isEmpty()) {
            advice.add("If the rules changed on purpose, make the same change to the condition in " + MIRRORS
                    + "; if not, the rules or " + mirror + " changed by mistake.");
        }
        return String.join("\n", advice);
    }

    private static String lines(List<Decided> actions) {
        return actions.stream().map(action -> "  " + action + "\n").collect(Collectors.joining());
    }

    private static void assertSame(String what, int index, DeviceSnapshot snapshot, Optional<String> difference) {
        difference.ifPresent(message -> fail("%s %d: %s\n%s", what, index, snapshot, message));
    }

    private static Set<String> without(Set<String> these, Set<String> those) {
        Set<String> left = new LinkedHashSet<>(these);
        left.removeAll(those);
        return left;
    }

    private static Set<String> proposingRules() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".drl")).sorted().toList()) {
                Matcher rule = RULE.matcher(Files.readString(file));
                while (rule.find()) {
                    if (rule.group(2).contains("@proposes(")) {
                        names.add(rule.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** The mirrors don't name the facts behind each action: every other field must match. */
    static List<Action> withoutEvidence(Diagnosis diagnosis) {
        return diagnosis.actions().stream().map(a -> new Action(a.id(), a.kind(), a.step(), a.title(), a.instructions(),
                a.reason(), a.caution(), a.alternativeTo(), a.rule(), List.of())).toList();
    }
}
