package dev.backupdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Wording;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** Every built-in rule names a catalog entry and a kind it has, and binds every placeholder of that wording. */
class ProposalsTest {

    private static final KieBase BUILT_IN = PrecompiledRules.load().orElseThrow();

    private static List<Rule> rules() {
        return BUILT_IN.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getRules().stream()).toList();
    }

    @Test
    void everyPlaceholderOfEveryBuiltInRuleIsFilled() {
        Map<String, String> problems = new Proposals(Wording.english()).check(rules());
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEntryIsProposedAsEachOfItsKindsByARule() {
        Set<String> proposed = new TreeSet<>();
        for (Rule rule : rules()) {
            if (rule.getMetaData().containsKey(Proposals.PROPOSES)) {
                proposed.add(rule.getMetaData().get(Proposals.PROPOSES) + " " + rule.getMetaData().get(Proposals.KIND));
            }
        }
        List<String> catalog = Stream.of(Remedy.values())
                .flatMap(remedy -> remedy.kinds().stream().map(kind -> remedy.id() + " " + kind)).sorted().toList();
        assertThat(proposed).containsExactlyElementsOf(catalog);
    }

    @Test
    void aRuleWithoutMetadataIsNoProposal() {
        assertThat(rules()).filteredOn(rule -> rule.getName().equals("Skip remedies already tried"))
                .singleElement().satisfies(rule -> assertThat(rule.getMetaData()).doesNotContainKeys(Proposals.PROPOSES, Proposals.KIND));
        assertThat(new Proposals(Wording.english()).check(rules())).doesNotContainKey("Skip remedies already tried");
    }
}
