package dev.backupdoctor.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.XMLPropertyListWriter;
import dev.backupdoctor.cli.Run;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}: inventories in, one snapshot line per device record out, and what was left out on stderr. */
public class ImportCommandTest {

    public static final Path MDM_EXAMPLES = Path.of("examples/inventories/mdm");
    public static final Path JAMF_EXAMPLE = Path.of("examples/inventories/jamf/mobile-devices.json");
    private static final SnapshotReader READER = new SnapshotReader();

    @TempDir
    Path temp;

    /** Writes an acknowledged DeviceInformation response with these query responses. */
    static Path plist(Path folder, String name, Map<String, Object> answers) throws IOException {
        NSDictionary queryResponses = new NSDictionary();
        answers.forEach(queryResponses::put);
        NSDictionary response = new NSDictionary();
        response.put("Status", "Acknowledged");
        response.put("UDID", "udid-of-" + name);
        response.put("QueryResponses", queryResponses);
        Path file = folder.resolve(name);
        XMLPropertyListWriter.write(response, file);
        return file;
    }

    private static List<DeviceSnapshot> snapshots(String jsonLines) {
        return jsonLines.lines().map(READER::read).toList();
    }

    private static List<String> ids(Run run) {
        return snapshots(run.out()).stream().map(DeviceSnapshot::id).toList();
    }

    @Test
    void theBundledMdmResponsesBecomeOneSnapshotLinePerIphoneInNameOrder() {
        Run run = Run.of("", "import", "--from", "mdm", MDM_EXAMPLES.toString(), "--as-of", "2026-11-26", "--latest-ios", "26.1");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("5 devices written, 1 skipped (not an iPhone), 0 unreadable\n");
        assertThat(run.out().lines()).containsExactly(
                "{\"id\":\"C39ZK1ABN72J\",\"device\":{\"model\":\"iPhone 12\",\"iosVersion\":\"17.6.1\",\"latestIosVersion\":\"26.1\"},"
                        + "\"icloud\":{\"backupEnabled\":false},\"power\":{\"batteryPercent\":43}}",
                "{\"id\":\"F2LXK0QH0D\",\"device\":{\"model\":\"iPhone 14 Pro\",\"iosVersion\":\"26.1\",\"latestIosVersion\":\"26.1\"},"
                        + "\"icloud\":{\"backupEnabled\":true,\"lastBackupDaysAgo\":0},\"power\":{\"batteryPercent\":85}}",
                "{\"id\":\"HX7Q4M2N9P\",\"device\":{\"model\":\"iPhone 15\",\"iosVersion\":\"26.0.1\",\"latestIosVersion\":\"26.1\"},"
                        + "\"icloud\":{\"backupEnabled\":true,\"lastBackupDaysAgo\":9},\"power\":{\"batteryPercent\":18}}",
                "{\"id\":\"F17VX2HJJC6F\",\"device\":{\"model\":\"iPhone 8\",\"iosVersion\":\"16.7.10\",\"latestIosVersion\":\"26.1\"},"
                        + "\"icloud\":{\"backupEnabled\":true,\"lastBackupDaysAgo\":41}}",
                "{\"id\":\"KQ2W7ZP3XR\",\"device\":{\"iosVersion\":\"26.1\",\"latestIosVersion\":\"26.1\"},"
                        + "\"icloud\":{\"backupEnabled\":true,\"lastBackupDaysAgo\":3},\"power\":{\"batteryPercent\":100}}");
    }

    @Test
    void theImportShownInTheCommandLineDocsIsCurrent() throws IOException {
        String docs = Files.readString(Path.of("docs/command-line.md"));
        String command = "$ Main import --from mdm examples/inventories/mdm --as-of 2026-11-26\n";
        int start = docs.indexOf(command) + command.length();
        List<String> shown = docs.substring(start, docs.indexOf("```\n", start)).lines().toList();

        Run run = Run.of("", "import", "--from", "mdm", MDM_EXAMPLES.toString(), "--as-of", "2026-11-26");

        assertThat(shown).hasSize(4).endsWith("...", run.err().strip());
        assertThat(run.out()).startsWith(shown.get(0) + "\n" + shown.get(1) + "\n");
    }

    @Test
    void theBundledJamfExportCountsAgesToEachDevicesLastInventoryUpdate() {
        Run run = Run.of("", "import", "--from", "jamf", JAMF_EXAMPLE.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("4 devices written, 1 skipped (not an iPhone), 0 unreadable\n");
        List<DeviceSnapshot> snapshots = snapshots(run.out());
        assertThat(snapshots).extracting(DeviceSnapshot::id)
                .containsExactly("F2LXK0QH0D", "C39ZK1ABN72J", "F17VX2HJJC6F", "HX7Q4M2N9P");
        assertThat(snapshots).extracting(snapshot -> snapshot.icloud().lastBackupDaysAgo()).containsExactly(0, null, 41, 9);
        assertThat(snapshots).extracting(snapshot -> snapshot.device().model())
                .containsExactly("iPhone 14 Pro", "iPhone 12", "iPhone 8", "iPhone 15");
        assertThat(snapshots).extracting(snapshot -> snapshot.power().batteryPercent()).containsExactly(87, 42, 64, 18);
    }

    @Test
    void aFolderGivesItsPlistFilesByCodePointNotItsSubfoldersNorOtherFiles() throws IOException {
        // Code-point order: Z < a < b < é < U+FFFD < U+1F600; UTF-16 order would put the emoji's surrogates before U+FFFD.
        for (String name : List.of("b", "\uD83D\uDE00", "a", "\uFFFD", "Z", "é")) {
            plist(temp, name + ".plist", Map.of("SerialNumber", name));
        }
        plist(temp, "upper.PLIST", Map.of("SerialNumber", "upper"));
        plist(temp, "notes.txt", Map.of("SerialNumber", "notes"));
        Files.createDirectory(temp.resolve("sub.plist"));
        plist(temp.resolve("sub.plist"), "inside.plist", Map.of("SerialNumber", "inside"));

        Run run = Run.of("", "import", "--from", "mdm", temp.toString());

        assertThat(run.status()).isZero();
        assertThat(ids(run)).containsExactly("Z", "a", "b", "é", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void aFolderWithoutAnInventoryFileIsBadUsageNotAFleetOfNoDevices() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("exports"));
        plist(folder, "upper.PLIST", Map.of("SerialNumber", "upper"));
        Files.writeString(folder.resolve("devices.json"), "[]");
        Files.createDirectory(folder.resolve("sub.plist"));
        Files.createSymbolicLink(folder.resolve("link.plist"), plist(temp, "elsewhere.plist", Map.of("SerialNumber", "E")));
        Path good = plist(temp, "good.plist", Map.of("SerialNumber", "G"));

        assertThat(Run.of("", "import", "--from", "mdm", good.toString(), folder.toString())).isEqualTo(new Run(2, "",
                folder + ": no .plist files in this folder (--from mdm reads the regular files whose names end in .plist)\n"));
        Files.delete(folder.resolve("devices.json"));
        assertThat(Run.of("", "import", "--from", "jamf", folder.toString())).isEqualTo(new Run(2, "",
                folder + ": no .json files in this folder (--from jamf reads the regular files whose names end in .json)\n"));
    }

    @Test
    void argumentsAreReadInTheOrderGiven() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("folder"));
        plist(folder, "2.plist", Map.of("SerialNumber", "folder-2"));
        plist(folder, "1.plist", Map.of("SerialNumber", "folder-1"));
        Path last = plist(temp, "last.plist", Map.of("SerialNumber", "last"));
        Path first = plist(temp, "first.plist", Map.of("SerialNumber", "first"));

        Run run = Run.of("", "import", "--from", "mdm", last.toString(), folder.toString(), first.toString(), last.toString());

        assertThat(ids(run)).containsExactly("last", "folder-1", "folder-2", "first", "last");
        assertThat(run.err()).isEqualTo("5 devices written, 0 skipped (not iPhones), 0 unreadable\n");
    }

    @Test
    void aFileThatIsNotAPropertyListIsOneLineNamingItTheOthersAreWrittenAndTheStatusIsTwo() throws IOException {
        plist(temp, "a.plist", Map.of("SerialNumber", "A"));
        Files.writeString(temp.resolve("b.plist"), "{\"not\": \"a plist\"}");
        plist(temp, "c.plist", Map.of("SerialNumber", "C", "ProductName", "iPad13,16"));
        plist(temp, "d.plist", Map.of("SerialNumber", "D", "BatteryLevel", 2.5));
        plist(temp, "e.plist", Map.of("SerialNumber", "E"));

        Run run = Run.of("", "import", "--from", "mdm", temp.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(ids(run)).containsExactly("A", "E");
        assertThat(run.err()).isEqualTo(
                temp.resolve("b.plist") + ": not a property list (XML or binary): neither starts with \"bplist\" nor is XML\n"
                        + temp.resolve("d.plist") + ": QueryResponses.BatteryLevel must be at most 1.0, was 2.5\n"
                        + "2 devices written, 1 skipped (not an iPhone), 2 unreadable\n");
    }

    @Test
    void anUnreadableJamfRecordIsNamedByItsPositionInTheFile() throws IOException {
        Path export = temp.resolve("devices.json");
        Files.writeString(export, "{\"totalCount\": 3, \"results\": ["
                + "{\"hardware\": {\"serialNumber\": \"A\"}},"
                + "{\"hardware\": {\"serialNumber\": \"B\", \"batteryLevel\": 250}},"
                + "{\"hardware\": {\"serialNumber\": \"C\"}}]}");

        Run run = Run.of("", "import", "--from", "jamf", export.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(ids(run)).containsExactly("A", "C");
        assertThat(run.err()).isEqualTo(export + ": record 2: hardware.batteryLevel must be at most 100, was 250\n"
                + "2 devices written, 0 skipped (not iPhones), 1 unreadable\n");
    }

    @Test
    void asOfIsADateAtMidnightUtcOrADateTimeInUtcOrWithAnOffset() throws IOException {
        Path file = plist(temp, "x.plist", Map.of("LastCloudBackupDate",
                new NSDate(Date.from(Instant.parse("2026-11-24T12:00:00Z")))));

        assertThat(daysAgo(file, "2026-11-26")).isEqualTo(1);
        assertThat(daysAgo(file, "2026-11-26T12:00:00Z")).isEqualTo(2);
        assertThat(daysAgo(file, "2026-11-26T12:00:00+02:00")).isEqualTo(1);
        assertThat(daysAgo(file, "2026-11-26T12:00:00")).isEqualTo(2);
        assertThat(daysAgo(file, "2026-11-26T11:59:59.999")).isEqualTo(1);
        assertThat(daysAgo(file, "2026-11-20")).isZero();
    }

    private static Integer daysAgo(Path file, String asOf) {
        Run run = Run.of("", "import", "--from", "mdm", file.toString(), "--as-of", asOf);
        assertThat(run.status()).as(run.err()).isZero();
        return snapshots(run.out()).get(0).icloud().lastBackupDaysAgo();
    }

    @Test
    void anAsOfEarlierThanTheBackupsWarnsWithTheirCountAndTheFirstIdsAndKeepsTheStatus() {
        Run run = Run.of("", "import", "--from", "mdm", MDM_EXAMPLES.toString(), "--as-of", "2025-01-01");

        assertThat(run.status()).isZero();
        assertThat(snapshots(run.out())).extracting(snapshot -> snapshot.icloud().lastBackupDaysAgo())
                .containsExactly(null, 0, 0, 0, 0);
        assertThat(run.err()).isEqualTo("warning: 4 records have a last backup after --as-of 2025-01-01T00:00:00Z, counted as"
                + " 0 days ago: F2LXK0QH0D, HX7Q4M2N9P, F17VX2HJJC6F and 1 more; is --as-of right?\n"
                + "5 devices written, 1 skipped (not an iPhone), 0 unreadable\n");
    }

    @Test
    void aBackupAfterTheRunOrAfterTheLastInventoryUpdateWarnsToCheckTheClocks() throws IOException {
        Path future = plist(temp, "future.plist", Map.of("LastCloudBackupDate",
                new NSDate(Date.from(Instant.now().plus(Duration.ofDays(2))))));
        Path serialless = temp.resolve("devices.json");
        Files.writeString(serialless, "[{\"general\": {\"lastInventoryUpdateDate\": \"2026-11-25T00:00:00Z\","
                + " \"lastCloudBackupDate\": \"2026-11-20T00:00:00Z\"}, \"hardware\": {\"serialNumber\": \"A\"}},"
                + " {\"general\": {\"lastInventoryUpdateDate\": \"2026-11-25T00:00:00Z\","
                + " \"lastCloudBackupDate\": \"2026-11-25T00:00:01Z\"}}]");

        Run mdm = Run.of("", "import", "--from", "mdm", future.toString());
        Run jamf = Run.of("", "import", "--from", "jamf", serialless.toString());

        assertThat(mdm.status()).isZero();
        assertThat(mdm.err()).matches("warning: 1 record has a last backup after the time of this run, \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,"
                + " counted as 0 days ago: udid-of-future.plist; are the devices' clocks right\\? \\(and give --as-of when the"
                + " responses were collected earlier\\)\n1 device written, 0 skipped \\(not iPhones\\), 0 unreadable\n");
        assertThat(jamf).isEqualTo(new Run(0, jamf.out(), "warning: 1 record has a last backup after their last inventory"
                + " update, counted as 0 days ago: record 2; are the devices' clocks right?\n"
                + "2 devices written, 0 skipped (not iPhones), 0 unreadable\n"));
    }

    @Test
    void withoutAsOfMdmAgesCountToNow() throws IOException {
        Path file = plist(temp, "x.plist", Map.of("LastCloudBackupDate",
                new NSDate(Date.from(Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1))))));

        Run run = Run.of("", "import", "--from", "mdm", file.toString());

        assertThat(snapshots(run.out()).get(0).icloud().lastBackupDaysAgo()).isEqualTo(3);
    }

    @Test
    void badUsageIsOneMessageNothingWrittenAndStatusTwo() throws IOException {
        Path file = plist(temp, "x.plist", Map.of("SerialNumber", "X"));
        Path missing = temp.resolve("missing.plist");

        assertThat(Run.of("", "import", file.toString())).isEqualTo(new Run(2, "", "import needs --from mdm or --from jamf\n"));
        assertThat(Run.of("", "import", "--from", "mdm")).isEqualTo(new Run(2, "",
                "Missing required parameter: 'FILE|DIR' (see 'Main import --help')\n"));
        assertThat(Run.of("", "import", "--from", "mdm", file.toString(), missing.toString()))
                .isEqualTo(new Run(2, "", missing + ": no such file or folder\n"));
        assertThat(Run.of("", "import", "--from", "mdm", "-")).isEqualTo(new Run(2, "",
                "'-': standard input is not accepted here; name the files or folders to read\n"));
        assertThat(Run.of("", "import", "--from", "csv", file.toString())).isEqualTo(new Run(2, "",
                "Invalid value for option '--from': expected one of [mdm, jamf] (case-insensitive) but was 'csv'"
                        + " (see 'Main import --help')\n"));
        assertThat(Run.of("", "import", "--from", "mdm", file.toString(), "--as-of", "yesterday")).isEqualTo(new Run(2, "",
                "--as-of must be an ISO-8601 date such as 2026-11-26 or a date-time such as 2026-11-26T09:30:00Z,"
                        + " was \"yesterday\"\n"));
        assertThat(Run.of("", "import", "--from", "mdm", file.toString(), "--as-of", "2026-02-30")).extracting(Run::status)
                .isEqualTo(2);
        assertThat(Run.of("", "import", "--from", "mdm", file.toString(), "--latest-ios", "iOS 18")).isEqualTo(new Run(2, "",
                "--latest-ios must be a version such as 18.1, was \"iOS 18\"\n"));
    }

    @Test
    void everyLineImportedIsASnapshotThatBatchReads() {
        Run imported = Run.of("", "import", "--from", "jamf", JAMF_EXAMPLE.toString());

        Run batch = Run.of(imported.out(), "batch");

        assertThat(batch.status()).isZero();
        assertThat(batch.out().lines()).hasSize(4).allMatch(line -> line.contains("\"actions\""));
    }
}
