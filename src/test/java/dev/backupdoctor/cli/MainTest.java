package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Plans;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {

    /** Compiling the rules takes seconds: one doctor for every run without {@code --rules}. */
    private static final BackupDoctor DOCTOR = Run.DOCTOR;
    private static final Path EXAMPLES = Path.of("examples/snapshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static Run run(String stdin, String... args) {
        return Run.of(stdin, args);
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(EXAMPLES).filter(file -> file.toString().endsWith(".json")).sorted();
    }

    @Test
    void aDiagnosingCommandWithoutRulesTakesTheDoctorBuiltAheadEveryTimeItAsks() {
        Function<List<Path>, BackupDoctor> doctors = Main.builtInRulesAhead(new String[] {"diagnose", "phone.json"});

        BackupDoctor doctor = doctors.apply(List.of());

        assertThat(doctors.apply(List.of())).isSameAs(doctor);
        assertThat(doctor.catalog()).isEqualTo(DOCTOR.catalog());
    }

    @Test
    void withRulesOrForAnotherCommandEachAskBuildsItsOwnDoctor() {
        for (String[] args : List.of(new String[] {"diagnose", "--rules", "rules", "phone.json"}, new String[] {"import", "mdm.json"},
                new String[] {"serve", "--port", "0"}, new String[0])) {
            Function<List<Path>, BackupDoctor> doctors = Main.builtInRulesAhead(args);

            assertThat(doctors.apply(List.of())).as(String.join(" ", args)).isNotSameAs(doctors.apply(List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void jsonOutputIsTheLibrarysPlanForEveryBundledExample(Path example) throws IOException {
        Run run = run("", "diagnose", "--format", "json", example.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        Diagnosis expected = DOCTOR.diagnose(new SnapshotReader().read(Files.readAllBytes(example)));
        assertThat(JSON.readTree(run.out())).isEqualTo(planJson(expected));
    }

    @Test
    void bundledExamplesCoverTheTypicalFailures() throws IOException {
        assertThat(examples().map(path -> path.getFileName().toString())).contains(
                "backup-switched-off.json", "icloud-full-app-backups.json", "icloud-full-nothing-to-delete.json",
                "apple-outage.json", "weak-wifi-iphone-8.json", "all-fine-still-failing.json");
        assertThat(plan("backup-switched-off.json").actionIds()).startsWith("TURN_ON_ICLOUD_BACKUP");
        assertThat(plan("icloud-full-app-backups.json").actionIds()).startsWith("FREE_UP_ICLOUD_STORAGE", "UPGRADE_ICLOUD_STORAGE");
        assertThat(plan("icloud-full-nothing-to-delete.json").actionIds()).startsWith("UPGRADE_ICLOUD_STORAGE")
                .doesNotContain("FREE_UP_ICLOUD_STORAGE");
        assertThat(plan("apple-outage.json").actionIds()).containsExactly("WAIT_FOR_ICLOUD_SERVICE", "BACK_UP_WITH_COMPUTER");
        assertThat(plan("weak-wifi-iphone-8.json").actionIds()).startsWith("MOVE_CLOSER_TO_ROUTER");
        assertThat(plan("all-fine-still-failing.json").healthy()).isTrue();
        assertThat(plan("managed-profile-blocks-backup.json").actionIds()).startsWith("ALLOW_ICLOUD_BACKUP", "TURN_ON_ICLOUD_BACKUP");
        Diagnosis cellular = plan("cellular-5g-dead-wifi.json");
        assertThat(cellular.actionIds()).startsWith("CONNECT_TO_WIFI", "TURN_ON_CELLULAR_BACKUP");
        assertThat(cellular.action("TURN_ON_CELLULAR_BACKUP").orElseThrow().alternativeTo()).isEqualTo("CONNECT_TO_WIFI");
        assertThat(plan("personal-hotspot-low-data-mode.json").actionIds()).startsWith("TURN_OFF_LOW_DATA_MODE", "BACK_UP_NOW");
        Diagnosis oldIpad = plan("old-ipad-backup-fills-icloud.json");
        assertThat(oldIpad.actionIds()).startsWith("DELETE_OLD_DEVICE_BACKUPS", "UPGRADE_ICLOUD_STORAGE")
                .doesNotContain("FREE_UP_ICLOUD_STORAGE");
        assertThat(oldIpad.action("DELETE_OLD_DEVICE_BACKUPS").orElseThrow().instructions())
                .anyMatch(line -> line.startsWith("Tap Old iPad")).noneMatch(line -> line.startsWith("Tap iPhone 8"));
        assertThat(plan("unverified-apple-account-email.json").actionIds()).startsWith("VERIFY_ACCOUNT_EMAIL", "BACK_UP_NOW");
        Diagnosis heldAt80 = plan("battery-held-at-80.json");
        assertThat(heldAt80.healthy()).as("not charging at 80 % is normal").isTrue();
        assertThat(heldAt80.actionIds()).doesNotContain("TRY_ANOTHER_CABLE", "CONNECT_TO_POWER");
    }

    @Test
    void everyBundledExampleIsListedInTheExamplesReadme() throws IOException {
        String readme = Files.readString(Path.of("examples/README.md"));
        assertThat(examples()).allSatisfy(example ->
                assertThat(readme).contains("| `" + example.getFileName() + "` |"));
    }

    /** The plans shown in examples/README.md are what {@code diagnose} prints today. */
    @Test
    void thePlansShownInTheExamplesReadmeAreCurrent() throws IOException {
        String readme = Files.readString(Path.of("examples/README.md"));
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("(?m)^### `([^`]+)`\n\n```\n(.*?)```\n", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        int checked = 0;
        while (shown.find()) {
            Run run = run("", "diagnose", EXAMPLES.resolve(shown.group(1)).toString());
            assertThat(run.status()).as(shown.group(1)).isZero();
            assertThat(run.out()).as(shown.group(1)).isEqualTo(shown.group(2));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    private static Diagnosis plan(String example) throws IOException {
        return DOCTOR.diagnose(new SnapshotReader().read(Files.readAllBytes(EXAMPLES.resolve(example))));
    }

    @Test
    void textOutputIsANumberedPlanReadFromStandardInput() throws IOException {
        Run run = run(Files.readString(EXAMPLES.resolve("backup-switched-off.json")), "diagnose", "-");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\n1. [FIX] Turn on iCloud Backup\n   1) Open Settings.\n")
                .contains("   Why: iCloud Backup is switched off")
                .contains("\n2. [TRY] ")
                .contains("   Careful: ")
                .doesNotContain("\u001b[");
    }

    @Test
    void anAlternativeFollowsTheActionItReplacesNumberedAsTheOtherWayToDoIt() {
        Diagnosis plan = Plans.of(List.of(
                Plans.action("TURN_ON_ICLOUD_BACKUP", Kind.FIX, 1, "Turn on iCloud Backup", null, null),
                Plans.action("CONNECT_TO_WIFI", Kind.FIX, 2, "Connect to Wi-Fi", null, null),
                Plans.action("TURN_ON_CELLULAR_BACKUP", Kind.FIX, 2, "Turn on Back Up Over Cellular",
                        "The carrier may not offer it.", "CONNECT_TO_WIFI"),
                Plans.action("DELETE_OLD_DEVICE_BACKUPS", Kind.FIX, 4, "Delete old device backups", null, null),
                Plans.action("UPGRADE_ICLOUD_STORAGE", Kind.FIX, 4, "Upgrade iCloud storage", null, "DELETE_OLD_DEVICE_BACKUPS"),
                Plans.action("RESTART_IPHONE", Kind.TRY, 7, "Restart the iPhone", null, null)));

        String text = new PlanText(false, true).render(plan);

        assertThat(text).isEqualTo("""
                Found 3 things to fix. Work through the plan in order:

                1. [FIX] Turn on iCloud Backup
                   1) Open Settings.
                   2) Tap Turn on iCloud Backup.
                   Why: Because turn on icloud backup helps.
                   Rule: "rule for TURN_ON_ICLOUD_BACKUP"

                2. [FIX] Connect to Wi-Fi
                   1) Open Settings.
                   2) Tap Connect to Wi-Fi.
                   Why: Because connect to wi-fi helps.
                   Rule: "rule for CONNECT_TO_WIFI"
                   or instead: 2b. [FIX] Turn on Back Up Over Cellular
                      1) Open Settings.
                      2) Tap Turn on Back Up Over Cellular.
                      Why: Because turn on back up over cellular helps.
                      Rule: "rule for TURN_ON_CELLULAR_BACKUP"
                      Careful: The carrier may not offer it.

                3. [FIX] Delete old device backups
                   1) Open Settings.
                   2) Tap Delete old device backups.
                   Why: Because delete old device backups helps.
                   Rule: "rule for DELETE_OLD_DEVICE_BACKUPS"
                   or instead: 3b. [FIX] Upgrade iCloud storage
                      1) Open Settings.
                      2) Tap Upgrade iCloud storage.
                      Why: Because upgrade icloud storage helps.
                      Rule: "rule for UPGRADE_ICLOUD_STORAGE"

                If that doesn't fix it, try these in order:

                4. [TRY] Restart the iPhone
                   1) Open Settings.
                   2) Tap Restart the iPhone.
                   Why: Because restart the iphone helps.
                   Rule: "rule for RESTART_IPHONE"
                """);
    }

    @Test
    void anAlternativeToWhatIsNotAStepOfThePlanIsAStepOfItsOwn() {
        Diagnosis plan = Plans.of(List.of(
                Plans.action("FREE_UP_ICLOUD_STORAGE", Kind.FIX, 4, "Free up iCloud storage", null, null),
                Plans.action("UPGRADE_ICLOUD_STORAGE", Kind.FIX, 4, "Upgrade iCloud storage", null, "FREE_UP_ICLOUD_STORAGE"),
                Plans.action("TURN_ON_CELLULAR_BACKUP", Kind.FIX, 2, "Turn on Back Up Over Cellular", null, "UPGRADE_ICLOUD_STORAGE"),
                Plans.action("SIGN_IN_TO_ICLOUD", Kind.FIX, 6, "Sign in to iCloud", null, "CONNECT_TO_WIFI"),
                Plans.action("LOCK_IPHONE", Kind.FIX, 1, "Lock the iPhone", null, "LOCK_IPHONE")));

        String text = new PlanText(false, false).render(plan);

        assertThat(text).startsWith("Found 4 things to fix.")
                .contains("\n1. [FIX] Free up iCloud storage\n")
                .contains("   or instead: 1b. [FIX] Upgrade iCloud storage\n      1) Open Settings.\n")
                .contains("\n2. [FIX] Turn on Back Up Over Cellular\n")
                .contains("\n3. [FIX] Sign in to iCloud\n")
                .contains("\n4. [FIX] Lock the iPhone\n")
                .doesNotContain("5.", "1c.");
    }

    @Test
    void theJsonPlanNamesWhatAnAlternativeReplaces() throws IOException {
        Diagnosis plan = Plans.of(List.of(
                Plans.action("CONNECT_TO_WIFI", Kind.FIX, 2, "Connect to Wi-Fi", null, null),
                Plans.action("TURN_ON_CELLULAR_BACKUP", Kind.FIX, 2, "Turn on Back Up Over Cellular", null, "CONNECT_TO_WIFI")));

        JsonNode json = JSON.readTree(new PlanWriter().toJson(plan));

        assertThat(json).isEqualTo(planJson(plan));
        assertThat(json.at("/actions/0/alternativeTo").isNull()).isTrue();
        assertThat(json.at("/actions/1/alternativeTo").asText()).isEqualTo("CONNECT_TO_WIFI");
    }

    @Test
    void aHealthyDeviceIsToldPlainly() {
        Run run = run("", "diagnose", EXAMPLES.resolve("all-fine-still-failing.json").toString());

        assertThat(run.out()).startsWith(
                "Nothing is visibly wrong: iCloud Backup should work. If it still fails, try these in order:\n\n1. [TRY] ");
    }

    @Test
    void aRecentBackupWithNothingToFixIsToldItWorks() {
        assertThat(run("{\"icloud\": {\"lastBackupDaysAgo\": 0}}", "diagnose").out())
                .isEqualTo("The last backup went through less than a day ago: iCloud Backup works, and nothing stands in the way of the next one.\n");
        assertThat(run("{\"icloud\": {\"lastBackupDaysAgo\": 1}}", "diagnose").out())
                .isEqualTo("The last backup went through 1 day ago: iCloud Backup works, and nothing stands in the way of the next one.\n");
        assertThat(run("{\"icloud\": {\"lastBackupDaysAgo\": 30, \"backupMessage\": \"COMPLETED\"}}", "diagnose").out())
                .isEqualTo("Back Up Now finished a backup: iCloud Backup works, and nothing stands in the way of the next one.\n");
    }

    @Test
    void aStaleBackupWithNothingElseWrongIsNotToldAllIsWell() {
        Diagnosis stale = Plans.of(null, List.of(Plans.action("BACK_UP_WITH_COMPUTER", Kind.TRY, null, "Back up with a computer", null, null)), 23);

        assertThat(new PlanText(false, false).render(stale)).startsWith(
                "Nothing is visibly wrong, but the iPhone hasn't backed up to iCloud for 23 days. Try these in order:\n\n1. [TRY] ");
    }

    @Test
    void invalidInputExitsTwoWithThePathOnStandardErrorAndNothingOnStandardOutput() {
        // A wrong value, not an unknown field: that message lists the section's fields, which grow.
        Run run = run("{\"wifi\": {\"signalBars\": \"2\"}}", "diagnose", "--format", "json");

        assertThat(run).isEqualTo(new Run(2, "",
                "$.wifi.signalBars: must be a whole number between 0 and 3, was \"2\"\n"));
    }

    @Test
    void aMissingFileOrAFolderExitsTwo() {
        assertThat(run("", "diagnose", temp.resolve("nope.json").toString()))
                .isEqualTo(new Run(2, "", temp.resolve("nope.json") + ": no such file\n"));
        assertThat(run("", "diagnose", temp.toString()))
                .isEqualTo(new Run(2, "", temp + ": is a folder, not a snapshot file\n"));
        assertThat(run("", "batch", temp.toString()))
                .isEqualTo(new Run(2, "", temp + ": is a folder, not a JSON Lines file\n"));
    }

    @Test
    void anOversizeFileIsRejectedWithItsSize() throws IOException {
        Path big = temp.resolve("big.json");
        Files.write(big, new byte[SnapshotReader.MAX_BYTES + 10]);

        assertThat(run("", "diagnose", big.toString()))
                .isEqualTo(new Run(2, "", "$: snapshot is 1048586 bytes, the limit is 1048576\n"));
    }

    @Test
    void badUsageExitsTwoWithOneMessage() {
        Run unknownFormat = run("{}", "diagnose", "--format", "xml");
        Run noCommand = run("{}");
        Run unknownCommand = run("{}", "fix");

        assertThat(unknownFormat.status()).isEqualTo(2);
        assertThat(unknownFormat.out()).isEmpty();
        assertThat(unknownFormat.err()).isEqualTo("Invalid value for option '--format': expected one of [text, json] "
                + "(case-insensitive) but was 'xml' (see 'Main diagnose --help')\n");
        assertThat(noCommand).isEqualTo(new Run(2, "", "Missing command: diagnose, batch, report, explain, consult, import, catalog, serve or mcp"
                + " (see 'Main --help')\n"));
        assertThat(unknownCommand).isEqualTo(new Run(2, "", "Unknown command 'fix'; the commands are diagnose, batch, report, explain,"
                + " consult, import, catalog, serve or mcp (see 'Main --help')\n"));
    }

    @Test
    void formatValuesAreTakenInAnyCase() {
        String example = EXAMPLES.resolve("weak-wifi-iphone-8.json").toString();
        Run json = run("", "diagnose", "--format", "json", example);
        Run fleet = run("{}\n", "report", "--format", "json");

        assertThat(run("", "diagnose", "--format", "JSON", example)).isEqualTo(json);
        assertThat(run("", "diagnose", "--format", "Json", example)).isEqualTo(json);
        assertThat(run("", "diagnose", "--format", "TEXT", example)).isEqualTo(run("", "diagnose", example));
        assertThat(run("{}\n", "report", "--format", "JSON")).isEqualTo(fleet);
        assertThat(run("{}\n", "report", "--format", "HTML")).isEqualTo(run("{}\n", "report", "--format", "html"));
        assertThat(json.status()).isZero();
        assertThat(fleet.status()).isZero();
    }

    @Test
    void helpAndVersionGoToStandardOutput() {
        Run help = run("", "diagnose", "--help");
        Run version = run("", "--version");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--format", "--rules", "FILE");
        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("backup-doctor \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void aMissingRulesFolderExitsTwo() {
        Path missing = temp.resolve("no-rules");

        assertThat(run("{}", "diagnose", "--rules", missing.toString()))
                .isEqualTo(new Run(2, "", "--rules " + missing + ": no such folder\n"));
    }

    @Test
    void brokenRulesExitTwoListingFileLineAndColumn() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package acme\n\nrule \"broken\"\nwhen\n    NoSuchFact( )\nthen\nend\n");

        Run run = run("{}", "batch", "--rules", rules.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(rules.resolve("broken.drl")
                + ":5:5: Unable to find class: NoSuchFact\n");
    }

    @Test
    void extraRulesFromAFolderRunToo() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules/nested"));
        Files.writeString(rules.resolve("extra.drl"), """
                package acme
                import dev.backupdoctor.plan.Action
                import dev.backupdoctor.plan.Kind
                import dev.backupdoctor.facts.*
                import dev.backupdoctor.plan.*
                rule "Check the clock"
                when
                    DeviceInfo( )
                then
                    insert( Action.of( Kind.CHECK, "CHECK_THE_CLOCK", 1 ).title( "Check the clock" )
                        .instructions( "Open Settings." ).reason( "A wrong clock breaks sign-in." ).build() );
                end
                """);

        Run run = run("{}", "diagnose", "--format", "json", "--rules", temp.resolve("rules").toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"id\":\"CHECK_THE_CLOCK\"");
    }

    @Test
    void batchWritesOneLinePerNonBlankLineInOrderAndExitsTwoIfAnyWasInvalid() throws IOException {
        String input = "{}\n\n{\"wifi\": {\"signalBars\": 7}}\n   \n"
                + Files.readString(EXAMPLES.resolve("apple-outage.json")).replace("\n", " ") + "\r\nnot json";

        Run run = run(input, "batch");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).as("how many, and the first")
                .isEqualTo("2 of 4 lines were invalid; the first, line 3: $.wifi.signalBars: must be between 0 and 3, was 7\n");
        List<JsonNode> lines = jsonLines(run.out());
        assertThat(lines).extracting(line -> line.get("line").asInt()).containsExactly(1, 3, 5, 6);
        assertThat(lines.get(0).get("healthy").asBoolean()).isFalse();
        assertThat(lines.get(1).get("error").asText()).isEqualTo("$.wifi.signalBars: must be between 0 and 3, was 7");
        assertThat(lines.get(2).get("actions")).hasSize(2);
        assertThat(lines.get(3).get("error").asText()).isEqualTo("$: malformed JSON at line 1, column 1: 'not' is not "
                + "a value (a string in double quotes, a number, an object, an array, true, false or null)");
    }

    @Test
    void batchOfOnlyValidLinesExitsZero() throws IOException {
        Run run = run("{}\n{\"wifi\": {\"connected\": false}}\n", "batch", "-");

        assertThat(run.status()).isZero();
        assertThat(jsonLines(run.out())).hasSize(2);
    }

    @Test
    void aLineOverTheSnapshotLimitBecomesAnErrorLine() throws IOException {
        String longLine = "{\"device\": {\"model\": \"" + "x".repeat(SnapshotReader.MAX_BYTES) + "\"}}";

        Run run = run("{}\n" + longLine + "\n{}\n", "batch");

        assertThat(run.status()).isEqualTo(2);
        assertThat(jsonLines(run.out())).extracting(line -> line.path("error").asText(""))
                .containsExactly("", "$: snapshot is " + (SnapshotReader.MAX_BYTES + 25) + " bytes, the limit is 1048576", "");
        assertThat(run.err()).isEqualTo("1 of 3 lines was invalid: line 2: $: snapshot is " + (SnapshotReader.MAX_BYTES + 25)
                + " bytes, the limit is 1048576\n");
    }

    /** The bundled fleet is data, written once by an earlier generator: its README says where its blank and invalid lines are. */
    @Test
    void theBundledFleetHasTheBlankAndInvalidLinesItsReadmeLists() throws IOException {
        Path fleet = EXAMPLES.resolve("fleet.jsonl");
        List<String> content = Files.readAllLines(fleet);
        String readme = Files.readString(Path.of("examples/README.md"));
        List<String> expected = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| `(.+)` \\| `(.+)` \\|$").matcher(readme);
        while (row.find()) {
            int line = Integer.parseInt(row.group(1));
            assertThat(content.get(line - 1)).as("line %d", line).isEqualTo(row.group(2));
            expected.add(line + " " + row.group(3));
        }
        List<String> blank = new ArrayList<>();
        for (int line = 1; line <= content.size(); line++) {
            if (content.get(line - 1).isBlank()) {
                blank.add(String.valueOf(line));
            }
        }
        assertThat(content).hasSize(3000);
        assertThat(readme).contains("Lines " + String.join(", ", blank.subList(0, blank.size() - 1)) + " and "
                + blank.get(blank.size() - 1) + " are blank");

        Run run = run("", "batch", fleet.toString());

        assertThat(run.status()).isEqualTo(2);
        List<JsonNode> lines = jsonLines(run.out());
        assertThat(lines).hasSize(content.size() - blank.size());
        List<String> errors = new ArrayList<>();
        for (JsonNode line : lines) {
            if (line.has("error")) {
                errors.add(line.get("line").asInt() + " " + line.get("error").asText());
            }
        }
        assertThat(errors).hasSize(6).containsExactlyElementsOf(expected);
        assertThat(run.err()).isEqualTo(expected.size() + " of " + lines.size() + " lines were invalid; the first, line "
                + expected.get(0).replaceFirst(" ", ": ") + "\n");
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The JSON plan as docs/command-line.md describes it, built field by field from the library's plan rather than by the writer under test. */
    private static JsonNode planJson(Diagnosis diagnosis) {
        var plan = JSON.createObjectNode().put("id", diagnosis.id()).put("healthy", diagnosis.healthy());
        var actions = plan.putArray("actions");
        for (Action action : diagnosis.actions()) {
            var json = actions.addObject().put("id", action.id()).put("kind", action.kind().name()).put("step", action.step())
                    .put("title", action.title());
            action.instructions().forEach(json.putArray("instructions")::add);
            json.put("reason", action.reason()).put("caution", action.caution()).put("alternativeTo", action.alternativeTo())
                    .put("rule", action.rule());
            var because = json.putArray("because");
            for (Evidence evidence : action.because()) {
                var fact = because.addObject().put("field", evidence.field());
                // JSON's own types where the value has one: booleans, and integers of either width.
                if (evidence.value() instanceof Boolean bool) {
                    fact.put("value", bool);
                } else if (evidence.value() instanceof Integer || evidence.value() instanceof Long) {
                    fact.put("value", ((Number) evidence.value()).longValue());
                } else {
                    fact.put("value", evidence.value() == null ? null : evidence.value().toString());
                }
            }
        }
        // Read back as the command's output is: a number then becomes the narrowest node that holds it.
        try {
            return JSON.readTree(plan.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
