package dev.backupdoctor.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GIVEN a page of Jamf Pro's mobile-device inventory, EXPECT one snapshot (or reason) per result, in order. */
class JamfExportTest {

    private static final InventorySettings NO_AS_OF = new InventorySettings(null, null);

    /** A result with the GENERAL and HARDWARE sections, as Jamf Pro 11.27's schema names their fields. */
    private static String result(String general, String hardware) {
        return "{\"mobileDeviceId\": \"42\", \"deviceType\": \"iOS\", \"general\": {" + general + "}, \"hardware\": {" + hardware + "}}";
    }

    private static String page(String... results) {
        return "{\"totalCount\": " + results.length + ", \"results\": [" + String.join(",", results) + "]}";
    }

    private static List<String> read(String json, InventorySettings settings) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), settings);
    }

    /** Each record as where it is and what became of it. */
    private static List<String> read(InputStream json, InventorySettings settings) {
        List<String> records = new ArrayList<>();
        try (JamfExport export = new JamfExport("devices.json", json, settings)) {
            for (InventoryRecord record = export.next(); record != null; record = export.next()) {
                records.add(record.where() + " " + record.map());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return records;
    }

    private static DeviceSnapshot snapshot(String result, InventorySettings settings) {
        try (JamfExport export = new JamfExport("devices.json",
                new ByteArrayInputStream(page(result).getBytes(StandardCharsets.UTF_8)), settings)) {
            InventoryRecord.Outcome outcome = export.next().map();
            assertThat(outcome).isInstanceOf(InventoryRecord.Device.class);
            assertThat(export.next()).isNull();
            return ((InventoryRecord.Device) outcome).snapshot();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String unreadable(String result) {
        try (JamfExport export = new JamfExport("devices.json",
                new ByteArrayInputStream(page(result).getBytes(StandardCharsets.UTF_8)), NO_AS_OF)) {
            InventoryRecord.Outcome outcome = export.next().map();
            assertThat(outcome).isInstanceOf(InventoryRecord.Unreadable.class);
            return ((InventoryRecord.Unreadable) outcome).problem();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyMappedFieldFillsItsFactAndNothingElseIsKnown() {
        DeviceSnapshot snapshot = snapshot(result(
                "\"udid\": \"00008120-001A2B3C4D5E6F01\", \"displayName\": \"Sales iPhone 07\", \"osVersion\": \"26.1\","
                        + " \"lastInventoryUpdateDate\": \"2026-11-25T09:15:27.123Z\", \"cloudBackupEnabled\": true,"
                        + " \"lastCloudBackupDate\": \"2026-11-20T02:11:04.307Z\", \"managed\": true",
                "\"batteryLevel\": 87, \"batteryHealth\": \"NORMAL\", \"serialNumber\": \"F2LXK0QH0D\","
                        + " \"model\": \"iPhone 14 Pro\", \"modelIdentifier\": \"iPhone15,2\", \"capacityMb\": 244198"),
                NO_AS_OF);

        DeviceSnapshot expected = DeviceSnapshot.unknown().withId("F2LXK0QH0D")
                .with(snapshot.device().withModel("iPhone 14 Pro").withIosVersion(IosVersion.parse("26.1")))
                .with(snapshot.icloud().withBackupEnabled(Answer.YES).withLastBackupDaysAgo(5))
                .with(snapshot.power().withBatteryPercent(87));
        assertThat(snapshot).isEqualTo(expected);
        assertThat(snapshot.wifi()).isEqualTo(DeviceSnapshot.unknown().wifi());
        assertThat(snapshot.storage()).isEqualTo(DeviceSnapshot.unknown().storage());
        assertThat(snapshot.power().connected()).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void backupAgesCountToAsOfWhenGivenElseToTheDevicesLastInventoryUpdate() {
        String result = result("\"lastInventoryUpdateDate\": \"2026-11-25T09:15:27.123Z\","
                + " \"lastCloudBackupDate\": \"2026-11-20T09:15:27.124Z\"", "");

        assertThat(snapshot(result, NO_AS_OF).icloud().lastBackupDaysAgo()).isEqualTo(4);
        assertThat(snapshot(result, new InventorySettings(Instant.parse("2026-12-01T00:00:00Z"), null))
                .icloud().lastBackupDaysAgo()).isEqualTo(10);
        assertThat(snapshot(result("\"lastCloudBackupDate\": \"2026-11-20T09:15:27Z\"", ""), NO_AS_OF)
                .icloud().lastBackupDaysAgo()).as("no as-of and no inventory date").isNull();
        assertThat(snapshot(result("\"lastInventoryUpdateDate\": \"2026-11-25T09:15:27Z\", \"lastCloudBackupDate\": null", ""),
                NO_AS_OF).icloud().lastBackupDaysAgo()).isNull();
    }

    @Test
    void datesMayHaveAnOffsetOrNoFractionAndABackupAfterAsOfIsZeroDaysAgo() {
        assertThat(snapshot(result("\"lastInventoryUpdateDate\": \"2026-11-25T00:00:00+02:00\","
                + " \"lastCloudBackupDate\": \"2026-11-23T22:00:01Z\"", ""), NO_AS_OF).icloud().lastBackupDaysAgo()).isZero();
        assertThat(snapshot(result("\"lastInventoryUpdateDate\": \"2026-11-25T00:00:00Z\","
                + " \"lastCloudBackupDate\": \"2026-11-26T08:00:00Z\"", ""), NO_AS_OF).icloud().lastBackupDaysAgo()).isZero();
        assertThat(unreadable(result("\"lastInventoryUpdateDate\": \"2026-11-25T00:00:00Z\","
                + " \"lastCloudBackupDate\": \"last Tuesday\"", "")))
                .isEqualTo("general.lastCloudBackupDate must be a date-time such as \"2024-05-01T02:11:04.307Z\", was \"last Tuesday\"");
    }

    @Test
    void theBatteryLevelIsAlreadyAPercentage() {
        assertThat(snapshot(result("", "\"batteryLevel\": 0"), NO_AS_OF).power().batteryPercent()).isZero();
        assertThat(snapshot(result("", "\"batteryLevel\": 100"), NO_AS_OF).power().batteryPercent()).isEqualTo(100);
        assertThat(snapshot(result("", "\"batteryLevel\": -1"), NO_AS_OF).power().batteryPercent()).isNull();
        assertThat(snapshot(result("", "\"batteryLevel\": null"), NO_AS_OF).power().batteryPercent()).isNull();
        assertThat(unreadable(result("", "\"batteryLevel\": 101"))).isEqualTo("hardware.batteryLevel must be at most 100, was 101");
        assertThat(unreadable(result("", "\"batteryLevel\": 87.5")))
                .isEqualTo("hardware.batteryLevel must be a whole number from 0 to 100, was 87.5");
        assertThat(unreadable(result("", "\"batteryLevel\": \"87\"")))
                .isEqualTo("hardware.batteryLevel must be a whole number from 0 to 100, was \"87\"");
    }

    @Test
    void theIdIsTheSerialNumberElseTheUdid() {
        assertThat(snapshot(result("\"udid\": \"u-1\"", "\"serialNumber\": \"S-1\""), NO_AS_OF).id()).isEqualTo("S-1");
        assertThat(snapshot(result("\"udid\": \"u-1\"", "\"serialNumber\": \"\""), NO_AS_OF).id()).isEqualTo("u-1");
        assertThat(snapshot(result("", ""), NO_AS_OF).id()).isNull();
    }

    @Test
    void theModelIsJamfsMarketingNameElseTheIdentifiersAndTheVersionMustBeDotted() {
        assertThat(snapshot(result("", "\"model\": \"iPhone 12\", \"modelIdentifier\": \"iPhone13,2\""), NO_AS_OF)
                .device().model()).isEqualTo("iPhone 12");
        assertThat(snapshot(result("", "\"modelIdentifier\": \"iPhone14,6\""), NO_AS_OF).device().model())
                .isEqualTo("iPhone SE (3rd generation)");
        assertThat(snapshot(result("", "\"modelIdentifier\": \"iPhone19,1\""), NO_AS_OF).device().model()).isNull();
        assertThat(snapshot(result("\"osVersion\": \"18.6.2\"", ""), NO_AS_OF).device().iosVersion())
                .isEqualTo(IosVersion.parse("18.6.2"));
        assertThat(snapshot(result("\"osVersion\": \"18.6 beta\"", ""), NO_AS_OF).device().iosVersion()).isNull();
    }

    @Test
    void cloudBackupEnabledIsTheBackupSwitch() {
        assertThat(snapshot(result("\"cloudBackupEnabled\": false", ""), NO_AS_OF).icloud().backupEnabled()).isEqualTo(Answer.NO);
        assertThat(snapshot(result("\"cloudBackupEnabled\": null", ""), NO_AS_OF).icloud().backupEnabled())
                .isEqualTo(Answer.UNKNOWN);
        assertThat(unreadable(result("\"cloudBackupEnabled\": \"yes\"", "")))
                .isEqualTo("general.cloudBackupEnabled must be true or false, was \"yes\"");
        assertThat(unreadable(result("\"cloudBackupEnabled\": {\"value\": true}", "")))
                .isEqualTo("general.cloudBackupEnabled must be true or false, was an object");
    }

    @Test
    void devicesThatAreNotIphonesAreSkipped() {
        assertThat(read(page(result("", "\"modelIdentifier\": \"iPad14,8\", \"model\": \"iPad Air 11-inch (M2)\""),
                "{\"deviceType\": \"tvOS\", \"hardware\": {\"model\": \"Apple TV 4K\"}}",
                "{\"deviceType\": \"watchOS\"}"), NO_AS_OF))
                .containsExactly("devices.json: record 1 Skipped[modelIdentifier=iPad14,8]",
                        "devices.json: record 2 Skipped[modelIdentifier=tvOS]",
                        "devices.json: record 3 Skipped[modelIdentifier=watchOS]");
    }

    @Test
    void aJsonArrayOfResultsIsReadLikeAPage() {
        String first = result("", "\"serialNumber\": \"A\"");
        String second = result("", "\"serialNumber\": \"B\"");

        assertThat(read("[" + first + "," + second + "]", NO_AS_OF)).isEqualTo(read(page(first, second), NO_AS_OF))
                .hasSize(2);
    }

    @Test
    void aBadResultIsOneUnreadableRecordAndTheNextOnesAreRead() {
        List<String> records = read(page("17", result("", "\"serialNumber\": \"A\""),
                "{\"general\": \"none\", \"hardware\": {\"serialNumber\": \"B\"}}", result("", "\"serialNumber\": \"C\"")),
                NO_AS_OF);

        assertThat(records).hasSize(4);
        assertThat(records.get(0)).isEqualTo("devices.json: record 1 Unreadable[problem=a result must be an object, was a number]");
        assertThat(records.get(1)).startsWith("devices.json: record 2 Device[").contains("id=A");
        assertThat(records.get(2)).isEqualTo("devices.json: record 3 Unreadable[problem=general must be an object, was a string]");
        assertThat(records.get(3)).startsWith("devices.json: record 4 Device[").contains("id=C");
    }

    @Test
    void aFileThatBreaksOffKeepsTheRecordsBeforeAndEndsWithOneUnreadable() {
        String json = page(result("", "\"serialNumber\": \"A\""), result("", "\"serialNumber\": \"B\""));
        String cut = json.substring(0, json.indexOf("\"B\"") - 5);

        List<String> records = read(cut, NO_AS_OF);

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).startsWith("devices.json: record 1 Device[");
        assertThat(records.get(1)).startsWith("devices.json: record 2 Unreadable[problem=not JSON: ");
    }

    @Test
    void aFileThatIsNotAnExportIsOneUnreadableRecord() {
        assertThat(read("{\"totalCount\": 0}", NO_AS_OF)).containsExactly("devices.json: record 1 Unreadable[problem="
                + "not a Jamf Pro mobile-device inventory ({\"totalCount\": N, \"results\": [...]} or an array of results):"
                + " was an object without \"results\"]");
        assertThat(read("\"devices\"", NO_AS_OF)).singleElement().asString().endsWith("was a string]");
        assertThat(read("", NO_AS_OF)).singleElement().asString().endsWith("was empty]");
        assertThat(read("{\"results\": {}}", NO_AS_OF))
                .containsExactly("devices.json: record 1 Unreadable[problem=\"results\" must be an array, was an object]");
        assertThat(read("<plist/>", NO_AS_OF)).singleElement().asString().startsWith("devices.json: record 1 Unreadable[problem=not JSON: ");
        assertThat(read(page(), NO_AS_OF)).isEmpty();
    }

    @Test
    void fieldsNotMappedAreSkippedHoweverLargeOrDeep() {
        String bulky = "\"extensionAttributes\": [" + ("{\"definitionId\": \"1\", \"values\": [\"" + "x".repeat(60_000)
                + "\"], \"nested\": " + "[".repeat(20) + "]".repeat(20) + "},").repeat(50) + "{}]";

        DeviceSnapshot snapshot = snapshot(result(bulky + ", \"osVersion\": \"26.1\"", "\"serialNumber\": \"S\""), NO_AS_OF);

        assertThat(snapshot.id()).isEqualTo("S");
        assertThat(snapshot.device().iosVersion()).isEqualTo(IosVersion.parse("26.1"));
    }

    @Test
    void aSecondResultsKeyIsRefusedNotIgnored() {
        String json = "{\"totalCount\": 1, \"results\": [" + result("", "\"serialNumber\": \"A\"") + "],\n"
                + "\"results\": [" + result("", "\"serialNumber\": \"B\"") + "]}";

        List<String> records = read(json, NO_AS_OF);

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).startsWith("devices.json: record 1 Device[").contains("id=A");
        assertThat(records.get(1)).isEqualTo("devices.json: record 2 Unreadable[problem=duplicate field \"results\" at line 2, column 10]");
        assertThat(read("{\"totalCount\": 0, \"totalCount\": 1, \"results\": []}", NO_AS_OF)).containsExactly(
                "devices.json: record 1 Unreadable[problem=duplicate field \"totalCount\" at line 1, column 31]");
    }

    @Test
    void aDuplicateFieldInAResultIsRefused() {
        assertThat(read(page(result("", "\"serialNumber\": \"A\", \"serialNumber\": \"B\"")), NO_AS_OF)).containsExactly(
                "devices.json: record 1 Unreadable[problem=duplicate field \"serialNumber\" at line 1, column 140]");
    }

    @Test
    void anythingAfterTheInventoryIsRefused() {
        String one = result("", "\"serialNumber\": \"A\"");

        assertThat(read(page(one) + "\n" + page(one), NO_AS_OF)).hasSize(2).last().asString()
                .isEqualTo("devices.json: record 2 Unreadable[problem=content after the end of the inventory at line 2, column 1]");
        assertThat(read("[" + one + "] []", NO_AS_OF)).hasSize(2).last().asString()
                .endsWith("[problem=content after the end of the inventory at line 1, column 99]");
        assertThat(read(page(one) + " x", NO_AS_OF)).hasSize(2).last().asString()
                .startsWith("devices.json: record 2 Unreadable[problem=not JSON: Unrecognized token 'x'");
        assertThat(read(page(one) + "}", NO_AS_OF)).hasSize(2).last().asString()
                .startsWith("devices.json: record 2 Unreadable[problem=not JSON: Unexpected close marker '}'");
        assertThat(read(page(one) + " \n\t", NO_AS_OF)).hasSize(1);
    }

    @Test
    void theLimitsHoldForTheFieldsSkippedToo() {
        String longest = "\"" + "x".repeat(JamfExport.MAX_STRING_CHARS) + "\"";
        String tooLong = "\"" + "x".repeat(JamfExport.MAX_STRING_CHARS + 1) + "\"";
        String tooLongProblem = "Unreadable[problem=a string longer than 65,536 characters at line 1, column ";

        assertThat(read(page(result("\"notes\": " + longest, "\"serialNumber\": \"A\"")), NO_AS_OF)).singleElement()
                .asString().startsWith("devices.json: record 1 Device[");
        assertThat(read(page(result("\"notes\": [" + tooLong + "]", ""), result("", "")), NO_AS_OF)).singleElement()
                .asString().startsWith("devices.json: record 1 " + tooLongProblem);
        assertThat(read("{\"comment\": " + tooLong + ", \"results\": []}", NO_AS_OF)).singleElement().asString()
                .startsWith("devices.json: record 1 " + tooLongProblem);
        assertThat(read("{\"results\": [], \"comment\": " + tooLong + "}", NO_AS_OF)).singleElement().asString()
                .startsWith("devices.json: record 1 " + tooLongProblem);
        assertThat(read(page(result("\"size\": " + "9".repeat(65), "")), NO_AS_OF)).singleElement().asString()
                .startsWith("devices.json: record 1 Unreadable[problem=a number longer than 64 characters at line 1, column ");
    }

    @Test
    void aNestingDeeperThanTheLimitIsUnreadableNotAStackOverflow() {
        String deep = "[".repeat(100_000);

        assertThat(read(new SequenceInputStream(new ByteArrayInputStream("{\"results\": [{\"x\": ".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8))), NO_AS_OF))
                .singleElement().asString().startsWith("devices.json: record 1 Unreadable[problem=nesting deeper than 64 levels at line 1, column ");
    }
}
