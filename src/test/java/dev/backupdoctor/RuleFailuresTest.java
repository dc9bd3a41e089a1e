package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.allFine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.problems.RunawayRuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A rule's code that throws, recurses, floods or dawdles costs only its own diagnosis, and is named. */
class RuleFailuresTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");

    static DeviceSnapshot weakWifi() throws IOException {
        return new SnapshotReader().read(Files.readAllBytes(Path.of("examples/snapshots/weak-wifi-iphone-8.json")));
    }

    private static BackupDoctor with(String fixture) {
        return BackupDoctor.builder().addRules(HOSTILE.resolve(fixture)).build();
    }

    @Test
    void aRuleThatThrowsIsNamedWithWhereItIsWrittenAndTheDoctorGoesOn() throws IOException {
        BackupDoctor doctor = with("throws");

        assertThatThrownBy(() -> doctor.diagnose(weakWifi()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessage("rule \"Throw on weak Wi-Fi\" (" + HOSTILE.resolve("throws") + "/throws.drl:5) failed: "
                        + "IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(failure -> {
                    RuleFailedException failed = (RuleFailedException) failure;
                    assertThat(failed.rule()).isEqualTo("Throw on weak Wi-Fi");
                    assertThat(failed.reason()).isEqualTo(RuleFailedException.Reason.THREW);
                    assertThat(failed.fatal()).isFalse();
                });
        // The session the failure left half-way is not handed to the next diagnosis in that state.
        for (int i = 0; i < 3; i++) {
            assertThat(doctor.diagnose(allFine())).isEqualTo(BackupDoctor.create().diagnose(allFine()));
        }
    }

    @Test
    void aConditionThatThrowsIsNamedByItsRule() throws IOException {
        BackupDoctor doctor = with("condition");

        assertThatThrownBy(() -> doctor.diagnose(weakWifi()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessage("rule \"Throw in a condition\" (" + HOSTILE.resolve("condition") + "/condition.drl:7) failed: "
                        + "IllegalStateException: condition boom");
    }

    @Test
    void aRuleThatRecursesWithoutEndIsNamedNotAStackTrace() throws IOException {
        BackupDoctor doctor = with("overflow");

        assertThatThrownBy(() -> doctor.diagnose(weakWifi()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessage("rule \"Recurse forever\" (" + HOSTILE.resolve("overflow") + "/overflow.drl:7) failed: "
                        + "StackOverflowError, its code recursed too deeply");
        assertThat(doctor.diagnose(allFine())).isEqualTo(BackupDoctor.create().diagnose(allFine()));
    }

    @Test
    void aConditionThatRecursesWithoutEndIsNotBlamedOnARuleThatFiredBefore() throws IOException {
        BackupDoctor doctor = with("condition-overflow");

        assertThatThrownBy(() -> doctor.diagnose(weakWifi()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessage("a rule's condition (no rule was firing) failed: StackOverflowError, its code recursed too deeply")
                .extracting(failure -> ((RuleFailedException) failure).rule()).isNull();
    }

    @Test
    void aDiagnosisPastItsTimeLimitStopsAtTheNextFiringNamingTheRuleThatWasFiring() throws IOException {
        BackupDoctor doctor = BackupDoctor.builder().addRules(HOSTILE.resolve("slow")).timeLimit(Duration.ofMillis(100)).build();

        assertThatThrownBy(() -> doctor.diagnose(weakWifi()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessageMatching("rule \"Dawdle over (weak Wi-Fi|it again)\" \\(.*/slow.drl:\\d+\\) was still running after"
                        + " 100 ms, the time limit for one diagnosis")
                .extracting(failure -> ((RuleFailedException) failure).reason()).isEqualTo(RuleFailedException.Reason.TIME_LIMIT);
        // The session halted then is not handed to the next diagnosis halted.
        assertThat(doctor.diagnose(allFine())).isEqualTo(BackupDoctor.create().diagnose(allFine()));
    }

    @Test
    void aTimeLimitMustBeMoreThanZero() {
        assertThatThrownBy(() -> BackupDoctor.builder().timeLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a time limit must be more than zero, was PT0S");
    }

    @Test
    void aWatchdogSeesADiagnosisRunningPastALimitAndTheRuleFiringInIt() throws Exception {
        BackupDoctor doctor = with("slow");
        assertThat(doctor.overrunning(Duration.ofMillis(50))).isEmpty();

        DeviceSnapshot weakWifi = weakWifi();
        Thread diagnosing = new Thread(() -> doctor.diagnose(weakWifi));
        diagnosing.start();
        try {
            RuleFailedException overrun = null;
            while (overrun == null && diagnosing.isAlive()) {
                overrun = doctor.overrunning(Duration.ofMillis(50)).orElse(null);
                Thread.onSpinWait();
            }
            assertThat(overrun).isNotNull();
            assertThat(overrun.getMessage()).matches("rule \"Dawdle over (weak Wi-Fi|it again)\" \\(.*/slow.drl:\\d+\\) was still"
                    + " running after 50 ms, the time limit for one diagnosis");
        } finally {
            diagnosing.join();
        }
        assertThat(doctor.overrunning(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void manyFiringsWithoutALoopAreNotBlamedOnARuleModifyingItsFacts() {
        BackupDoctor doctor = with("flood");

        assertThatThrownBy(() -> doctor.diagnose(allFine()))
                .isInstanceOf(RunawayRuleException.class)
                .hasMessage("rules fired 10,000 times for one snapshot without finishing: 2 different rules, no rule looping"
                        + " on the same facts, the most often rule \"Note each marker\" (10,000 times); too many rules or"
                        + " facts for one diagnosis")
                .extracting(failure -> ((RunawayRuleException) failure).reason()).isEqualTo(RuleFailedException.Reason.RUNAWAY);
    }
}
