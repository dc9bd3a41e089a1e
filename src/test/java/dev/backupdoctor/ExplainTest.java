package dev.backupdoctor;

import static dev.backupdoctor.support.RuleLines.ruleLine;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {

    static final String WIFI_RULES = "classpath:dev/backupdoctor/rules/02-wifi.drl";
    static final int WEAK_SIGNAL = ruleLine("02-wifi.drl", "Wi-Fi signal is weak");

    @Test
    void everyActionCarriesTheFactsItsRuleMatched() {
        Action move = doctor().diagnose(allFine().with(new WifiStatus(Answer.YES, Answer.YES, 1)))
                .action("MOVE_CLOSER_TO_ROUTER").orElseThrow();
        assertThat(move.because()).containsExactly(
                new Evidence("wifi.connected", Answer.YES),
                new Evidence("wifi.weakSignal", Answer.YES));

        Action restart = doctor().diagnose(allFine()).action("RESTART_IPHONE").orElseThrow();
        // The model only picks the buttons in the instructions: the rule matched on the service's state.
        assertThat(restart.because()).containsExactly(new Evidence("service.icloudBackup", ServiceState.AVAILABLE));
    }

    @Test
    void everyPlannedActionHasEvidenceExceptTheLastResortThatMatchesOnlyAnAbsence() {
        for (DeviceSnapshot snapshot : List.of(DeviceSnapshot.unknown(), allFine())) {
            assertThat(doctor().diagnose(snapshot).actions()).allSatisfy(action ->
                    assertThat(action.because()).as(action.id()).isNotEmpty());
        }
    }

    @Test
    void anActionInThePlanIsExplainedByItsRuleAndFacts() {
        Explanation explanation = doctor().explain(allFine().with(new WifiStatus(Answer.YES, Answer.YES, 1)),
                "MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.inPlan()).isTrue();
        assertThat(explanation.reasons()).containsExactly("MOVE_CLOSER_TO_ROUTER is in the plan as FIX (step 2): "
                + "rule \"Wi-Fi signal is weak\" (" + WIFI_RULES + ":" + WEAK_SIGNAL + ") matched "
                + "wifi.connected = YES, wifi.weakSignal = YES.");
    }

    @Test
    void aMissingActionNamesTheConditionThatWasFalse() {
        Explanation explanation = doctor().explain(allFine(), "MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.inPlan()).isFalse();
        assertThat(explanation.reasons()).containsExactly("rule \"Back Up Now names the network, the signal unknown\" (" + WIFI_RULES
                + ":" + ruleLine("02-wifi.drl", "Back Up Now names the network, the signal unknown") + ") did not match:"
                + " backupMessage == BackupMessage.NETWORK_ERROR is false (icloud.backupMessage = UNKNOWN).",
                "rule \"Wi-Fi signal is weak\" (" + WIFI_RULES
                + ":" + WEAK_SIGNAL + ") did not match: weakSignal == Answer.YES is false (wifi.weakSignal = NO).");
    }

    @Test
    void aMissingActionNamesTheConditionThatWasUnknown() {
        Explanation explanation = doctor().explain(allFine().with(new WifiStatus(Answer.YES, Answer.YES, null)),
                "MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.reasons()).last().asString()
                .endsWith("did not match: weakSignal == Answer.YES is unknown (wifi.weakSignal = UNKNOWN).");
    }

    @Test
    void anActionEachOfWhoseRulesFailedListsThemAll() {
        Explanation explanation = doctor().explain(allFine(), "CONNECT_TO_WIFI");
        assertThat(explanation.reasons()).contains(
                "rule \"Wi-Fi connection unknown\" (" + WIFI_RULES + ":" + ruleLine("02-wifi.drl", "Wi-Fi connection unknown")
                        + ") did not match: connected == Answer.UNKNOWN is false (wifi.connected = YES).",
                "rule \"Wi-Fi is off or not connected\" (" + WIFI_RULES + ":" + ruleLine("02-wifi.drl", "Wi-Fi is off or not connected")
                        + ") did not match: enabled == Answer.NO || connected == Answer.NO is false "
                        + "(wifi.enabled = YES, wifi.connected = YES).");
        assertThat(explanation.reasons()).allSatisfy(reason -> assertThat(reason).contains("did not match"));
    }

    /**
     * Only the rules that produce an action are asked about it. The cellular rule merely names
     * CONNECT_TO_WIFI as what it is an alternative to, and "iCloud is full" names the storage actions
     * it replaces: neither is one of their producers.
     */
    @Test
    void aRuleThatOnlyNamesAnAlternativeIsNotAProducer() {
        assertThat(doctor().explain(allFine(), "CONNECT_TO_WIFI").reasons())
                .noneMatch(reason -> reason.contains("Back up over cellular instead")).hasSize(2);
        DeviceSnapshot full = allFine().with(StorageStatus.UNKNOWN.withTotalBytes(5 * Snapshots.GB)
                .withUsedBytes(4_800_000_000L).withNextBackupBytes(Snapshots.GB).withAppBackups(List.of())
                .withOtherDeviceBackups(List.of()));
        assertThat(doctor().explain(full, "DELETE_OLD_DEVICE_BACKUPS").reasons())
                .noneMatch(reason -> reason.contains("iCloud is full\"")).hasSize(2);
    }

    @Test
    void aTriedOrOutOfServiceRemedyIsExplainedByItsOwnRulesCondition() {
        Explanation tried = doctor().explain(allFine().withTried("RESTART_IPHONE"), "RESTART_IPHONE");
        assertThat(tried.reasons()).containsExactly("rule \"Restart the iPhone\" (classpath:dev/backupdoctor/rules/07-restart.drl:"
                + ruleLine("07-restart.drl", "Restart the iPhone") + ") did not match: it needs no "
                + "TriedAction( actionId == \"RESTART_IPHONE\" ), but RESTART_IPHONE is among the remedies already tried.");

        Explanation outage = doctor().explain(allFine().with(ServiceStatus.UNKNOWN
                .withIcloudBackup(ServiceState.OUTAGE)), "RESET_ALL_SETTINGS");
        assertThat(outage.reasons()).containsExactly("rule \"Reset all settings\" (classpath:dev/backupdoctor/rules/08-reset-settings.drl:"
                + ruleLine("08-reset-settings.drl", "Reset all settings") + ") did not match: "
                + "icloudBackup != ServiceState.OUTAGE is false (service.icloudBackup = OUTAGE).");
    }

    @Test
    void anActionOfYourOwnTakenOutIsExplainedByTheRuleThatTookItOut() {
        BackupDoctor managed = BackupDoctor.builder().addRules(Path.of("examples/rules")).build();

        Explanation tried = managed.explain(allFine().withTried("ASK_IT_TO_RESET_SETTINGS"), "ASK_IT_TO_RESET_SETTINGS");
        assertThat(tried.reasons()).singleElement().asString()
                .startsWith("rule \"Managed iPhones: the help desk resets settings\" (").contains("managed-devices.drl:")
                .contains(") proposed it as TRY, but rule \"Skip remedies already tried\" (classpath:dev/backupdoctor/rules/tried-remedies.drl:"
                        + ruleLine("tried-remedies.drl", "Skip remedies already tried") + ")")
                .endsWith("took it out, matching action.kind = TRY, tried.actionId = ASK_IT_TO_RESET_SETTINGS.");

        Explanation outage = managed.explain(allFine().with(ServiceStatus.UNKNOWN
                .withIcloudBackup(ServiceState.OUTAGE)), "ASK_IT_TO_RESET_SETTINGS");
        assertThat(outage.reasons()).singleElement().asString()
                .contains("but rule \"Nothing on the iPhone helps during an outage\"")
                .contains("service.icloudBackup = OUTAGE");

        Explanation reset = managed.explain(allFine(), "RESET_ALL_SETTINGS");
        assertThat(reset.reasons()).singleElement().asString()
                .startsWith("rule \"Reset all settings\" (").contains(") proposed it as TRY, but rule \"Managed iPhones: no self-service reset\"");
    }

    @Test
    void theLastResortIsMissingWhileAnotherRemedyIsLeft() {
        Explanation explanation = doctor().explain(allFine(), "BACK_UP_WITH_COMPUTER");
        assertThat(explanation.reasons()).containsExactly("rule \"Back up with a computer\" "
                + "(classpath:dev/backupdoctor/rules/11-back-up-with-a-computer.drl:"
                + ruleLine("11-back-up-with-a-computer.drl", "Back up with a computer")
                + ") did not match: listed == false is false (otherRemedies.listed = true).",
                "rule \"The last backup is stale\" (classpath:dev/backupdoctor/rules/11-back-up-with-a-computer.drl:"
                + ruleLine("11-back-up-with-a-computer.drl", "The last backup is stale")
                + ") did not match: backupStale == true is false (icloud.backupStale = false).");
    }

    @Test
    void anIdNoRuleProducesIsSaidSo() {
        assertThat(doctor().explain(allFine(), "MAKE_COFFEE").reasons()).containsExactly("No rule produces MAKE_COFFEE.");
    }

    @Test
    void aSwitchedOffRuleIsSaidSo() {
        BackupDoctor doctor = BackupDoctor.builder().disableRule("Reset all settings")
                .addRules(Path.of("src/test/resources/extension-rules/com/acme/backup")).build();
        assertThat(doctor.explain(allFine(), "RESET_ALL_SETTINGS").reasons()).containsExactly(
                "rule \"Reset all settings\" (classpath:dev/backupdoctor/rules/08-reset-settings.drl:"
                + ruleLine("08-reset-settings.drl", "Reset all settings") + ") is switched off.");
    }
}
