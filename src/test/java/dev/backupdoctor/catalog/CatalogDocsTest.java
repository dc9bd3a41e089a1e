package dev.backupdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/knowledge-sources.md walks through the catalog row by row: its rows follow {@link Remedy}. */
class CatalogDocsTest {

    /** {@code ### 12. DELETE_OLD_DEVICE_BACKUPS (step 4)} or {@code ### 24. FIND_APP_BREAKING_BACKUP (no step)}. */
    /** A row of the policy table: id, minutes, why, after a recent backup, after a Back Up Now message, answered no. */
    private static final Pattern POLICY = Pattern.compile(
            "(?m)^\\| ([A-Z0-9_]+) \\| (\\d+) \\| [^|]+ \\| (FIX stays|FIX goes|no FIX) \\| ([^|]+) \\|");
    private static final Pattern ROW = Pattern.compile("(?m)^### (\\d+)\\. ([A-Z0-9_]+) \\((?:step (\\d)|no step)\\)$");

    @Test
    void theKnowledgeSourcesListTheCatalogInOrderWithItsSteps() throws IOException {
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/knowledge-sources.md")));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + ". " + row.group(2) + " " + (row.group(3) == null ? "-" : row.group(3)));
        }
        Remedy[] catalog = Remedy.values();
        List<String> expected = Stream.of(catalog)
                .map(remedy -> (remedy.ordinal() + 1) + ". " + remedy.id() + " " + (remedy.step() == null ? "-" : remedy.step()))
                .toList();
        assertThat(documented).containsExactlyElementsOf(expected);
    }

    @Test
    void thePolicyTableStatesEachEntrysMinutesAndWhatARecentBackupAndAMessageDo() throws IOException {
        Matcher row = POLICY.matcher(Files.readString(Path.of("docs/knowledge-sources.md")));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + ", " + row.group(4));
        }
        List<String> expected = Stream.of(Remedy.values())
                .map(remedy -> remedy.id() + " " + remedy.minutes() + " " + switch (remedy.afterRecentBackup()) {
                    case FIX_STAYS -> "FIX stays";
                    case FIX_GOES -> "FIX goes";
                    case NO_FIX -> "no FIX";
                } + ", " + afterMessage(remedy.afterMessage()))
                .toList();
        assertThat(documented).containsExactlyElementsOf(expected);
    }

    private static String afterMessage(Remedy.AfterMessage policy) {
        if (policy.leftOutByAny()) {
            return "left out by any";
        }
        return policy.shownBy().isEmpty() ? "—" : policy.kind() + " on " + policy.shownBy().stream().map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
