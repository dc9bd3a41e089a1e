package dev.backupdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.problems.RulesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule of one's own can propose a built-in catalog action by its metadata, worded as the catalog
 * words it; metadata that names no entry, a kind the entry lacks, or wording the rule can't fill
 * in stops the rules from loading, pointing at the rule.
 */
class ProposesTest {

    @TempDir
    Path folder;

    private Path rule(String metadata, String when) throws IOException {
        Path file = folder.resolve("own.drl");
        Files.writeString(file, """
                package com.acme.backup
                import dev.backupdoctor.facts.*
                global dev.backupdoctor.plan.PlanDraft plan

                rule "Charging is slow"
                    %s
                when
                    %s
                then
                    plan.propose( kcontext );
                end
                """.formatted(metadata, when));
        return folder;
    }

    private List<String> problems(Path rules) {
        Throwable failed = catchThrowable(() -> BackupDoctor.builder().addRules(rules).build());
        assertThat(failed).isInstanceOf(RulesException.class);
        return ((RulesException) failed).problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void aRuleOfYourOwnProposesABuiltInActionWordedAsTheCatalogWordsIt() throws IOException {
        BackupDoctor doctor = BackupDoctor.builder().withoutBuiltInRules()
                .addRules(rule("@proposes(TRY_ANOTHER_CABLE) @kind(FIX)",
                        "PowerState( batteryPercent != null, batteryPercent < 20, $cable : cable, $batteryPercent : batteryPercent )"))
                .build();
        DeviceSnapshot snapshot = DeviceSnapshot.unknown().with(PowerState.UNKNOWN.withConnected(Answer.YES).withBatteryPercent(12));
        Action action = doctor.diagnose(snapshot).actions().get(0);
        assertThat(action.id()).isEqualTo("TRY_ANOTHER_CABLE");
        assertThat(action.rule()).isEqualTo("Charging is slow");
        assertThat(action.title()).isEqualTo("Try another cable");
        assertThat(action.reason()).isEqualTo("The iPhone is plugged in but not charging, at 12 % battery, so the cable or adapter may be faulty.");
    }

    @Test
    void anIdTheCatalogLacksIsNamed() throws IOException {
        assertThat(problems(rule("@proposes(CHARGE_IT) @kind(FIX)", "PowerState()")))
                .containsExactly(folder.resolve("own.drl") + ":5:0: rule \"Charging is slow\": @proposes(CHARGE_IT) names no entry of the catalog");
    }

    @Test
    void aKindTheEntryIsNotProposedAsIsNamedWithTheKindsItHas() throws IOException {
        assertThat(problems(rule("@proposes(TRY_ANOTHER_CABLE) @kind(TRY)", "PowerState()")))
                .containsExactly(folder.resolve("own.drl") + ":5:0: rule \"Charging is slow\": @kind(TRY) must be one of"
                        + " TRY_ANOTHER_CABLE's kinds, [FIX]");
    }

    @Test
    void aKindWithoutAnIdIsNamedToo() throws IOException {
        assertThat(problems(rule("@kind(FIX)", "PowerState()")))
                .containsExactly(folder.resolve("own.drl") + ":5:0: rule \"Charging is slow\": @proposes(null) names no entry of the catalog");
    }

    @Test
    void wordingTheRuleCannotFillInIsNamedWithWhatItNeeds() throws IOException {
        assertThat(problems(rule("@proposes(TRY_ANOTHER_CABLE) @kind(FIX)", "PowerState( $cable : cable )")))
                .containsExactly(folder.resolve("own.drl") + ":5:0: rule \"Charging is slow\": the wording of TRY_ANOTHER_CABLE as a FIX"
                        + " needs {batteryPercent}, which the rule neither binds ($batteryPercent) nor has as a property of a fact it binds");
    }

    @Test
    void aPropertyOfABoundFactFillsAPlaceholder() throws IOException {
        BackupDoctor doctor = BackupDoctor.builder().withoutBuiltInRules()
                .addRules(rule("@proposes(TRY_ANOTHER_CABLE) @kind(FIX)", "$power : PowerState( charging == Answer.NO )"))
                .build();
        DeviceSnapshot snapshot = DeviceSnapshot.unknown().with(PowerState.UNKNOWN.withCharging(Answer.NO).withBatteryPercent(40));
        assertThat(doctor.diagnose(snapshot).actions().get(0).reason()).contains("at 40 % battery");
    }
}
