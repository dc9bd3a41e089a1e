package dev.backupdoctor.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.cli.Run;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --from} and {@code report --from}: inventories read directly give what importing
 * them first would, with each line numbered by its record's position across all inputs.
 */
class InventoryBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = Instant.parse("2026-11-26T00:00:00Z");
    /** More records than one chunk of the pipeline holds, so several workers take part. */
    private static final int RECORDS = 600;

    @TempDir
    Path temp;

    /**
     * {@link #RECORDS} responses, named by position: every 37th an iPad (skipped), the 101st and 450th
     * unreadable, the others iPhones whose facts vary with their position.
     */
    private Path mdmFolder() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("mdm"));
        String[] models = {"iPhone10,4", "iPhone13,2", "iPhone15,2", "iPhone17,5", "iPhone18,3"};
        for (int i = 1; i <= RECORDS; i++) {
            String name = String.format("%04d.plist", i);
            if (i == 101) {
                Files.writeString(folder.resolve(name), "not a property list");
                continue;
            }
            Map<String, Object> answers = new HashMap<>();
            answers.put("SerialNumber", "SN" + i);
            answers.put("ProductName", i % 37 == 0 ? "iPad13,16" : models[i % models.length]);
            answers.put("OSVersion", i % 3 == 0 ? "26.1" : "18.6.2");
            if (i % 4 != 0) {
                answers.put("IsCloudBackupEnabled", i % 5 != 0);
            }
            if (i % 6 != 0) {
                answers.put("LastCloudBackupDate", new NSDate(Date.from(AS_OF.minus(Duration.ofHours(i * 7L)))));
            }
            answers.put("BatteryLevel", i == 450 ? 3.0 : i % 10 == 0 ? -1.0 : (i % 100) / 100.0);
            ImportCommandTest.plist(folder, name, answers);
        }
        return folder;
    }

    private static Map<String, JsonNode> byId(String jsonLines) {
        Map<String, JsonNode> lines = new HashMap<>();
        jsonLines.lines().map(InventoryBatchTest::tree).forEach(line -> lines.put(line.path("id").asText(), line));
        return lines;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void batchFromMdmGivesEachIphoneRecordThePlanOfItsImportedSnapshotNumberedByPosition() throws IOException {
        Path folder = mdmFolder();
        Path extra = ImportCommandTest.plist(temp, "extra.plist", Map.of("SerialNumber", "EXTRA", "IsCloudBackupEnabled", false));

        Run batch = Run.of("", "batch", "--from", "mdm", folder.toString(), extra.toString(), "--as-of", "2026-11-26");
        Run imported = Run.of("", "import", "--from", "mdm", folder.toString(), extra.toString(), "--as-of", "2026-11-26");

        List<String> lines = batch.out().lines().toList();
        long skipped = (RECORDS / 37);
        assertThat(lines).hasSize(RECORDS + 1 - (int) skipped);
        SnapshotReader reader = new SnapshotReader();
        List<String> snapshots = imported.out().lines().toList();
        int nextSnapshot = 0;
        for (String line : lines) {
            JsonNode plan = tree(line);
            long position = plan.path("line").asLong();
            String file = position <= RECORDS ? folder.resolve(String.format("%04d.plist", position)).toString() : extra.toString();
            if (position == 101) {
                assertThat(plan.path("error").asText()).isEqualTo(file + ": not a property list (XML or binary): neither starts"
                        + " with \"bplist\" nor is XML");
            } else if (position == 450) {
                assertThat(plan.path("error").asText()).isEqualTo(file + ": QueryResponses.BatteryLevel must be at most 1.0, was 3.0");
            } else {
                assertThat(position % 37).as("an iPad's position gives no line").isNotZero();
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                try (PlanWriter.JsonLines writer = new PlanWriter().jsonLines(expected)) {
                    writer.plan(position, Run.DOCTOR.diagnose(reader.read(snapshots.get(nextSnapshot++))));
                }
                assertThat(plan).isEqualTo(tree(expected.toString()));
            }
        }
        assertThat(nextSnapshot).isEqualTo(snapshots.size());
        assertThat(lines).extracting(line -> tree(line).path("line").asLong()).isSorted().doesNotHaveDuplicates()
                .contains((long) RECORDS + 1);
        assertThat(batch.status()).isEqualTo(2);
        assertThat(batch.err()).isEqualTo("2 of " + lines.size() + " records were invalid; the first, record 101: "
                + folder.resolve("0101.plist") + ": not a property list (XML or binary): neither starts with \"bplist\" nor is XML\n"
                + (lines.size() - 2) + " devices diagnosed, " + skipped + " skipped (not iPhones), 2 unreadable\n");
    }

    @Test
    void reportFromAnInventoryIsTheReportOfItsImportWithTheUnreadableCountedInvalid() throws IOException {
        Path folder = mdmFolder();

        Run direct = Run.of("", "report", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26", "--format", "json");
        Run imported = Run.of("", "import", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26");
        Run viaImport = Run.of(imported.out(), "report", "--format", "json");

        assertThat(direct.status()).isEqualTo(2);
        JsonNode report = tree(direct.out());
        assertThat(report.path("invalid").asLong()).isEqualTo(2);
        assertThat(report.path("devices").asLong()).isEqualTo(RECORDS - RECORDS / 37 - 2);
        ObjectNode expected = (ObjectNode) tree(viaImport.out());
        expected.put("invalid", 2);
        assertThat(report).isEqualTo(expected);
        assertThat(report.path("backupAge").path("14+").asLong()).isPositive();
        assertThat(report.path("backupAge").path("unknown").asLong()).isPositive();
        assertThat(Run.of("", "report", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26").out())
                .contains("Invalid:  2 records\n");
    }

    @Test
    void reportFromJamfReadsSeveralExportsAndStandardInputInTheOrderGiven() throws IOException {
        Path second = temp.resolve("second.json");
        Files.writeString(second, "[{\"deviceType\": \"iOS\", \"general\": {\"cloudBackupEnabled\": false},"
                + " \"hardware\": {\"serialNumber\": \"SECOND\", \"model\": \"iPhone 13\"}}]");
        String standardInput = Files.readString(ImportCommandTest.JAMF_EXAMPLE);

        Run batch = Run.of(standardInput, "batch", "--from", "jamf", ImportCommandTest.JAMF_EXAMPLE.toString(), second.toString(), "-");

        assertThat(batch.status()).isZero();
        List<JsonNode> lines = batch.out().lines().map(InventoryBatchTest::tree).toList();
        assertThat(lines).extracting(line -> line.path("line").asInt()).containsExactly(1, 2, 3, 5, 6, 7, 8, 9, 11);
        assertThat(lines).extracting(line -> line.path("id").asText()).containsExactly("F2LXK0QH0D", "C39ZK1ABN72J",
                "F17VX2HJJC6F", "HX7Q4M2N9P", "SECOND", "F2LXK0QH0D", "C39ZK1ABN72J", "F17VX2HJJC6F", "HX7Q4M2N9P");
        assertThat(byId(batch.out()).get("SECOND").path("actions").get(0).path("id").asText()).isEqualTo("TURN_ON_ICLOUD_BACKUP");
        assertThat(batch.err()).isEqualTo("9 devices diagnosed, 2 skipped (not iPhones), 0 unreadable\n");
    }

    @Test
    void aBinaryPropertyListClaimingBillionsOfEntriesIsOneUnreadableRecordAmongTheGoodOnes() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("mdm"));
        try (var examples = Files.list(ImportCommandTest.MDM_EXAMPLES)) {
            for (Path example : examples.toList()) {
                Files.copy(example, folder.resolve(example.getFileName()));
            }
        }
        Path hostile = Files.write(folder.resolve("00-hostile.plist"), MdmResponseTest.claiming(0xA0, Integer.MAX_VALUE));
        String problem = hostile + ": not a valid binary property list: an array at byte 8 claims 2147483647 entries, more"
                + " than a file of 130 bytes can hold";

        Run batch = Run.of("", "batch", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26");
        Run report = Run.of("", "report", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26", "--format", "json");

        assertThat(batch.status()).isEqualTo(2);
        assertThat(batch.out().lines()).hasSize(6).first().isEqualTo("{\"line\":1,\"error\":" + JSON.writeValueAsString(problem) + "}");
        assertThat(batch.out().lines().skip(1)).allMatch(line -> line.contains("\"actions\""));
        assertThat(batch.err()).isEqualTo("1 of 6 records was invalid: record 1: " + problem + "\n"
                + "5 devices diagnosed, 1 skipped (not an iPhone), 1 unreadable\n");
        assertThat(report.status()).isEqualTo(2);
        assertThat(tree(report.out()).path("devices").asInt()).isEqualTo(5);
        assertThat(tree(report.out()).path("invalid").asInt()).isEqualTo(1);
    }

    @Test
    void anAsOfEarlierThanTheBackupsWarnsBeforeTheCountsInBatchAndReport() throws IOException {
        Path folder = mdmFolder();
        long withBackupDates = IntStream.rangeClosed(1, RECORDS).filter(i -> i % 6 != 0 && i % 37 != 0 && i != 101 && i != 450).count();
        String warning = "warning: " + withBackupDates + " records have a last backup after --as-of 2020-01-01T00:00:00Z, counted"
                + " as 0 days ago: SN1, SN2, SN3 and " + (withBackupDates - 3) + " more; is --as-of right?\n";

        Run batch = Run.of("", "batch", "--from", "mdm", folder.toString(), "--as-of", "2020-01-01");
        Run report = Run.of("", "report", "--from", "mdm", folder.toString(), "--as-of", "2020-01-01", "--format", "json");

        for (Run run : List.of(batch, report)) {
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(3);
            assertThat(run.err()).contains("\n" + warning + (RECORDS - RECORDS / 37 - 2) + " devices diagnosed, ");
        }
        assertThat(tree(report.out()).path("backupAge").path("0-1").asLong()).isEqualTo(withBackupDates);
        Run reported = Run.of("", "report", "--from", "jamf", ImportCommandTest.JAMF_EXAMPLE.toString(), "--as-of", "2025-01-01");
        assertThat(reported.status()).isZero();
        assertThat(reported.err()).isEqualTo("warning: 3 records have a last backup after --as-of 2025-01-01T00:00:00Z, counted"
                + " as 0 days ago: F2LXK0QH0D, F17VX2HJJC6F, HX7Q4M2N9P; is --as-of right?\n"
                + "4 devices diagnosed, 1 skipped (not an iPhone), 0 unreadable\n");
    }

    @Test
    void theHtmlReportOfTheBundledMdmResponsesListsTheOldestBackupsById() {
        Run run = Run.of("", "report", "--from", "mdm", ImportCommandTest.MDM_EXAMPLES.toString(), "--as-of", "2026-11-26",
                "--format", "html");

        assertThat(run.status()).isZero();
        Document page = Jsoup.parse(run.out());
        List<String> rows = new ArrayList<>();
        page.select("#oldest-backups tbody tr").forEach(row -> rows.add(row.text()));
        assertThat(rows).containsExactly("F17VX2HJJC6F 41", "HX7Q4M2N9P 9", "KQ2W7ZP3XR 3", "F2LXK0QH0D 0");
        assertThat(page.select("dl.headline dt").eachText()).contains("Invalid records");
        assertThat(run.err()).isEqualTo("5 devices diagnosed, 1 skipped (not an iPhone), 0 unreadable\n");
    }

    @Test
    void theReportOfTheBundledResponsesShownInTheDocsIsCurrent() throws IOException {
        String command = "report --from mdm examples/inventories/mdm --as-of 2026-11-26 --latest-ios 26.1\n"; // after Main or backup-doctor
        Run run = Run.of("", "report", "--from", "mdm", ImportCommandTest.MDM_EXAMPLES.toString(), "--as-of", "2026-11-26",
                "--latest-ios", "26.1");

        for (String doc : List.of("docs/device-management.md", "README.md")) {
            String text = Files.readString(Path.of(doc));
            int start = text.indexOf(command);
            assertThat(start).as(doc).isPositive();
            start += command.length();
            assertThat(text.substring(start, text.indexOf("```\n", start))).as(doc).isEqualTo(run.out());
        }
        assertThat(run.err()).isEqualTo("5 devices diagnosed, 1 skipped (not an iPhone), 0 unreadable\n");
    }

    @Test
    void aFolderWithoutAnInventoryFileIsBadUsageForBatchAndReport() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        Run expected = new Run(2, "", empty + ": no .plist files in this folder (--from mdm reads the regular files whose"
                + " names end in .plist)\n");

        assertThat(Run.of("", "batch", "--from", "mdm", ImportCommandTest.MDM_EXAMPLES.toString(), empty.toString()))
                .isEqualTo(expected);
        assertThat(Run.of("", "report", "--from", "mdm", empty.toString())).isEqualTo(expected);
        assertThat(Run.of("", "report", "--from", "jamf", empty.toString(), "--format", "html")).isEqualTo(new Run(2, "",
                empty + ": no .json files in this folder (--from jamf reads the regular files whose names end in .json)\n"));
    }

    @Test
    void withoutFromBatchReadsOneJsonLinesFileAndTheInventoryOptionsAreRefused() {
        assertThat(Run.of("", "batch", temp.toString())).isEqualTo(new Run(2, "", temp + ": is a folder, not a JSON Lines file\n"));
        assertThat(Run.of("", "batch", "a.jsonl", "b.jsonl")).isEqualTo(new Run(2, "",
                "one FILE (or '-') at most without --from, was 2; to read several, cat them into standard input\n"));
        assertThat(Run.of("", "batch", "--as-of", "2026-11-26")).isEqualTo(new Run(2, "", "--as-of needs --from mdm or --from jamf\n"));
        assertThat(Run.of("", "report", "--latest-ios", "26.1")).isEqualTo(new Run(2, "",
                "--latest-ios needs --from mdm or --from jamf\n"));
        assertThat(Run.of("", "report", "--from", "mdm", temp.resolve("gone").toString())).isEqualTo(new Run(2, "",
                temp.resolve("gone") + ": no such file or folder\n"));
    }
}
