package dev.backupdoctor.cli;

import static dev.backupdoctor.support.RuleLines.ruleLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    private static final Path EXAMPLES = Path.of("examples/snapshots");

    private static Run run(String stdin, String... args) {
        return Run.of(stdin, args);
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
    void theJsonPlanCarriesWhatExplainShowsWithOrWithoutIt() throws IOException {
        String example = EXAMPLES.resolve("weak-wifi-iphone-8.json").toString();
        Run json = run("", "diagnose", "--format", "json", example);

        assertThat(run("", "diagnose", "--format", "json", "--explain", example)).isEqualTo(json);
        JsonNode weakWifi = new ObjectMapper().readTree(json.out()).get("actions").get(0);
        assertThat(weakWifi.get("id").asText()).isEqualTo("MOVE_CLOSER_TO_ROUTER");
        assertThat(weakWifi.get("rule").asText()).isEqualTo("Wi-Fi signal is weak");
        assertThat(weakWifi.get("because").toString())
                .isEqualTo("[{\"field\":\"wifi.connected\",\"value\":\"YES\"},{\"field\":\"wifi.weakSignal\",\"value\":\"YES\"}]");
        assertThat(run("", "diagnose", "--help").out().replaceAll("\\s+", " ")).contains("the JSON plan always carries them");
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
}
