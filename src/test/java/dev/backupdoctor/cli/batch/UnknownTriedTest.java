package dev.backupdoctor.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.cli.Run;
import dev.backupdoctor.facts.DeviceSnapshot;
import org.junit.jupiter.api.Test;

/**
 * A {@code tried} id that no loaded rule suggests is accepted, since rules loaded another time may
 * suggest it, but warned about with the action it most likely means: it leaves nothing out of the plan.
 */
class UnknownTriedTest {

    @Test
    void theDiagnosisListsTriedIdsNoLoadedRuleSuggests() {
        DeviceSnapshot snapshot = DeviceSnapshot.unknown().withTried("RESTRAT_IPHONE", "RESTART_IPHONE", "RESTRAT_IPHONE", "ZZZ");

        assertThat(Run.DOCTOR.diagnose(snapshot).unknownTried()).containsExactly("RESTRAT_IPHONE", "ZZZ");
        assertThat(Run.DOCTOR.diagnose(DeviceSnapshot.unknown()).unknownTried()).isEmpty();
        assertThat(Run.DOCTOR.proposes("RESTART_IPHONE")).isTrue();
        assertThat(Run.DOCTOR.proposes("USE_APPLE_CABLE")).isFalse();
    }

    @Test
    void diagnoseWarnsAndStillPlansAsBefore() {
        Run typo = Run.of("{\"tried\": [\"RESTRAT_IPHONE\"]}", "diagnose", "--format", "json");
        Run none = Run.of("{}", "diagnose", "--format", "json");

        assertThat(typo.status()).isZero();
        assertThat(typo.err()).isEqualTo("warning: tried: \"RESTRAT_IPHONE\" is not an action any loaded rule suggests;"
                + " did you mean RESTART_IPHONE?\n");
        assertThat(typo.out()).isEqualTo(none.out()).contains("\"RESTART_IPHONE\"");
    }

    @Test
    void anIdOfNoKnownActionIsWarnedAboutWithoutASuggestionAndManyAreCounted() {
        Run run = Run.of("{\"tried\": [\"ZZZ\", \"A\", \"B\", \"C\", \"D\", \"E\", \"F\", \"BACK_UP_NOW\"]}", "diagnose");

        assertThat(run.status()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(
                "warning: tried: \"ZZZ\" is not an action any loaded rule suggests",
                "warning: tried: \"A\" is not an action any loaded rule suggests",
                "warning: tried: \"B\" is not an action any loaded rule suggests",
                "warning: tried: \"C\" is not an action any loaded rule suggests",
                "warning: tried: \"D\" is not an action any loaded rule suggests",
                "warning: tried: 2 more ids that no loaded rule suggests");
    }

    @Test
    void anIdYourOwnRulesSuggestIsKnown() {
        Run own = Run.of("{\"tried\": [\"USE_APPLE_CABLE\"]}", "diagnose", "--rules", "examples/rules");
        Run typo = Run.of("{\"tried\": [\"USE_APPLE_CABL\"]}", "diagnose", "--rules", "examples/rules");

        assertThat(own.status()).isZero();
        assertThat(own.err()).isEmpty();
        assertThat(typo.err()).isEqualTo("warning: tried: \"USE_APPLE_CABL\" is not an action any loaded rule suggests;"
                + " did you mean USE_APPLE_CABLE?\n");
    }

    @Test
    void batchAndReportWarnOnceForTheWholeInput() {
        String fleet = "{\"tried\": [\"RESTRAT_IPHONE\"]}\n{}\n{\"tried\": [\"BACKUP_NOW\", \"RESTRAT_IPHONE\"]}\n{\"tried\": [\"RESTRAT_IPHONE\"]}\n";
        String warning = "warning: tried: 3 snapshots list an action no loaded rule suggests: \"RESTRAT_IPHONE\""
                + " (did you mean RESTART_IPHONE?), \"BACKUP_NOW\" (did you mean BACK_UP_NOW?)\n";

        Run batch = Run.of(fleet, "batch");
        Run report = Run.of(fleet, "report", "--format", "json");

        assertThat(batch.status()).isZero();
        assertThat(batch.out()).hasLineCount(4);
        assertThat(batch.err()).isEqualTo(warning);
        assertThat(report.status()).isZero();
        assertThat(report.err()).isEqualTo(warning);
    }

    @Test
    void batchNamesTheFirstFewIdsAndCountsEverySnapshot() {
        StringBuilder fleet = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            fleet.append("{\"tried\": [\"TYPO_").append(i).append("\"]}\n");
        }

        Run batch = Run.of(fleet.toString(), "batch");

        assertThat(batch.err()).isEqualTo("warning: tried: 1,000 snapshots list an action no loaded rule suggests: \"TYPO_0\", \"TYPO_1\","
                + " \"TYPO_2\", \"TYPO_3\", \"TYPO_4\", and others\n");
    }
}
