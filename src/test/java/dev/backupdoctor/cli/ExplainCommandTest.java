package dev.backupdoctor.cli;

import static dev.backupdoctor.RuleLines.ruleLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Question;
import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainAndConsultTest {

    private static final BackupDoctor DOCTOR = Run.DOCTOR;
    private static final Path EXAMPLES = Path.of("examples/snapshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Run run(String stdin, String... args) {
        return Run.of(stdin, args);
    }


    private static DeviceSnapshot example(String name) throws IOException {
        return new SnapshotReader().read(Files.readAllBytes(EXAMPLES.resolve(name)));
    }

    @Test
    void diagnoseExplainShowsTheRuleAndTheFactsUnderEachAction() {
        Run run = run("", "diagnose", "--explain", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("   Rule: \"Wi-Fi signal is weak\", matching wifi.connected = YES, "
                + "wifi.weakSignal = YES\n");
        assertThat(run("", "diagnose", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString()).out())
                .doesNotContain("Rule: ");
    }

    @Test
    void explainTellsWhyAnActionIsInThePlan() {
        Run run = run("", "explain", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString(), "MOVE_CLOSER_TO_ROUTER");
        assertThat(run).isEqualTo(new Run(0, "MOVE_CLOSER_TO_ROUTER is in the plan as FIX (step 2): rule \"Wi-Fi signal is weak\" "
                + "(classpath:dev/backupdoctor/rules/02-wifi.drl:" + ruleLine("02-wifi.drl", "Wi-Fi signal is weak") + ") matched wifi.connected = YES, wifi.weakSignal = YES.\n", ""));
    }

    @Test
    void explainTellsWhyAnActionIsNotInThePlan() {
        Run tried = run("", "explain", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString(), "RESTART_IPHONE");
        assertThat(tried.out()).isEqualTo("rule \"Restart the iPhone\" (classpath:dev/backupdoctor/rules/07-restart.drl:"
                + ruleLine("07-restart.drl", "Restart the iPhone") + ") did not match: it needs no "
                + "TriedAction( actionId == \"RESTART_IPHONE\" ), but RESTART_IPHONE is among the remedies already tried.\n");
        Run fine = run("", "explain", EXAMPLES.resolve("backup-switched-off.json").toString(), "CONNECT_TO_POWER");
        assertThat(fine.out()).contains("rule \"Not plugged in\"").contains("connected == Answer.NO is false (power.connected = YES)")
                .contains("rule \"Power connection unknown\"");
    }

    @Test
    void explainRejectsAMalformedActionId() {
        Run run = run("{}", "explain", "-", "restart");
        assertThat(run).isEqualTo(new Run(2, "", "ACTION_ID must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"restart\"\n"));
    }

    /** The person knows the truth; each question is answered from it, the way the consultation asks. */
    private static String reply(Question question, DeviceSnapshot truth) {
        String id = question.id();
        if (id.equals("restrictions.backupAllowed")) {
            // The question asks whether backup is restricted: "yes" means it is not allowed.
            Answer allowed = truth.restrictions().backupAllowed();
            return allowed == Answer.YES ? "no" : allowed == Answer.NO ? "yes" : "skip";
        }
        Object value = switch (id) {
            case "icloud.backupEnabled" -> truth.icloud().backupEnabled();
            case "icloud.emailVerified" -> truth.icloud().emailVerified();
            case "icloud.backupOverCellular" -> truth.icloud().backupOverCellular();
            case "icloud.twoFactor" -> truth.icloud().twoFactor();
            case "device.sideloadedApps" -> truth.device().sideloadedApps();
            case "wifi.lowDataMode" -> truth.wifi().lowDataMode();
            case "wifi.filtered" -> truth.wifi().filtered();
            case "power.batteryPercent" -> truth.power().batteryPercent();
            case "icloud.signedIn" -> truth.icloud().signedIn();
            case "icloud.verificationRequired" -> truth.icloud().verificationRequired();
            case "device.screenLocked" -> truth.device().screenLocked();
            case "device.model" -> truth.device().model();
            case "device.iosVersion" -> truth.device().iosVersion();
            case "device.latestIosVersion" -> truth.device().latestIosVersion();
            case "wifi.enabled" -> truth.wifi().enabled();
            case "wifi.connected" -> truth.wifi().connected();
            case "wifi.signalBars" -> truth.wifi().signalBars();
            case "power.connected" -> truth.power().connected();
            case "power.charging" -> truth.power().charging();
            case "power.cable" -> truth.power().cable() == Cable.THIRD_PARTY ? "third-party" : truth.power().cable();
            case "storage.totalBytes" -> megabytes(truth.storage().totalBytes());
            case "storage.usedBytes" -> megabytes(truth.storage().usedBytes());
            case "storage.nextBackupBytes" -> megabytes(truth.storage().nextBackupBytes());
            case "service.icloudBackup" -> truth.service().icloudBackup();
            default -> throw new AssertionError("a question this test can't answer: " + id);
        };
        if (value == null || value == Answer.UNKNOWN || value == Cable.UNKNOWN || value == ServiceState.UNKNOWN) {
            return "skip";
        }
        return value == Answer.YES ? "yes" : value == Answer.NO ? "no" : value.toString().toLowerCase(Locale.ROOT);
    }

    /** A size as a person types it, exactly: in MB, never a byte count, which consult doesn't take. */
    private static String megabytes(Long bytes) {
        return bytes == null ? null : java.math.BigDecimal.valueOf(bytes, 6).stripTrailingZeros().toPlainString() + " mb";
    }

    /** The answers a person who knows the truth types, in the order the questions come. */
    private static String script(DeviceSnapshot truth) {
        DeviceSnapshot known = DeviceSnapshot.unknown();
        Set<String> asked = new HashSet<>();
        List<String> lines = new ArrayList<>();
        while (true) {
            Question next = DOCTOR.diagnose(known).questions().stream()
                    .filter(question -> !asked.contains(question.id())).findFirst().orElse(null);
            if (next == null) {
                return String.join("\n", lines) + "\n";
            }
            String answer = reply(next, truth);
            lines.add(answer);
            asked.add(next.id());
            known = answer.equals("skip") ? known : next.answer(known, answer);
        }
    }

    private static List<String> steps(List<Action> actions) {
        return actions.stream().map(action -> action.kind() + " " + action.id() + " " + action.instructions()).toList();
    }

    private static List<String> steps(JsonNode plan) {
        List<String> steps = new ArrayList<>();
        for (JsonNode action : plan.get("actions")) {
            List<String> instructions = new ArrayList<>();
            action.get("instructions").forEach(line -> instructions.add(line.asText()));
            steps.add(action.get("kind").asText() + " " + action.get("id").asText() + " " + instructions);
        }
        return steps;
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup-switched-off.json", "apple-outage.json"})
    void aConsultationFromNothingEndsWithThePlanOfTheFullSnapshot(String example) throws IOException {
        DeviceSnapshot truth = example(example);
        String answers = script(truth);

        Run run = run(answers, "consult", "--format", "json");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("No more questions would change the plan.");
        String lastLine = run.out().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(steps(JSON.readTree(lastLine))).isEqualTo(steps(DOCTOR.diagnose(truth).actions()));
    }

    @Test
    void eachAnswerShowsHowThePlanChanged() {
        Run run = run("outage\ndone\n", "consult");
        assertThat(run.out()).contains("1. What does Apple's System Status page (apple.com/support/systemstatus) show for "
                + "iCloud Backup? (available, outage)\n")
                .contains("   - no longer: [CHECK] Check Apple's System Status page\n")
                .contains("   + now:       [FIX] Wait for Apple to fix iCloud Backup\n")
                .contains("Stopped: here is the plan so far.");
    }

    @Test
    void skipLeavesAFactUnknownAndMovesOn() {
        Run run = run("skip\ndone\n", "consult", "--format", "json");
        assertThat(run.out()).contains("   Skipped: it stays unknown.\n").contains("\n2. ");
        String lastLine = run.out().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(lastLine).contains("\"id\":\"CHECK_SYSTEM_STATUS\"");
    }

    @Test
    void anInvalidAnswerIsAskedAgainWithAHint() {
        Run run = run("maybe\navailable\ndone\n", "consult");
        assertThat(run.out()).contains("   Sorry, answer available or outage. Or 'skip', or 'done'.\n")
                .contains("   - no longer: [CHECK] Check Apple's System Status page\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void theEndOfInputEndsWithThePlanSoFar() throws IOException {
        Run run = run("", "consult", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("No more answers: here is the plan so far.")
                .contains("1. [FIX] Move closer to the Wi-Fi router");
    }

    @Test
    void consultStartsFromWhatAFileKnows() {
        // The file knows the Wi-Fi and the model but not whether apps from outside the App Store are installed.
        Run run = run("no\n", "consult", EXAMPLES.resolve("weak-wifi-iphone-8.json").toString());
        assertThat(run.out()).doesNotContain("Wi-Fi symbol show").doesNotContain("Which iPhone model")
                .contains("1. Are there apps on the iPhone from outside the App Store")
                .doesNotContain("already tried");
    }

    @Test
    void consultCannotReadItsSnapshotFromStandardInput() {
        assertThat(run("{}", "consult", "-")).isEqualTo(new Run(2, "",
                "consult reads your answers from standard input; give the snapshot as a file\n"));
    }
}
