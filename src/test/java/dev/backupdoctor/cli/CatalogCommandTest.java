package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.catalog.Remedy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog} lists the actions the rules can suggest; an unknown command or an action id no rule
 * suggests gets "did you mean", and {@code explain} refuses such an id.
 */
class CatalogCommandTest {

    private static final String SNAPSHOT = "examples/snapshots/weak-wifi-iphone-8.json";
    private static final String OWN_RULES = "examples/rules";

    @Test
    void theCatalogListsEveryBuiltInActionInOrderWithItsKindsStepAndTitle() {
        Run run = Run.of("", "catalog");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(Remedy.values().length + 1);
        // The id column is as wide as the longest id, and two spaces more.
        String id = "%-" + (Stream.of(Remedy.values()).mapToInt(remedy -> remedy.id().length()).max().orElseThrow() + 2) + "s";
        assertThat(lines.get(0)).isEqualTo(id.formatted("id") + "kinds       step  title");
        assertThat(lines.get(1)).isEqualTo(id.formatted("ALLOW_ICLOUD_BACKUP") + "FIX         1     Allow iCloud Backup");
        assertThat(lines.get(2)).isEqualTo(id.formatted("TURN_ON_ICLOUD_BACKUP") + "FIX, CHECK  1     Turn on iCloud Backup");
        assertThat(lines).contains(id.formatted("SIGN_OUT_AND_BACK_IN") + "FIX, TRY    6     Sign in again, or sign out of iCloud and back in",
                id.formatted("CHECK_SYSTEM_STATUS") + "CHECK       5     Check Apple's System Status page");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(id.formatted("BACK_UP_WITH_COMPUTER") + "TRY         -     Back up with a computer instead");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactlyElementsOf(Stream.of(Remedy.values()).map(Remedy::id).toList());
    }

    @Test
    void yourOwnRulesActionsFollowInIdOrderAsJsonToo() throws Exception {
        Run run = Run.of("", "catalog", "--rules", OWN_RULES, "--format", "json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).endsWith("]}\n").hasLineCount(1);
        List<JsonNode> actions = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("actions").forEach(actions::add);
        assertThat(actions).hasSize(Remedy.values().length + 2);
        assertThat(actions.get(1).toString())
                .isEqualTo("{\"id\":\"TURN_ON_ICLOUD_BACKUP\",\"kinds\":[\"FIX\",\"CHECK\"],\"step\":1,\"title\":\"Turn on iCloud Backup\"}");
        assertThat(actions.get(Remedy.values().length - 1).toString())
                .isEqualTo("{\"id\":\"BACK_UP_WITH_COMPUTER\",\"kinds\":[\"TRY\"],\"step\":null,\"title\":\"Back up with a computer instead\"}");
        assertThat(actions.subList(Remedy.values().length, actions.size())).extracting(JsonNode::toString).containsExactly(
                "{\"id\":\"ASK_IT_TO_RESET_SETTINGS\",\"kinds\":[\"TRY\"],\"step\":8,\"title\":\"Ask the IT help desk to reset the iPhone's settings\"}",
                "{\"id\":\"USE_APPLE_CABLE\",\"kinds\":[\"CHECK\"],\"step\":3,\"title\":\"Charge with an Apple cable\"}");
    }

    @Test
    void aMissingRulesFolderIsBadUsage() {
        assertThat(Run.of("", "catalog", "--rules", "no-such-rules")).isEqualTo(new Run(2, "", "--rules no-such-rules: no such folder\n"));
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        assertThat(Run.of("", "diagnos", SNAPSHOT))
                .isEqualTo(new Run(2, "", "Unknown command 'diagnos'; did you mean 'diagnose'? (see 'Main --help')\n"));
        assertThat(Run.of("", "catalgo"))
                .isEqualTo(new Run(2, "", "Unknown command 'catalgo'; did you mean 'catalog'? (see 'Main --help')\n"));
        assertThat(Run.of("", "--frobnicate").err()).startsWith("Unknown option: '--frobnicate'");
    }

    @Test
    void explainRefusesAnActionNoRuleSuggestsAndSaysWhichItMayMean() {
        assertThat(Run.of("", "explain", SNAPSHOT, "RESTART_IPONE")).isEqualTo(new Run(2, "",
                "ACTION_ID RESTART_IPONE is not an action any loaded rule suggests; did you mean RESTART_IPHONE? ('catalog' lists them all)\n"));
        assertThat(Run.of("", "explain", SNAPSHOT, "FIX_EVERYTHING")).isEqualTo(new Run(2, "",
                "ACTION_ID FIX_EVERYTHING is not an action any loaded rule suggests ('catalog' lists them all)\n"));
    }

    @Test
    void explainKnowsTheActionsOfYourOwnRules() {
        Run own = Run.of("", "explain", SNAPSHOT, "USE_APPLE_CABLE", "--rules", OWN_RULES);
        Run typo = Run.of("", "explain", SNAPSHOT, "USE_APPLE_CABL", "--rules", OWN_RULES);
        Run withoutThem = Run.of("", "explain", SNAPSHOT, "USE_APPLE_CABLE");

        assertThat(own.status()).as(own.err()).isZero();
        assertThat(own.out()).startsWith("rule \"Suggest an Apple cable while charging is unknown\"");
        assertThat(typo).isEqualTo(new Run(2, "", "ACTION_ID USE_APPLE_CABL is not an action any loaded rule suggests;"
                + " did you mean USE_APPLE_CABLE? ('catalog' lists them all)\n"));
        assertThat(withoutThem.status()).isEqualTo(2);
    }
}
