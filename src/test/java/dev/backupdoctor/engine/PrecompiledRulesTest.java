package dev.backupdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.problems.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        Knowledge compiledNow = new Knowledge(RuleCompiler.compile(builtIn, Set.of()), () -> builtIn, true, null, Wording.english());
        Knowledge precompiled = Knowledge.load(true, List.of(), getClass().getClassLoader(), List.of(), Set.of(), null, Locale.ROOT);
        for (DeviceSnapshot snapshot : RandomSnapshots.generate(7, 20_000)) {
            assertThat(precompiled.plan(snapshot)).isEqualTo(compiledNow.plan(snapshot));
        }
    }

    @Test
    void switchingOffABuiltInRuleWorksOnThePrecompiledRules() {
        Knowledge switchedOff = Knowledge.load(true, List.of(), getClass().getClassLoader(), List.of(), Set.of("Reset all settings"), null, Locale.ROOT);
        assertThat(ids(switchedOff.plan(DeviceSnapshot.unknown()))).contains("RESTART_IPHONE").doesNotContain("RESET_ALL_SETTINGS");
        Knowledge builtIn = Knowledge.load(true, List.of(), getClass().getClassLoader(), List.of(), Set.of(), null, Locale.ROOT);
        assertThat(ids(builtIn.plan(DeviceSnapshot.unknown()))).contains("RESET_ALL_SETTINGS");
    }

    private static List<String> ids(List<Action> plan) {
        return plan.stream().map(Action::id).toList();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
