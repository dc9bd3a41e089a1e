package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.allFine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.ModelFamily;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.Kind;
import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.problems.RulesException;
import dev.backupdoctor.problems.RunawayRuleException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionTest {

    static final Path EXAMPLE_RULES = Path.of("examples/rules");
    static final Path BROKEN = Path.of("src/test/resources/broken-rules");
    /** What the writer of {@code WifiStatus( conected == Answer.NO )} reads. */
    static final String NO_CONECTED = "WifiStatus has no field \"conected\"; its fields are: "
            + Stream.of(WifiStatus.class.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));

    static List<String> plan(BackupDoctor doctor, DeviceSnapshot snapshot) {
        return doctor.diagnose(snapshot).actions().stream().map(a -> a.kind() + " " + a.id()).toList();
    }

    static RulesException buildFails(BackupDoctor.Builder builder) {
        return (RulesException) org.assertj.core.api.Assertions.catchThrowable(builder::build);
    }

    @Test
    void theExampleRulesReplaceTheResetAndSuggestAnAppleCable() {
        BackupDoctor doctor = BackupDoctor.builder().addRules(EXAMPLE_RULES).build();

        assertThat(plan(doctor, allFine())).containsExactly("TRY BACK_UP_NOW",
                "TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY ASK_IT_TO_RESET_SETTINGS", "TRY FIND_APP_BREAKING_BACKUP");
        Action askIt = doctor.diagnose(allFine()).action("ASK_IT_TO_RESET_SETTINGS").orElseThrow();
        assertThat(askIt.rule()).isEqualTo("Managed iPhones: the help desk resets settings");
        assertThat(askIt.step()).isEqualTo(8);

        DeviceSnapshot thirdPartyCable = allFine().with(new PowerState(Answer.UNKNOWN, Answer.UNKNOWN, Cable.THIRD_PARTY));
        assertThat(plan(doctor, thirdPartyCable)).startsWith("CHECK CONNECT_TO_POWER", "CHECK USE_APPLE_CABLE");

        assertThat(plan(doctor, allFine().withTried("RESET_ALL_SETTINGS", "ASK_IT_TO_RESET_SETTINGS")))
                .containsExactly("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY FIND_APP_BREAKING_BACKUP");
    }

    @Test
    void aUserRuleFromTheClasspathSeesEveryBuiltInFactType() {
        BackupDoctor doctor = BackupDoctor.builder().addClasspathRules("extension-rules/com/acme").build();
        DeviceSnapshot oldIphone = allFine()
                .with(new DeviceInfo("iPhone 8", IosVersion.parse("16.7"), IosVersion.parse("16.7"), Answer.YES))
                .withTried("RESTART_IPHONE");

        Action action = doctor.diagnose(oldIphone).action("CALL_ACME_SUPPORT").orElseThrow();
        assertThat(action).isEqualTo(new Action("CALL_ACME_SUPPORT", Kind.TRY, 7, "Call Acme support",
                List.of("Call 555-0100."), "Everything looks fine on this older iPhone and a restart didn't help.",
                "Have the iPhone with you.", null, "Sees every fact type", List.of(
                        new Evidence("device.modelFamily", ModelFamily.HOME_BUTTON),
                        new Evidence("icloud.signedIn", Answer.YES),
                        new Evidence("wifi.connected", Answer.YES),
                        new Evidence("power.cable", Cable.APPLE),
                        new Evidence("storage.tooFull", Answer.NO),
                        new Evidence("service.icloudBackup", ServiceState.AVAILABLE),
                        new Evidence("tried.actionId", "RESTART_IPHONE"))));
        assertThat(plan(doctor, oldIphone))
                .containsExactly("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY CALL_ACME_SUPPORT", "TRY RESET_ALL_SETTINGS",
                        "TRY FIND_APP_BREAKING_BACKUP");
        assertThat(plan(doctor, allFine())).doesNotContain("TRY CALL_ACME_SUPPORT");
    }

    @Test
    void aBuiltInRuleCanBeSwitchedOffByName() {
        BackupDoctor doctor = BackupDoctor.builder().disableRule("Reset all settings").build();
        assertThat(plan(doctor, allFine()))
                .containsExactly("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY FIND_APP_BREAKING_BACKUP");
    }

    @Test
    void aBuiltInRuleCanBeReplaced(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("gentle-reset.drl"), """
                package com.acme.backup
                import dev.backupdoctor.plan.Action
                import dev.backupdoctor.plan.Kind
                import dev.backupdoctor.facts.*
                import dev.backupdoctor.plan.*

                rule "Reset network settings only"
                when
                    DeviceInfo()
                then
                    insert( Action.of( Kind.TRY, "RESET_ALL_SETTINGS", 8 )
                        .title( "Reset network settings" )
                        .instructions( "Open Settings.", "Tap General, then Transfer or Reset iPhone, then Reset, then Reset Network Settings." )
                        .reason( "Network settings are the ones that most often stop a backup." )
                        .build() );
                end
                """);
        BackupDoctor doctor = BackupDoctor.builder().disableRule("Reset all settings").addRules(folder).build();

        Action reset = doctor.diagnose(allFine()).action("RESET_ALL_SETTINGS").orElseThrow();
        assertThat(reset.title()).isEqualTo("Reset network settings");
        assertThat(reset.rule()).isEqualTo("Reset network settings only");
        assertThat(plan(doctor, allFine().withTried("RESET_ALL_SETTINGS")))
                .containsExactly("TRY BACK_UP_NOW", "TRY SIGN_OUT_AND_BACK_IN", "TRY RESTART_IPHONE", "TRY FIND_APP_BREAKING_BACKUP");
    }

    @Test
    void aRecentBackupLeavesOutYourChecksAndRemediesButNotYourFixes(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("acme.drl"), """
                package com.acme.backup
                import dev.backupdoctor.facts.*
                import dev.backupdoctor.plan.*

                rule "ACME: enrol the iPhone"
                when
                    DeviceInfo()
                then
                    insert( Action.of( Kind.FIX, "ENROL_IN_ACME_MDM", 1 ).title( "Enrol" ).instructions( "Enrol." )
                        .reason( "Policy." ).build() );
                end
                """);
        BackupDoctor doctor = BackupDoctor.builder().addRules(EXAMPLE_RULES).addRules(folder).build();
        DeviceSnapshot thirdPartyCable = allFine().with(new PowerState(Answer.UNKNOWN, Answer.UNKNOWN, Cable.THIRD_PARTY));
        assertThat(plan(doctor, thirdPartyCable)).contains("CHECK USE_APPLE_CABLE", "TRY ASK_IT_TO_RESET_SETTINGS");

        DeviceSnapshot recent = thirdPartyCable.with(thirdPartyCable.icloud().withLastBackupDaysAgo(1));
        assertThat(plan(doctor, recent)).containsExactly("FIX ENROL_IN_ACME_MDM");
        assertThat(doctor.explain(recent, "USE_APPLE_CABLE").reasons()).singleElement().asString()
                .contains(" proposed it as CHECK, but the last backup is recent (icloud.lastBackupDaysAgo = 1)");
    }

    @Test
    void switchingOffARuleThatDoesNotExistIsAnError() {
        assertThat(buildFails(BackupDoctor.builder().disableRule("Reset everything")).problems())
                .extracting(RuleProblem::toString)
                .containsExactly("(rules):0:0: there is no rule named \"Reset everything\" to switch off");
    }

    @Test
    void withoutTheBuiltInRulesOnlyYourOwnRun() {
        BackupDoctor doctor = BackupDoctor.builder().withoutBuiltInRules().addRules(EXAMPLE_RULES).build();
        assertThat(plan(doctor, DeviceSnapshot.unknown())).containsExactly("TRY ASK_IT_TO_RESET_SETTINGS");
    }

    @Test
    void withoutAnyRulesThereIsNothingToBuild() {
        assertThat(buildFails(BackupDoctor.builder().withoutBuiltInRules()).getMessage())
                .isEqualTo("(rules):0:0: no rules: the built-in rules are left out and none were added");
    }

    @Test
    void aSyntaxErrorPointsAtTheDrlLine() {
        assertThat(problemsOf("syntax-error.drl"))
                .containsExactly(BROKEN.resolve("syntax-error.drl") + ":9:1: mismatched input 'then' in rule \"Missing parenthesis\"");
    }

    @Test
    void anUnknownFactTypePointsAtItsName() {
        assertThat(problemsOf("unknown-type.drl"))
                .containsExactly(BROKEN.resolve("unknown-type.drl") + ":8:5: Unable to find class: WifiState");
    }

    @Test
    void anUnknownFieldPointsAtTheConstraint() {
        assertThat(problemsOf("unknown-field.drl")).containsExactly(BROKEN.resolve("unknown-field.drl")
                + ":8:17: " + NO_CONECTED);
    }

    @Test
    void anUnknownFieldOfAGetterClassListsItsProperties(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("getters.drl"), """
                package com.acme.getters
                import dev.backupdoctor.facts.*
                import java.lang.Thread

                rule "Unknown property"
                when
                    Thread( nome == "main" )
                then
                end
                """);
        List<String> problems = buildFails(BackupDoctor.builder().withoutBuiltInRules().addRules(folder))
                .problems().stream().map(RuleProblem::toString).toList();
        assertThat(problems).singleElement().asString()
                .startsWith(folder.resolve("getters.drl") + ":7:13: Thread has no field \"nome\"; its fields are: ")
                .contains(", name, ", ", daemon, ");
    }

    @Test
    void aRuleFileThatLooksForThePlansTypesAmongTheFactsIsToldWhereTheyAre(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("global.drl"), """
                package com.acme.before
                import dev.backupdoctor.facts.*
                global dev.backupdoctor.facts.PlanDraft plan
                """);
        Files.writeString(folder.resolve("remove.drl"), """
                package com.acme.before
                import dev.backupdoctor.facts.*

                rule "Ask the help desk"
                when
                    $reset : Action( id == "RESET_ALL_SETTINGS" )
                then
                    delete( $reset );
                end
                """);
        assertThat(problemsIn(folder.resolve("global.drl"))).containsExactly(folder.resolve("global.drl") + ":3:1: Unable to find"
                + " class 'dev.backupdoctor.facts.PlanDraft'; PlanDraft is in dev.backupdoctor.plan: global dev.backupdoctor.plan.PlanDraft plan");
        assertThat(problemsIn(folder.resolve("remove.drl"))).containsExactly(folder.resolve("remove.drl") + ":6:14: Unable to find"
                + " class: Action; Action is in dev.backupdoctor.plan: import dev.backupdoctor.plan.*");
    }

    private static List<String> problemsIn(Path file) {
        return buildFails(BackupDoctor.builder().addRules(file)).problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void badJavaInAnActionPointsIntoTheDrlNotTheGeneratedJava() {
        assertThat(problemsOf("bad-java.drl")).containsExactly(BROKEN.resolve("bad-java.drl")
                + ":12:30: The method bars() is undefined for the type WifiStatus");
    }

    @Test
    void everyProblemOfEveryFileIsListedAndNothingIsHalfLoaded() {
        RulesException failure = buildFails(BackupDoctor.builder()
                .addRules(BROKEN.resolve("unknown-type.drl"))
                .addRules(BROKEN.resolve("other-package/unknown-field.drl"))
                .addRules(Path.of("no/such/rules")));
        assertThat(failure.problems()).extracting(RuleProblem::toString).containsExactly(
                "no/such/rules:0:0: no such file or directory",
                BROKEN.resolve("unknown-type.drl") + ":8:5: Unable to find class: WifiState",
                BROKEN.resolve("other-package/unknown-field.drl") + ":8:17: " + NO_CONECTED);
        assertThat(failure.getMessage()).hasLineCount(3);
    }

    @Test
    void anEmptyRulesFolderIsAnError(@TempDir Path folder) {
        assertThat(buildFails(BackupDoctor.builder().addRules(folder)).getMessage())
                .isEqualTo(folder + ":0:0: contains no .drl files");
    }

    @Test
    void aMissingClasspathLocationIsAnError() {
        assertThat(buildFails(BackupDoctor.builder().addClasspathRules("com/acme/nothing-here")).getMessage())
                .isEqualTo("classpath:com/acme/nothing-here:0:0: not found on the classpath");
    }

    @Test
    void aRuleThatNeverStopsFiringIsCutOffAndNamed() {
        BackupDoctor doctor = BackupDoctor.builder().addRules(BROKEN.resolve("runaway.drl")).build();
        assertThatThrownBy(() -> doctor.diagnose(allFine()))
                .isInstanceOf(RunawayRuleException.class)
                .hasMessageStartingWith("rule \"Count forever\" was still firing after 10000 rule firings")
                .extracting(failure -> ((RunawayRuleException) failure).rule()).isEqualTo("Count forever");
    }

    static List<String> problemsOf(String fixture) {
        return buildFails(BackupDoctor.builder().withoutBuiltInRules().addRules(BROKEN.resolve(fixture)))
                .problems().stream().map(RuleProblem::toString).toList();
    }
}
