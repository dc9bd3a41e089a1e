package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.facts.DeviceSnapshot;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.base.util.Drools;
import org.junit.jupiter.api.Test;

class PrecompiledRulesTest {

    @Test
    void theBuildPrecompilesTheBuiltInRules() throws Exception {
        try (InputStream list = PrecompiledRules.class.getClassLoader().getResourceAsStream(PrecompiledRules.MODEL_LIST)) {
            assertThat(list).as("the kie-maven-plugin's model list").isNotNull();
            assertThat(PrecompiledRules.modelClassNames(list)).isNotEmpty();
        }
        assertThat(PrecompiledRules.load()).isPresent();
    }

    @Test
    void modelsOfAnotherDroolsVersionAreNotUsed() throws Exception {
        String current = "Drools-Model-Version:" + Drools.getFullVersion() + "\ndev.backupdoctor.rules.Rules1\n";
        String other = "Drools-Model-Version:7.74.1.Final\ndev.backupdoctor.rules.Rules1\n";
        assertThat(PrecompiledRules.modelClassNames(stream(current))).containsExactly("dev.backupdoctor.rules.Rules1");
        assertThat(PrecompiledRules.modelClassNames(stream(other))).isEmpty();
    }

    @Test
    void precompiledRulesPlanExactlyWhatTheDrlCompiledAtRunTimePlansWithActionsAsFacts() {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSource> builtIn = RuleFiles.fromClasspath(getClass().getClassLoader(), RuleFiles.BUILT_IN, problems);
        assertThat(problems).isEmpty();
        BackupDoctor compiledNow = new BackupDoctor(RuleCompiler.compile(builtIn, Set.of()), () -> builtIn, true);
        BackupDoctor precompiled = BackupDoctor.create();
        for (DeviceSnapshot snapshot : RandomSnapshots.generate(7, 20_000)) {
            assertThat(precompiled.diagnose(snapshot)).isEqualTo(compiledNow.diagnose(snapshot));
        }
    }

    @Test
    void switchingOffABuiltInRuleWorksOnThePrecompiledRules() {
        BackupDoctor doctor = BackupDoctor.builder().disableRule("Reset all settings").build();
        assertThat(doctor.diagnose(DeviceSnapshot.unknown()).actionIds())
                .contains("RESTART_IPHONE").doesNotContain("RESET_ALL_SETTINGS");
        assertThat(BackupDoctor.create().diagnose(DeviceSnapshot.unknown()).actionIds()).contains("RESET_ALL_SETTINGS");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
