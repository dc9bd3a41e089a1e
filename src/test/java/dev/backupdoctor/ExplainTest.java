package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ModelFamily;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {

    static final String WIFI_RULES = "classpath:dev/backupdoctor/rules/02-wifi.drl";

    @Test
    void everyActionCarriesTheFactsItsRuleMatched() {
        Action move = doctor().diagnose(allFine().with(new WifiStatus(Answer.YES, Answer.YES, 1)))
                .action("MOVE_CLOSER_TO_ROUTER").orElseThrow();
        assertThat(move.because()).containsExactly(
                new Evidence("wifi.connected", Answer.YES),
                new Evidence("wifi.weakSignal", Answer.YES),
                new Evidence("wifi.signalBars", 1));

        Action restart = doctor().diagnose(allFine()).action("RESTART_IPHONE").orElseThrow();
        assertThat(restart.because()).containsExactly(
                new Evidence("device.model", "iPhone 15 Pro"),
                new Evidence("device.modelFamily", ModelFamily.FACE_ID));
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
                + "rule \"Wi-Fi signal is weak\" (" + WIFI_RULES + ":42) matched "
                + "wifi.connected = YES, wifi.weakSignal = YES, wifi.signalBars = 1.");
    }

    @Test
    void aMissingActionNamesTheConditionThatWasFalse() {
        Explanation explanation = doctor().explain(allFine(), "MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.inPlan()).isFalse();
        assertThat(explanation.reasons()).containsExactly("rule \"Wi-Fi signal is weak\" (" + WIFI_RULES
                + ":42) did not match: weakSignal == Answer.YES is false (wifi.weakSignal = NO).");
    }

    @Test
    void aMissingActionNamesTheConditionThatWasUnknown() {
        Explanation explanation = doctor().explain(allFine().with(new WifiStatus(Answer.YES, Answer.YES, null)),
                "MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.reasons()).singleElement().asString()
                .endsWith("did not match: weakSignal == Answer.YES is unknown (wifi.weakSignal = UNKNOWN).");
    }

    @Test
    void anActionEachOfWhoseRulesFailedListsThemAll() {
        Explanation explanation = doctor().explain(allFine(), "CONNECT_TO_WIFI");
        assertThat(explanation.reasons()).hasSize(2).allSatisfy(reason -> assertThat(reason).contains("did not match"));
        assertThat(explanation.reasons().get(0)).contains("Wi-Fi connection unknown")
                .contains("connected == Answer.UNKNOWN is false (wifi.connected = YES)");
    }

    @Test
    void aRemedyTakenOutIsExplainedByTheRuleThatTookItOut() {
        Explanation tried = doctor().explain(allFine().withTried("RESTART_IPHONE"), "RESTART_IPHONE");
        assertThat(tried.reasons()).singleElement().asString()
                .startsWith("rule \"Restart the iPhone\" (classpath:dev/backupdoctor/rules/07-restart.drl:8) proposed it as TRY, "
                        + "but rule \"Skip remedies already tried\"")
                .endsWith("took it out, matching action.kind = TRY, tried.actionId = RESTART_IPHONE.");

        Explanation outage = doctor().explain(allFine().with(new ServiceStatus(ServiceState.OUTAGE)), "RESET_ALL_SETTINGS");
        assertThat(outage.reasons()).singleElement().asString()
                .contains("but rule \"Nothing on the iPhone helps during an outage\"")
                .contains("service.icloudBackup = OUTAGE");
    }

    @Test
    void theLastResortIsMissingWhileAnotherRemedyIsLeft() {
        Explanation explanation = doctor().explain(allFine(), "BACK_UP_WITH_COMPUTER");
        assertThat(explanation.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("did not match: it needs no Action( kind == Kind.TRY, id != \"BACK_UP_WITH_COMPUTER\" ), but there is TRY"));
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
                "rule \"Reset all settings\" (classpath:dev/backupdoctor/rules/08-reset-settings.drl:9) is switched off.");
    }
}
