package dev.backupdoctor.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListWriter;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GIVEN a DeviceInformation response, EXPECT the snapshot the contract's mapping makes of it. */
public class MdmResponseTest {

    private static final Instant AS_OF = Instant.parse("2026-11-26T00:00:00Z");
    private static final InventorySettings SETTINGS = new InventorySettings(AS_OF, null);

    @TempDir
    Path temp;

    /** An acknowledged response with these query responses. */
    private static NSDictionary response(Map<String, Object> answers) {
        NSDictionary queryResponses = new NSDictionary();
        answers.forEach(queryResponses::put);
        NSDictionary response = new NSDictionary();
        response.put("CommandUUID", "0D9F4C1A-6A53-4C1E-9B3E-6B0C6C1F2A11");
        response.put("Status", "Acknowledged");
        response.put("UDID", "00008120-001A2B3C4D5E6F01");
        response.put("QueryResponses", queryResponses);
        return response;
    }

    private static byte[] xml(NSObject plist) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLPropertyListWriter.write(plist, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] binary(NSObject plist) {
        try {
            return BinaryPropertyListWriter.writeToArray(plist);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DeviceSnapshot snapshot(Map<String, Object> answers) {
        return snapshot(xml(response(answers)), SETTINGS);
    }

    private static DeviceSnapshot snapshot(byte[] plist, InventorySettings settings) {
        InventoryRecord.Outcome outcome = MdmResponse.map(plist, settings);
        assertThat(outcome).isInstanceOf(InventoryRecord.Device.class);
        return ((InventoryRecord.Device) outcome).snapshot();
    }

    private static String unreadable(byte[] plist) {
        InventoryRecord.Outcome outcome = MdmResponse.map(plist, SETTINGS);
        assertThat(outcome).isInstanceOf(InventoryRecord.Unreadable.class);
        return ((InventoryRecord.Unreadable) outcome).problem();
    }

    private static String unreadable(Map<String, Object> answers) {
        return unreadable(xml(response(answers)));
    }

    private static NSDate before(Duration ago) {
        return new NSDate(Date.from(AS_OF.minus(ago)));
    }

    @Test
    void everyMappedKeyFillsItsFactAndNothingElseIsKnown() {
        DeviceSnapshot snapshot = snapshot(Map.of("SerialNumber", "F2LXK0QH0D", "ProductName", "iPhone15,2",
                "OSVersion", "26.1", "IsCloudBackupEnabled", true, "LastCloudBackupDate", before(Duration.ofDays(3)),
                "BatteryLevel", 0.85, "DeviceName", "Sales iPhone 07", "WiFiMAC", "a4:83:e7:00:11:22"));

        DeviceSnapshot expected = DeviceSnapshot.unknown().withId("F2LXK0QH0D")
                .with(snapshot.device().withModel("iPhone 14 Pro").withIosVersion(IosVersion.parse("26.1")))
                .with(snapshot.icloud().withBackupEnabled(Answer.YES).withLastBackupDaysAgo(3))
                .with(snapshot.power().withBatteryPercent(85));
        assertThat(snapshot).isEqualTo(expected);
        assertThat(snapshot.device().latestIosVersion()).isNull();
        assertThat(snapshot.device().screenLocked()).isEqualTo(Answer.UNKNOWN);
        assertThat(snapshot.wifi()).isEqualTo(DeviceSnapshot.unknown().wifi());
        assertThat(snapshot.power().connected()).isEqualTo(Answer.UNKNOWN);
        assertThat(snapshot.storage()).isEqualTo(DeviceSnapshot.unknown().storage());
        assertThat(snapshot.icloud().signedIn()).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void aBinaryPropertyListGivesTheSameSnapshotAsXml() {
        NSDictionary response = response(Map.of("SerialNumber", "HX7Q4M2N9P", "ProductName", "iPhone15,4",
                "OSVersion", "26.0.1", "IsCloudBackupEnabled", false, "LastCloudBackupDate", before(Duration.ofDays(9)),
                "BatteryLevel", 0.18));

        assertThat(binary(response)).startsWith("bplist".getBytes(StandardCharsets.US_ASCII));
        assertThat(snapshot(binary(response), SETTINGS)).isEqualTo(snapshot(xml(response), SETTINGS))
                .extracting(DeviceSnapshot::id).isEqualTo("HX7Q4M2N9P");
    }

    @Test
    void theIdIsTheSerialNumberElseTheQueryUdidElseTheResponseUdid() {
        assertThat(snapshot(Map.of("SerialNumber", "C39ZK1ABN72J", "UDID", "query-udid")).id()).isEqualTo("C39ZK1ABN72J");
        assertThat(snapshot(Map.of("UDID", "query-udid")).id()).isEqualTo("query-udid");
        assertThat(snapshot(Map.of("SerialNumber", "", "UDID", "query-udid")).id()).isEqualTo("query-udid");
        assertThat(snapshot(Map.of()).id()).isEqualTo("00008120-001A2B3C4D5E6F01");

        NSDictionary withoutAnyUdid = response(Map.of());
        withoutAnyUdid.remove("UDID");
        assertThat(snapshot(xml(withoutAnyUdid), SETTINGS).id()).isNull();
    }

    @Test
    void everyModelIdentifierOfTheTableIsItsMarketingName() {
        assertThat(ModelIdentifiers.table()).hasSize(47)
                .containsEntry("iPhone8,1", "iPhone 6s").containsEntry("iPhone8,4", "iPhone SE (1st generation)")
                .containsEntry("iPhone9,3", "iPhone 7").containsEntry("iPhone10,6", "iPhone X")
                .containsEntry("iPhone11,6", "iPhone XS Max").containsEntry("iPhone12,8", "iPhone SE (2nd generation)")
                .containsEntry("iPhone13,1", "iPhone 12 mini").containsEntry("iPhone14,6", "iPhone SE (3rd generation)")
                .containsEntry("iPhone15,2", "iPhone 14 Pro").containsEntry("iPhone16,2", "iPhone 15 Pro Max")
                .containsEntry("iPhone17,3", "iPhone 16").containsEntry("iPhone17,5", "iPhone 16e")
                .containsEntry("iPhone18,1", "iPhone 17 Pro").containsEntry("iPhone18,2", "iPhone 17 Pro Max")
                .containsEntry("iPhone18,3", "iPhone 17").containsEntry("iPhone18,4", "iPhone Air");
        ModelIdentifiers.table().forEach((identifier, model) ->
                assertThat(snapshot(Map.of("ProductName", identifier)).device().model()).as(identifier).isEqualTo(model));
    }

    @Test
    void anIphoneIdentifierTheTableLacksLeavesTheModelUnknownAndTheRecordIsWritten() {
        DeviceSnapshot snapshot = snapshot(Map.of("ProductName", "iPhone19,1", "SerialNumber", "KQ2W7ZP3XR"));

        assertThat(snapshot.device().model()).isNull();
        assertThat(snapshot.id()).isEqualTo("KQ2W7ZP3XR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iPad13,16", "AppleTV14,1", "Watch7,1", "Mac14,2", "RealityDevice14,1"})
    void aDeviceThatIsNotAnIphoneIsSkipped(String identifier) {
        InventoryRecord.Outcome outcome = MdmResponse.map(xml(response(Map.of("ProductName", identifier))), SETTINGS);

        assertThat(outcome).isEqualTo(new InventoryRecord.Skipped(identifier));
    }

    @Test
    void theIosVersionIsKeptOnlyWhenItIsDottedAsciiNumbers() {
        assertThat(snapshot(Map.of("OSVersion", "17.6.1")).device().iosVersion()).isEqualTo(IosVersion.parse("17.6.1"));
        assertThat(snapshot(Map.of("OSVersion", "18")).device().iosVersion()).isEqualTo(IosVersion.parse("18"));
        assertThat(snapshot(Map.of("OSVersion", "17.0 (21A5248v)")).device().iosVersion()).isNull();
        assertThat(snapshot(Map.of("OSVersion", "１７.１")).device().iosVersion()).isNull();
        assertThat(snapshot(Map.of("OSVersion", "")).device().iosVersion()).isNull();
    }

    @Test
    void latestIosComesFromTheSettingsForEveryDevice() {
        InventorySettings settings = new InventorySettings(AS_OF, IosVersion.parse("26.1"));

        assertThat(snapshot(xml(response(Map.of("OSVersion", "18.6"))), settings).device().latestIosVersion())
                .isEqualTo(IosVersion.parse("26.1"));
    }

    @Test
    void cloudBackupEnabledIsTheBackupSwitch() {
        assertThat(snapshot(Map.of("IsCloudBackupEnabled", true)).icloud().backupEnabled()).isEqualTo(Answer.YES);
        assertThat(snapshot(Map.of("IsCloudBackupEnabled", false)).icloud().backupEnabled()).isEqualTo(Answer.NO);
        assertThat(snapshot(Map.of()).icloud().backupEnabled()).isEqualTo(Answer.UNKNOWN);
        assertThat(unreadable(Map.of("IsCloudBackupEnabled", 1)))
                .isEqualTo("QueryResponses.IsCloudBackupEnabled must be true or false, was 1");
    }

    @Test
    void theBackupAgeIsCompleted24HourPeriodsToAsOf() {
        assertThat(daysAgo(Duration.ZERO)).isZero();
        assertThat(daysAgo(Duration.ofHours(23).plusMinutes(59))).isZero();
        assertThat(daysAgo(Duration.ofHours(24))).isEqualTo(1);
        assertThat(daysAgo(Duration.ofHours(47).plusMinutes(59))).isEqualTo(1);
        assertThat(daysAgo(Duration.ofHours(48))).isEqualTo(2);
        assertThat(daysAgo(Duration.ofDays(14))).isEqualTo(14);
        assertThat(daysAgo(Duration.ofDays(36_500))).isEqualTo(36_500);
    }

    @Test
    void aBackupAfterAsOfIsZeroDaysAgoAndOneTooOldIsCappedAt36500() {
        assertThat(daysAgo(Duration.ofDays(-3))).isZero();
        assertThat(daysAgo(Duration.ofDays(36_501))).isEqualTo(36_500);
        assertThat(snapshot(Map.of("LastCloudBackupDate", new NSDate(Date.from(Instant.parse("1800-01-01T00:00:00Z"))))).icloud().lastBackupDaysAgo())
                .isEqualTo(36_500);
    }

    @Test
    void aMissingBackupDateLeavesTheAgeUnknownAndAnotherTypeIsUnreadable() {
        assertThat(snapshot(Map.of("IsCloudBackupEnabled", true)).icloud().lastBackupDaysAgo()).isNull();
        assertThat(unreadable(Map.of("LastCloudBackupDate", "2026-11-20T00:00:00Z")))
                .isEqualTo("QueryResponses.LastCloudBackupDate must be a date, was \"2026-11-20T00:00:00Z\"");
    }

    private static Integer daysAgo(Duration ago) {
        return snapshot(Map.of("LastCloudBackupDate", before(ago))).icloud().lastBackupDaysAgo();
    }

    @Test
    void theBatteryLevelIsRoundedToAPercentage() {
        assertThat(battery(0.425)).isEqualTo(43);
        assertThat(battery(0.85)).isEqualTo(85);
        assertThat(battery(0.004)).isZero();
        assertThat(battery(0.0)).isZero();
        assertThat(battery(1.0)).isEqualTo(100);
        assertThat(snapshot(Map.of("BatteryLevel", 1)).power().batteryPercent()).isEqualTo(100);
        assertThat(snapshot(Map.of("BatteryLevel", 0)).power().batteryPercent()).isZero();
    }

    @Test
    void aNegativeBatteryLevelCouldNotBeDeterminedAndLeavesItUnknown() {
        assertThat(battery(-1.0)).isNull();
        assertThat(snapshot(Map.of("BatteryLevel", -1)).power().batteryPercent()).isNull();
        assertThat(snapshot(Map.of()).power().batteryPercent()).isNull();
    }

    @Test
    void aBatteryLevelAboveOneOrNotANumberMakesTheRecordUnreadable() {
        assertThat(unreadable(Map.of("BatteryLevel", 1.01))).isEqualTo("QueryResponses.BatteryLevel must be at most 1.0, was 1.01");
        assertThat(unreadable(Map.of("BatteryLevel", 85))).isEqualTo("QueryResponses.BatteryLevel must be at most 1.0, was 85");
        assertThat(unreadable(Map.of("BatteryLevel", "0.5")))
                .isEqualTo("QueryResponses.BatteryLevel must be a number from 0.0 to 1.0, was \"0.5\"");
        assertThat(unreadable(Map.of("BatteryLevel", true)))
                .isEqualTo("QueryResponses.BatteryLevel must be a number from 0.0 to 1.0, was true");
    }

    private static Integer battery(double level) {
        return snapshot(Map.of("BatteryLevel", level)).power().batteryPercent();
    }

    @Test
    void aStringKeyOfAnotherTypeIsUnreadable() {
        assertThat(unreadable(Map.of("SerialNumber", 42))).isEqualTo("QueryResponses.SerialNumber must be a string, was 42");
        assertThat(unreadable(Map.of("ProductName", new NSArray(0)))).isEqualTo("QueryResponses.ProductName must be a string, was an array");
    }

    @Test
    void aResponseThatIsNotAcknowledgedOrHasNoQueryResponsesIsUnreadable() {
        NSDictionary error = response(Map.of());
        error.put("Status", "Error");
        assertThat(unreadable(xml(error))).isEqualTo("not an acknowledged DeviceInformation response: Status is \"Error\"");

        NSDictionary noStatus = response(Map.of());
        noStatus.remove("Status");
        assertThat(unreadable(xml(noStatus))).isEqualTo("not an acknowledged DeviceInformation response: Status is missing");

        NSDictionary noAnswers = response(Map.of());
        noAnswers.remove("QueryResponses");
        assertThat(unreadable(xml(noAnswers))).isEqualTo("not a DeviceInformation response: QueryResponses is missing");

        NSDictionary wrongAnswers = response(Map.of());
        wrongAnswers.put("QueryResponses", "none");
        assertThat(unreadable(xml(wrongAnswers)))
                .isEqualTo("not a DeviceInformation response: QueryResponses is a string, not a dictionary");

        assertThat(unreadable(xml(new NSArray(0))))
                .isEqualTo("not a DeviceInformation response: the property list is an array, not a dictionary");
    }

    @Test
    void aFileThatIsNotAPropertyListIsUnreadable() {
        assertThat(unreadable("{\"id\": \"not a plist\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("not a property list (XML or binary): neither starts with \"bplist\" nor is XML");
        // An old-style ASCII property list, which dd-plist would read, is not what MDM sends.
        assertThat(unreadable("{ Status = Acknowledged; }".getBytes(StandardCharsets.UTF_8)))
                .startsWith("not a property list (XML or binary)");
        assertThat(unreadable(new byte[0])).startsWith("not a property list (XML or binary)");
        assertThat(unreadable("<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8)))
                .startsWith("not a property list (XML or binary): ");
        assertThat(unreadable("bplist00 broken".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("not a valid binary property list: 15 bytes, too short for its header and trailer");
    }

    @Test
    void malformedXmlIsReportedInTheOutcomeAloneNotOnStandardError() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(unreadable("<?xml version=\"1.0\"?><plist><dict><key>Status</key>".getBytes(StandardCharsets.UTF_8)))
                    .startsWith("not a property list (XML or binary): XML document structures must start and end");
        } finally {
            System.setErr(standardError);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anXmlEntityIsNeverResolvedFromAFile() throws IOException {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<plist version=\"1.0\"><dict><key>Status</key><string>Acknowledged</string>"
                + "<key>QueryResponses</key><dict><key>SerialNumber</key><string>&secret;</string></dict></dict></plist>";

        InventoryRecord.Outcome outcome = MdmResponse.map(plist.getBytes(StandardCharsets.UTF_8), SETTINGS);

        assertThat(outcome.toString()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void aDocumentTypeNamingAnotherDtdIsNotFetched() {
        // Nothing listens on port 9 here: fetching would fail the parse.
        String plist = "<?xml version=\"1.0\"?><!DOCTYPE plist SYSTEM \"http://127.0.0.1:9/plist.dtd\"><plist version=\"1.0\">"
                + "<dict><key>Status</key><string>Acknowledged</string><key>QueryResponses</key>"
                + "<dict><key>SerialNumber</key><string>S1</string></dict></dict></plist>";

        assertThat(snapshot(plist.getBytes(StandardCharsets.UTF_8), SETTINGS).id()).isEqualTo("S1");
    }

    @Test
    void aDocumentTypeOfApplesDtdIsReadWithoutFetchingIt() {
        byte[] plist = xml(response(Map.of("SerialNumber", "F17VX2HJJC6F")));

        assertThat(new String(plist, StandardCharsets.UTF_8)).contains("http://www.apple.com/DTDs/PropertyList-1.0.dtd");
        assertThat(snapshot(plist, SETTINGS).id()).isEqualTo("F17VX2HJJC6F");
    }

    /** Damaged files must cost one unreadable record, never an exception or a runaway allocation. */
    @Test
    void aDamagedPropertyListIsUnreadableOrReadNeverAnError() {
        NSDictionary response = response(Map.of("SerialNumber", "F2LXK0QH0D", "ProductName", "iPhone15,2",
                "OSVersion", "26.1", "IsCloudBackupEnabled", true, "LastCloudBackupDate", before(Duration.ofDays(3)),
                "BatteryLevel", 0.85, "Items", new NSArray(new NSString("a"), new NSString("b"))));
        Random random = new Random(20261126);
        PrintStream standardError = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            for (byte[] valid : List.of(binary(response), xml(response))) {
                for (int i = 0; i < 3_000; i++) {
                    byte[] damaged = valid.clone();
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }
                    assertThat(MdmResponse.map(damaged, SETTINGS)).isNotNull();
                }
            }
        } finally {
            System.setErr(standardError);
        }
        // dd-plist 1.28 prints a warning of its own for a length that is not an integer; it never reads one.
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * A binary property list of 130 bytes whose one object, the top, claims {@code count} entries (or
     * bytes, or characters) in a 4-byte length after its marker: the objects from byte 8, an offset
     * table of one byte at 97, the trailer.
     */
    public static byte[] claiming(int marker, long count) {
        ByteBuffer file = ByteBuffer.allocate(130);
        file.put("bplist00".getBytes(StandardCharsets.US_ASCII)).put((byte) (marker | 0x0F)).put((byte) 0x12).putInt((int) count);
        file.position(97).put((byte) 8);
        file.position(130 - 32 + 6).put((byte) 1).put((byte) 1).putLong(1).putLong(0).putLong(97);
        return file.array();
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 1 << 28})
    void aBinaryPropertyListClaimingMoreThanItHoldsIsUnreadableBeforeAnythingIsAllocated(long count) {
        assertThat(unreadable(claiming(0xA0, count))).isEqualTo("not a valid binary property list: an array at byte 8 claims "
                + count + " entries, more than a file of 130 bytes can hold");
        assertThat(unreadable(claiming(0xD0, count))).isEqualTo("not a valid binary property list: a dictionary at byte 8 claims "
                + count + " entries, more than a file of 130 bytes can hold");
        assertThat(unreadable(claiming(0xC0, count))).startsWith("not a valid binary property list: a set at byte 8 claims " + count);
        assertThat(unreadable(claiming(0x40, count))).isEqualTo("not a valid binary property list: data at byte 8 claims "
                + count + " bytes, more than a file of 130 bytes can hold");
        assertThat(unreadable(claiming(0x50, count))).startsWith("not a valid binary property list: an ASCII string at byte 8 claims "
                + count + " characters");
        assertThat(unreadable(claiming(0x60, count))).startsWith("not a valid binary property list: a UTF-16 string at byte 8 claims "
                + count + " characters");
    }

    @Test
    void whatABinaryPropertyListClaimsIsCheckedAgainstWhatItHolds() {
        // The object starts at byte 8 with 6 bytes of marker and length; the offset table at 97: 83 bytes are left.
        assertThat(unreadable(claiming(0x40, 83))).isEqualTo("not a DeviceInformation response: the property list is data, not a dictionary");
        assertThat(unreadable(claiming(0x40, 84))).isEqualTo("not a valid binary property list: data at byte 8 claims 84 bytes,"
                + " more than a file of 130 bytes can hold");
        assertThat(unreadable(claiming(0x60, 41))).isEqualTo("not a DeviceInformation response: the property list is a string, not a dictionary");
        assertThat(unreadable(claiming(0x60, 42))).startsWith("not a valid binary property list: a UTF-16 string at byte 8 claims 42");
        assertThat(unreadable(claiming(0xA0, 0xFFFF_FFFFL))).startsWith("not a valid binary property list: an array at byte 8 claims 4294967295 entries");

        byte[] manyObjects = claiming(0xA0, 0);
        ByteBuffer.wrap(manyObjects).putLong(130 - 24, 1L << 40);
        assertThat(unreadable(manyObjects)).isEqualTo("not a valid binary property list: it claims 1099511627776 objects, but its"
                + " offset table has room for 1");
        byte[] tableOutside = claiming(0xA0, 0);
        ByteBuffer.wrap(tableOutside).putLong(130 - 8, -1L);
        assertThat(unreadable(tableOutside)).isEqualTo("not a valid binary property list: its offset table starts at byte"
                + " 18446744073709551615, outside its 130 bytes");
        byte[] wideReferences = claiming(0xA0, 0);
        wideReferences[130 - 32 + 7] = 9;
        assertThat(unreadable(wideReferences)).isEqualTo("not a valid binary property list: its trailer gives offsets of 1 bytes"
                + " and object references of 9 bytes; both must be 1 to 8");
        byte[] lengthNotAnInteger = claiming(0xA0, 0);
        lengthNotAnInteger[9] = 0x22;
        assertThat(unreadable(lengthNotAnInteger)).isEqualTo("not a valid binary property list: an array at byte 8 gives its"
                + " length in something other than an integer of 1 to 8 bytes");
    }

    @Test
    void anImpossibleDateIsUnreadableNotRolledOver() {
        String acknowledged = "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>Status</key><string>Acknowledged</string>"
                + "<key>QueryResponses</key><dict><key>SerialNumber</key><string>S1</string><key>LastCloudBackupDate</key>";
        for (String date : List.of("2026-13-45T25:61:61Z", "2026-02-29T10:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20 08:15:00 +0000",
                "2026-11-20T08:15:00Z trailing", " 2026-11-20T08:15:00Z")) {
            byte[] plist = (acknowledged + "<date>" + date + "</date></dict></dict></plist>").getBytes(StandardCharsets.UTF_8);

            assertThat(unreadable(plist)).as(date).isEqualTo("LastCloudBackupDate must be a date such as 2026-11-20T08:15:00Z, was \""
                    + date + "\"");
        }
        byte[] valid = (acknowledged + "<date>2024-02-29T23:59:59Z</date></dict></dict></plist>").getBytes(StandardCharsets.UTF_8);
        assertThat(snapshot(valid, new InventorySettings(Instant.parse("2024-03-02T00:00:00Z"), null)).icloud().lastBackupDaysAgo())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aBinaryDateThatIsNoMomentIsUnreadable(double seconds) {
        // 12345 seconds after 2001-01-01, a double no other part of the file holds.
        byte[] plist = binary(response(Map.of("SerialNumber", "S1",
                "LastCloudBackupDate", new NSDate(Date.from(Instant.parse("2001-01-01T03:25:45Z"))))));
        byte[] stored = ByteBuffer.allocate(9).put((byte) 0x33).putDouble(12345).array();
        int at = 0;
        while (!Arrays.equals(plist, at, at + stored.length, stored, 0, stored.length)) {
            at++;
        }
        ByteBuffer.wrap(plist).putDouble(at + 1, seconds);

        assertThat(unreadable(plist)).isEqualTo("LastCloudBackupDate must be a date, was " + seconds + " seconds after 2001-01-01");
    }

    /**
     * A binary response damaged where a hostile file would be: a trailer field, an object's marker
     * and the length after it, or any byte. Each damaged file is read or unreadable, never an error
     * (an out-of-memory one included) and never a message of more than one line.
     */
    /** The damage once found to put a line break into the Status quoted in the message. */
    @Test
    void aLineBreakInADamagedStatusIsEscaped() {
        aDamagedBinaryPropertyListIsReadOrUnreadableNeverAnError(-34048);
    }

    @Property
    void aDamagedBinaryPropertyListIsReadOrUnreadableNeverAnError(@ForAll long seed) {
        byte[] plist = binary(response(Map.of("SerialNumber", "F2LXK0QH0D", "ProductName", "iPhone15,2",
                "LastCloudBackupDate", before(Duration.ofDays(3)), "BatteryLevel", 0.85,
                "Items", new NSArray(new NSString("a"), new NSString("b")))));
        Random random = new Random(seed);
        ByteBuffer file = ByteBuffer.wrap(plist);
        int trailer = plist.length - 32;
        switch (random.nextInt(3)) {
            case 0 -> file.putLong(trailer + 8 * (1 + random.nextInt(3)), random.nextBoolean() ? random.nextLong() : random.nextInt(256));
            case 1 -> {
                int offsetSize = plist[trailer + 6];
                int entry = (int) file.getLong(trailer + 24) + offsetSize * random.nextInt((int) file.getLong(trailer + 8));
                int object = 0;
                for (int i = entry; i < entry + offsetSize; i++) {
                    object = object << 8 | plist[i] & 0xFF;
                }
                file.put(object, (byte) (random.nextInt(16) << 4 | 0x0F)).put(object + 1, (byte) 0x12).putInt(object + 2, random.nextInt());
            }
            default -> plist[random.nextInt(plist.length)] = (byte) random.nextInt(256);
        }

        InventoryRecord.Outcome outcome = MdmResponse.map(plist, SETTINGS);

        if (outcome instanceof InventoryRecord.Unreadable unreadable) {
            assertThat(unreadable.problem()).doesNotContain("\n");
        } else {
            assertThat(outcome).isNotNull();
        }
    }

    @Test
    void anIdLongerThanASnapshotAllowsIsUnreadable() {
        assertThat(unreadable(Map.of("SerialNumber", "S".repeat(201))))
                .isEqualTo("QueryResponses.SerialNumber or UDID: id must be at most 200 Unicode code points long, was 201");
    }
}
