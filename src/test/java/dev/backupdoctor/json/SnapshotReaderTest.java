package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.schema.Schema;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotReaderTest {

    private final SnapshotReader reader = new SnapshotReader();

    @Test
    void readsEveryField() {
        DeviceSnapshot snapshot = reader.read("""
                {
                  "id":      "F2LXK3ABHG7F",
                  "device":  { "model": "iPhone 8", "iosVersion": "16.7.2", "latestIosVersion": "17.1.1",
                               "screenLocked": true, "sideloadedApps": false },
                  "icloud":  { "signedIn": true, "backupEnabled": true, "verificationRequired": false,
                               "emailVerified": true, "backupOverCellular": false, "twoFactor": true,
                               "lastBackupDaysAgo": 3, "backupMessage": "COULD_NOT_COMPLETE" },
                  "restrictions": { "backupAllowed": true },
                  "wifi":    { "enabled": true, "connected": true, "signalBars": 3, "lowDataMode": false,
                               "filtered": true },
                  "power":   { "connected": true, "charging": true, "cable": "APPLE", "batteryPercent": 64 },
                  "storage": { "totalBytes": 5000000000, "usedBytes": 4200000000, "nextBackupBytes": 1500000000,
                               "appBackups": [ { "app": "WhatsApp", "bytes": 900000000 } ],
                               "otherDeviceBackups": [ { "device": "Old iPad", "bytes": 700000000 } ] },
                  "service": { "icloudBackup": "AVAILABLE" },
                  "tried":   [ "RESTART_IPHONE" ]
                }""");

        assertThat(snapshot.id()).isEqualTo("F2LXK3ABHG7F");
        assertThat(snapshot.icloud().lastBackupDaysAgo()).isEqualTo(3);
        assertThat(snapshot.device().model()).isEqualTo("iPhone 8");
        assertThat(snapshot.device().iosVersion()).isEqualTo(IosVersion.parse("16.7.2"));
        assertThat(snapshot.device().latestIosVersion()).isEqualTo(IosVersion.parse("17.1.1"));
        assertThat(snapshot.device().screenLocked()).isEqualTo(Answer.YES);
        assertThat(snapshot.device().sideloadedApps()).isEqualTo(Answer.NO);
        assertThat(snapshot.icloud().signedIn()).isEqualTo(Answer.YES);
        assertThat(snapshot.icloud().backupEnabled()).isEqualTo(Answer.YES);
        assertThat(snapshot.icloud().verificationRequired()).isEqualTo(Answer.NO);
        assertThat(snapshot.icloud().emailVerified()).isEqualTo(Answer.YES);
        assertThat(snapshot.icloud().backupOverCellular()).isEqualTo(Answer.NO);
        assertThat(snapshot.icloud().twoFactor()).isEqualTo(Answer.YES);
        assertThat(snapshot.restrictions().backupAllowed()).isEqualTo(Answer.YES);
        assertThat(snapshot.wifi().enabled()).isEqualTo(Answer.YES);
        assertThat(snapshot.wifi().connected()).isEqualTo(Answer.YES);
        assertThat(snapshot.wifi().signalBars()).isEqualTo(3);
        assertThat(snapshot.wifi().lowDataMode()).isEqualTo(Answer.NO);
        assertThat(snapshot.wifi().filtered()).isEqualTo(Answer.YES);
        assertThat(snapshot.power().connected()).isEqualTo(Answer.YES);
        assertThat(snapshot.power().charging()).isEqualTo(Answer.YES);
        assertThat(snapshot.power().cable()).isEqualTo(Cable.APPLE);
        assertThat(snapshot.icloud().backupMessage()).isEqualTo(BackupMessage.COULD_NOT_COMPLETE);
        assertThat(snapshot.power().batteryPercent()).isEqualTo(64);
        assertThat(snapshot.storage().totalBytes()).isEqualTo(5_000_000_000L);
        assertThat(snapshot.storage().usedBytes()).isEqualTo(4_200_000_000L);
        assertThat(snapshot.storage().nextBackupBytes()).isEqualTo(1_500_000_000L);
        assertThat(snapshot.storage().appBackups()).containsExactly(new AppBackup("WhatsApp", 900_000_000L));
        assertThat(snapshot.storage().otherDeviceBackups()).containsExactly(new DeviceBackup("Old iPad", 700_000_000L));
        assertThat(snapshot.service().icloudBackup()).isEqualTo(ServiceState.AVAILABLE);
        assertThat(snapshot.tried()).containsExactly("RESTART_IPHONE");
    }

    @Test
    void readsTheOppositeOfEachNewYesNoField() {
        DeviceSnapshot snapshot = reader.read("{\"device\": {\"sideloadedApps\": true}, \"icloud\": {\"emailVerified\": false, "
                + "\"backupOverCellular\": true, \"twoFactor\": false}, \"restrictions\": {\"backupAllowed\": false}, "
                + "\"wifi\": {\"lowDataMode\": true, \"filtered\": false}}");

        assertThat(snapshot.device().sideloadedApps()).isEqualTo(Answer.YES);
        assertThat(snapshot.icloud().emailVerified()).isEqualTo(Answer.NO);
        assertThat(snapshot.icloud().backupOverCellular()).isEqualTo(Answer.YES);
        assertThat(snapshot.icloud().twoFactor()).isEqualTo(Answer.NO);
        assertThat(snapshot.restrictions().backupAllowed()).isEqualTo(Answer.NO);
        assertThat(snapshot.wifi().lowDataMode()).isEqualTo(Answer.YES);
        assertThat(snapshot.wifi().filtered()).isEqualTo(Answer.NO);
    }

    @Test
    void newFieldsAbsentOrNullAreUnknown() {
        DeviceSnapshot nulls = reader.read("{\"device\": {\"sideloadedApps\": null}, \"icloud\": {\"emailVerified\": null, "
                + "\"backupOverCellular\": null, \"twoFactor\": null}, \"restrictions\": {\"backupAllowed\": null}, "
                + "\"wifi\": {\"lowDataMode\": null, \"filtered\": null}, \"power\": {\"batteryPercent\": null}, "
                + "\"storage\": {\"otherDeviceBackups\": null}}");

        for (DeviceSnapshot snapshot : List.of(nulls, reader.read("{\"restrictions\": null}"), reader.read("{\"restrictions\": {}}"))) {
            assertThat(snapshot.device().sideloadedApps()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.icloud().emailVerified()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.icloud().backupOverCellular()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.icloud().twoFactor()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.restrictions().backupAllowed()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.wifi().lowDataMode()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.wifi().filtered()).isEqualTo(Answer.UNKNOWN);
            assertThat(snapshot.power().batteryPercent()).isNull();
            assertThat(snapshot.storage().otherDeviceBackups()).isNull();
        }
    }

    @Test
    void absentAndNullAreUnknownButFalseIsNo() {
        assertThat(reader.read("{}").wifi().enabled()).isEqualTo(Answer.UNKNOWN);
        assertThat(reader.read("{\"wifi\": null}").wifi().enabled()).isEqualTo(Answer.UNKNOWN);
        assertThat(reader.read("{\"wifi\": {}}").wifi().enabled()).isEqualTo(Answer.UNKNOWN);
        assertThat(reader.read("{\"wifi\": {\"enabled\": null}}").wifi().enabled()).isEqualTo(Answer.UNKNOWN);
        assertThat(reader.read("{\"wifi\": {\"enabled\": false}}").wifi().enabled()).isEqualTo(Answer.NO);
    }

    @Test
    void anAbsentAppBackupListIsUnknownButAnEmptyOneIsKnownEmpty() {
        assertThat(reader.read("{\"storage\": {}}").storage().appBackups()).isNull();
        assertThat(reader.read("{\"storage\": {\"appBackups\": null}}").storage().appBackups()).isNull();
        assertThat(reader.read("{\"storage\": {\"appBackups\": []}}").storage().appBackups()).isEmpty();
        assertThat(reader.read("{\"storage\": {}}").storage().otherDeviceBackups()).isNull();
        assertThat(reader.read("{\"storage\": {\"otherDeviceBackups\": []}}").storage().otherDeviceBackups()).isEmpty();
    }

    @Test
    void acceptsTheExtremesOfEachRange() {
        DeviceSnapshot snapshot = reader.read("{\"wifi\": {\"signalBars\": 0}, \"power\": {\"batteryPercent\": 100}, "
                + "\"storage\": {\"totalBytes\": 9007199254740991, \"usedBytes\": 9007199254740991, \"nextBackupBytes\": 0, "
                + "\"appBackups\": [{\"app\": \"\", \"bytes\": 9007199254740991}], "
                + "\"otherDeviceBackups\": [{\"device\": \"\", \"bytes\": 9007199254740991}, {\"device\": \"Old iPad\", \"bytes\": 0}]}, "
                + "\"tried\": [\"MY_OWN_REMEDY\"]}");

        assertThat(snapshot.wifi().signalBars()).isZero();
        assertThat(snapshot.power().batteryPercent()).isEqualTo(100);
        assertThat(snapshot.storage().usedBytes()).isEqualTo(StorageStatus.MAX_BYTES);
        assertThat(snapshot.storage().appBackups()).containsExactly(new AppBackup("", StorageStatus.MAX_BYTES));
        assertThat(snapshot.storage().otherDeviceBackups())
                .containsExactly(new DeviceBackup("", StorageStatus.MAX_BYTES), new DeviceBackup("Old iPad", 0));
        assertThat(snapshot.tried()).containsExactly("MY_OWN_REMEDY");
        assertThat(reader.read("{\"power\": {\"batteryPercent\": 0}}").power().batteryPercent()).isZero();
    }

    @Test
    void readsTheIdAndTheBackupAgeAtTheirLimits() {
        String longest = "\uD83D\uDCF1".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS);

        assertThat(reader.read("{\"id\": \"\"}").id()).isEmpty();
        assertThat(reader.read("{\"id\": \"" + longest + "\"}").id()).isEqualTo(longest);
        assertThat(reader.read("{\"id\": null}").id()).isNull();
        assertThat(reader.read("{}").id()).isNull();
        assertThat(reader.read("{\"icloud\": {\"lastBackupDaysAgo\": 0}}").icloud().lastBackupDaysAgo()).isZero();
        assertThat(reader.read("{\"icloud\": {\"lastBackupDaysAgo\": 36500}}").icloud().lastBackupDaysAgo()).isEqualTo(36_500);
        assertThat(reader.read("{\"icloud\": {\"lastBackupDaysAgo\": null}}").icloud().lastBackupDaysAgo()).isNull();
    }

    @Test
    void rejectsAnIdOfMoreThan200CodePointsCountingEachEmojiOnce() {
        String tooLong = "\uD83D\uDCF1".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS) + "x";

        assertThatThrownBy(() -> reader.read("{\"id\": \"" + tooLong + "\"}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage("$.id: must be at most 200 Unicode code points long, was 201");
        assertThatThrownBy(() -> DeviceSnapshot.unknown().withId("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must be at most 200 Unicode code points long, was 201");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what | input | message
            number for the id | {"id": 42} | $.id: must be a string or null, was 42
            backup age over 36500 | {"icloud": {"lastBackupDaysAgo": 36501}} | $.icloud.lastBackupDaysAgo: must be between 0 and 36500, was 36501
            negative backup age | {"icloud": {"lastBackupDaysAgo": -1}} | $.icloud.lastBackupDaysAgo: must be between 0 and 36500, was -1
            fractional backup age | {"icloud": {"lastBackupDaysAgo": 1.5}} | $.icloud.lastBackupDaysAgo: must be a whole number between 0 and 36500, was 1.5
            malformed JSON | {"wifi": {"enabled": tru}} | $: malformed JSON at line 1, column 22: 'tru' is not a value (a string in double quotes, a number, an object, an array, true, false or null)
            unterminated object | {"wifi": {"enabled": true, | $: malformed JSON at line 1, column 27: the input ends inside the object that starts at line 1, column 10
            single quotes | {'wifi': {}} | $: malformed JSON at line 1, column 2: unexpected "'"; expected a field name in double quotes
            empty input | `` | $: no JSON found, expected an object
            top level an array | [] | $: the snapshot must be a JSON object, was an array
            top level a string | "hello" | $: the snapshot must be a JSON object, was "hello"
            top level null | null | $: the snapshot must be a JSON object, was null
            string for a boolean | {"icloud": {"signedIn": "yes"}} | $.icloud.signedIn: must be true, false or null, was "yes"
            number for a boolean | {"icloud": {"signedIn": 1}} | $.icloud.signedIn: must be true, false or null, was 1
            string for an int | {"wifi": {"signalBars": "3"}} | $.wifi.signalBars: must be a whole number between 0 and 3, was "3"
            float for an int | {"wifi": {"signalBars": 3.0}} | $.wifi.signalBars: must be a whole number between 0 and 3, was 3.0
            int out of range | {"wifi": {"signalBars": 7}} | $.wifi.signalBars: must be between 0 and 3, was 7
            negative int | {"wifi": {"signalBars": -1}} | $.wifi.signalBars: must be between 0 and 3, was -1
            float byte count | {"storage": {"totalBytes": 5.0E9}} | $.storage.totalBytes: must be a whole number between 0 and 9007199254740991, was 5.0E9
            negative byte count | {"storage": {"nextBackupBytes": -5}} | $.storage.nextBackupBytes: must be at least 0, was -5
            byte count beyond a long | {"storage": {"totalBytes": 92233720368547758070}} | $.storage.totalBytes: must be at most 9007199254740991, was 92233720368547758070
            byte count of 20 digits | {"storage": {"totalBytes": 12345678901234567890}} | $.storage.totalBytes: must be at most 9007199254740991, was 12345678901234567890
            negative byte count beyond a long | {"storage": {"usedBytes": -12345678901234567890}} | $.storage.usedBytes: must be at least 0, was -12345678901234567890
            byte count beyond a double | {"storage": {"totalBytes": 1e400}} | $.storage.totalBytes: must be a whole number between 0 and 9007199254740991, was 1e400
            int beyond a long | {"wifi": {"signalBars": 12345678901234567890}} | $.wifi.signalBars: must be between 0 and 3, was 12345678901234567890
            int beyond a double | {"icloud": {"lastBackupDaysAgo": -1e400}} | $.icloud.lastBackupDaysAgo: must be a whole number between 0 and 36500, was -1e400
            used more than total | {"storage": {"totalBytes": 5000000000, "usedBytes": 6000000000}} | $.storage.usedBytes: must not exceed totalBytes (5000000000), was 6000000000
            number for a string | {"device": {"model": 8}} | $.device.model: must be a string or null, was 8
            array for an object | {"device": ["iPhone 8"]} | $.device: must be an object or null, was an array
            object for an array | {"tried": {"RESTART_IPHONE": true}} | $.tried: must be an array or null, was an object
            unknown top-level field | {"wfi": {}} | $.wfi: unknown field (known fields: id, device, icloud, restrictions, wifi, power, storage, service, tried)
            unknown nested field | {"wifi": {"signalbars": 2}} | $.wifi.signalbars: unknown field (known fields: FIELDS OF wifi)
            unknown field in an app backup | {"storage": {"appBackups": [{"app": "Notes", "bytes": 1, "size": 1}]}} | $.storage.appBackups[0].size: unknown field (known fields: app, bytes)
            unknown field with an odd name | {"wifi": {"signal bars": 2}} | $.wifi["signal bars"]: unknown field (known fields: FIELDS OF wifi)
            unknown field in restrictions | {"restrictions": {"backupAllowed": true, "screenTime": true}} | $.restrictions.screenTime: unknown field (known fields: FIELDS OF restrictions)
            unknown field in a device backup | {"storage": {"otherDeviceBackups": [{"device": "Old iPad", "bytes": 1, "app": "x"}]}} | $.storage.otherDeviceBackups[0].app: unknown field (known fields: device, bytes)
            unknown device field | {"device": {"sideLoadedApps": true}} | $.device.sideLoadedApps: unknown field (known fields: FIELDS OF device)
            unknown icloud field | {"icloud": {"twoFactorAuth": true}} | $.icloud.twoFactorAuth: unknown field (known fields: FIELDS OF icloud)
            unknown power field | {"power": {"battery": 50}} | $.power.battery: unknown field (known fields: FIELDS OF power)
            unknown storage field | {"storage": {"oldBackups": []}} | $.storage.oldBackups: unknown field (known fields: FIELDS OF storage)
            restrictions not an object | {"restrictions": true} | $.restrictions: must be an object or null, was true
            string for backupAllowed | {"restrictions": {"backupAllowed": "no"}} | $.restrictions.backupAllowed: must be true, false or null, was "no"
            number for sideloadedApps | {"device": {"sideloadedApps": 0}} | $.device.sideloadedApps: must be true, false or null, was 0
            string for emailVerified | {"icloud": {"emailVerified": "true"}} | $.icloud.emailVerified: must be true, false or null, was "true"
            string for backupOverCellular | {"icloud": {"backupOverCellular": "on"}} | $.icloud.backupOverCellular: must be true, false or null, was "on"
            number for twoFactor | {"icloud": {"twoFactor": 2}} | $.icloud.twoFactor: must be true, false or null, was 2
            string for lowDataMode | {"wifi": {"lowDataMode": "off"}} | $.wifi.lowDataMode: must be true, false or null, was "off"
            array for filtered | {"wifi": {"filtered": [true]}} | $.wifi.filtered: must be true, false or null, was an array
            battery over 100 | {"power": {"batteryPercent": 101}} | $.power.batteryPercent: must be between 0 and 100, was 101
            negative battery | {"power": {"batteryPercent": -1}} | $.power.batteryPercent: must be between 0 and 100, was -1
            fractional battery | {"power": {"batteryPercent": 64.5}} | $.power.batteryPercent: must be a whole number between 0 and 100, was 64.5
            string for battery | {"power": {"batteryPercent": "64"}} | $.power.batteryPercent: must be a whole number between 0 and 100, was "64"
            battery as a fraction | {"power": {"batteryPercent": 0.64}} | $.power.batteryPercent: must be a whole number between 0 and 100, was 0.64
            byte count one past 2^53 - 1 | {"storage": {"totalBytes": 9007199254740992}} | $.storage.totalBytes: must be at most 9007199254740991, was 9007199254740992
            used bytes one past 2^53 - 1 | {"storage": {"usedBytes": 9007199254740992}} | $.storage.usedBytes: must be at most 9007199254740991, was 9007199254740992
            next backup one past 2^53 - 1 | {"storage": {"nextBackupBytes": 9007199254740992}} | $.storage.nextBackupBytes: must be at most 9007199254740991, was 9007199254740992
            app backup one past 2^53 - 1 | {"storage": {"appBackups": [{"app": "Notes", "bytes": 9007199254740992}]}} | $.storage.appBackups[0].bytes: must be at most 9007199254740991, was 9007199254740992
            device backup one past 2^53 - 1 | {"storage": {"otherDeviceBackups": [{"device": "Old iPad", "bytes": 1}, {"device": "Old iPhone", "bytes": 9007199254740992}]}} | $.storage.otherDeviceBackups[1].bytes: must be at most 9007199254740991, was 9007199254740992
            byte count as long's maximum | {"storage": {"totalBytes": 9223372036854775807}} | $.storage.totalBytes: must be at most 9007199254740991, was 9223372036854775807
            byte count with an exponent | {"storage": {"totalBytes": 5E9}} | $.storage.totalBytes: must be a whole number between 0 and 9007199254740991, was 5E9
            byte count with a zero fraction | {"storage": {"usedBytes": 1.0}} | $.storage.usedBytes: must be a whole number between 0 and 9007199254740991, was 1.0
            negative device backup | {"storage": {"otherDeviceBackups": [{"device": "Old iPad", "bytes": -1}]}} | $.storage.otherDeviceBackups[0].bytes: must be at least 0, was -1
            fractional device backup | {"storage": {"otherDeviceBackups": [{"device": "Old iPad", "bytes": 1.5}]}} | $.storage.otherDeviceBackups[0].bytes: must be a whole number between 0 and 9007199254740991, was 1.5
            device backups not an array | {"storage": {"otherDeviceBackups": {"device": "Old iPad", "bytes": 1}}} | $.storage.otherDeviceBackups: must be an array or null, was an object
            device backup not an object | {"storage": {"otherDeviceBackups": ["Old iPad"]}} | $.storage.otherDeviceBackups[0]: must be an object like {"device": "Old iPad", "bytes": 700000000}, was "Old iPad"
            device backup null | {"storage": {"otherDeviceBackups": [null]}} | $.storage.otherDeviceBackups[0]: must be an object like {"device": "Old iPad", "bytes": 700000000}, was null
            device backup without bytes | {"storage": {"otherDeviceBackups": [{"device": "Old iPad"}]}} | $.storage.otherDeviceBackups[0].bytes: required in a device backup
            device backup with null bytes | {"storage": {"otherDeviceBackups": [{"device": "Old iPad", "bytes": null}]}} | $.storage.otherDeviceBackups[0].bytes: required in a device backup
            device backup without a name | {"storage": {"otherDeviceBackups": [{"bytes": 1}]}} | $.storage.otherDeviceBackups[0].device: required in a device backup
            device backup with a null name | {"storage": {"otherDeviceBackups": [{"device": null, "bytes": 1}]}} | $.storage.otherDeviceBackups[0].device: required in a device backup
            number for a device name | {"storage": {"otherDeviceBackups": [{"device": 7, "bytes": 1}]}} | $.storage.otherDeviceBackups[0].device: must be a string or null, was 7
            unknown enum value | {"power": {"cable": "apple"}} | $.power.cable: must be one of APPLE, THIRD_PARTY, UNKNOWN, was "apple"
            number for an enum | {"service": {"icloudBackup": 1}} | $.service.icloudBackup: must be one of AVAILABLE, OUTAGE, UNKNOWN, was 1
            Back Up Now's words for its message | {"icloud": {"backupMessage": "Not enough iCloud storage"}} | $.icloud.backupMessage: must be one of COMPLETED, NOT_ENOUGH_STORAGE, NETWORK_ERROR, SIGN_IN_REQUIRED, EMAIL_NOT_VERIFIED, COULD_NOT_COMPLETE, UNKNOWN_ERROR, UNKNOWN, was "Not enough iCloud storage"
            bad version | {"device": {"iosVersion": "seventeen"}} | $.device.iosVersion: not a version like "17.1.2", was "seventeen"
            number for a version | {"device": {"latestIosVersion": 17.1}} | $.device.latestIosVersion: not a version like "17.1.2", was 17.1
            bad tried id | {"tried": ["RESTART_IPHONE", "restart"]} | $.tried[1]: must be an action id in UPPER_SNAKE_CASE such as "RESTART_IPHONE", was "restart"
            null tried id | {"tried": [null]} | $.tried[0]: must be an action id in UPPER_SNAKE_CASE such as "RESTART_IPHONE", was null
            app backup not an object | {"storage": {"appBackups": ["WhatsApp"]}} | $.storage.appBackups[0]: must be an object like {"app": "WhatsApp", "bytes": 900000000}, was "WhatsApp"
            app backup without bytes | {"storage": {"appBackups": [{"app": "Notes"}]}} | $.storage.appBackups[0].bytes: required in an app backup
            app backup without a name | {"storage": {"appBackups": [{"app": null, "bytes": 1}]}} | $.storage.appBackups[0].app: required in an app backup
            duplicate top-level key | {"wifi": {}, "wifi": {}} | $.wifi: duplicate field
            duplicate nested key | {"wifi": {"enabled": true, "enabled": false}} | $.wifi.enabled: duplicate field
            trailing object | {} {} | $: unexpected content after the snapshot at line 1, column 4
            trailing garbage | {} x | $: unexpected content after the snapshot at line 1, column 4
            trailing close marker | {}} | $: unexpected content after the snapshot at line 1, column 3
            NaN | {"wifi": {"signalBars": NaN}} | $: malformed JSON at line 1, column 25: 'NaN' is not a value (a string in double quotes, a number, an object, an array, true, false or null)
            """)
    void rejectsInvalidInputNamingThePathAndTheProblem(String what, String json, String message) {
        assertThatThrownBy(() -> reader.read(json == null ? "" : json))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessage(withFieldsOfTheSections(message));
    }

    /**
     * The message with each {@code FIELDS OF section} spelled out as the section's record lists its
     * components, so that a new field of a section changes no row here.
     */
    static String withFieldsOfTheSections(String message) {
        Matcher section = Pattern.compile("FIELDS OF (\\w+)").matcher(message);
        return section.replaceAll(found -> Stream.of(Schema.field(DeviceSnapshot.class, found.group(1)).orElseThrow().type()
                .getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", ")));
    }

    /** Each kind of syntax error Jackson reports, in plain words: none of its settings, classes or "[Source: ...]". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what | input | message
            a comment | {/* the phone */} | $: malformed JSON at line 1, column 2: unexpected '/'; JSON has no comments
            a hash comment | # the phone | $: malformed JSON at line 1, column 1: unexpected '#'; expected a value (a string in double quotes, a number, an object, an array, true, false or null)
            an unquoted name | {wifi: {}} | $: malformed JSON at line 1, column 2: unexpected 'w'; expected a field name in double quotes
            a comma too many | {"id": "x",} | $: malformed JSON at line 1, column 12: unexpected '}'; expected a field name in double quotes
            no colon | {"id" "x"} | $: malformed JSON at line 1, column 7: unexpected '"'; expected ':' after the field name
            no comma between fields | {"wifi": {} "power": {}} | $: malformed JSON at line 1, column 13: unexpected '"'; expected ',' or '}' after the field's value
            no comma between entries | {"tried": ["BACK_UP_NOW" "UPDATE_IOS"]} | $: malformed JSON at line 1, column 26: unexpected '"'; expected ',' or ']' after the entry
            a closing bracket for an object | {"wifi": {]} | $: malformed JSON at line 1, column 11: unexpected ']'; expected '}' to close the object
            a closing brace first | } | $: malformed JSON at line 1, column 1: unexpected '}'
            a plus sign | {"wifi": {"signalBars": +1}} | $: malformed JSON at line 1, column 26: unexpected '+'; not a valid number
            a fraction without digits | {"wifi": {"signalBars": 1.}} | $: malformed JSON at line 1, column 27: unexpected '}'; not a valid number
            a leading zero | {"wifi": {"signalBars": 01}} | $: malformed JSON at line 1, column 26: not a valid number
            a word after a wide character | {"id": "é", "wifi": {"enabled": tru}} | $: malformed JSON at line 1, column 34: 'tru' is not a value (a string in double quotes, a number, an object, an array, true, false or null)
            Infinity | {"wifi": {"signalBars": -Infinity}} | $: malformed JSON at line 1, column 25: '-Infinity' is not a value (a string in double quotes, a number, an object, an array, true, false or null)
            a tab in a string | {"id": "a\\tb"} | $: malformed JSON at line 1, column 10: control character U+0009 in a string: write it escaped, as \\n, \\t or \\u followed by four hex digits
            an unknown escape | {"id": "a\\qb"} | $: malformed JSON at line 1, column 11: \\q is not an escape JSON knows (\\" \\\\ \\/ \\b \\f \\n \\r \\t, or \\u followed by four hex digits)
            a short unicode escape | {"id": "\\u12G4"} | $: malformed JSON at line 1, column 13: unexpected 'G'; \\u takes four hex digits
            a letter where a value belongs | {"id": é} | $: malformed JSON at line 1, column 8: unexpected 'é'
            an unclosed string | {"id": "F2LX | $: malformed JSON at line 1, column 13: the input ends inside a string, before its closing '"'
            an unclosed array | {"tried": ["BACK_UP_NOW", | $: malformed JSON at line 1, column 26: the input ends inside the array that starts at line 1, column 11
            """)
    void syntaxErrorsAreToldInPlainWordsAtTheirLineAndColumn(String what, String json, String message) {
        // A real tab where the row writes \t outside an escape: the table can't hold one.
        InvalidSnapshotException rejected = catchInvalid(json.replace("a\\tb", "a\tb"));

        assertThat(rejected).hasMessage(message);
        assertThat(rejected.getMessage()).doesNotContain("Source", "REDACTED", "Feature", "`", "(code", "Jackson", "token");
    }

    @Test
    void aSnapshotCutShortIsUnfinishedAtTheLineAndColumnWhereItEnds() {
        InvalidSnapshotException prettyFirstLine = catchInvalid("{");
        InvalidSnapshotException cut = catchInvalid("{\n  \"id\": \"F2LX\",\n  \"wifi\": {\n    \"enabled\": true\n");

        assertThat(prettyFirstLine).hasMessage("$: malformed JSON at line 1, column 2: the input ends inside the object that starts at line 1, column 1");
        assertThat(prettyFirstLine.unfinished()).isTrue();
        assertThat(cut).hasMessage("$: malformed JSON at line 5, column 1: the input ends inside the object that starts at line 3, column 11");
        assertThat(cut.unfinished()).isTrue();
        assertThat(catchInvalid("{\"id\": 1]").unfinished()).isFalse();
        assertThat(catchInvalid("{} x").unfinished()).isFalse();
    }

    @Test
    void splitsTheMessageIntoPathAndProblem() {
        InvalidSnapshotException e = catchInvalid("{\"wifi\": {\"signalBars\": 7}}");

        assertThat(e.path()).isEqualTo("$.wifi.signalBars");
        assertThat(e.problem()).isEqualTo("must be between 0 and 3, was 7");
    }

    @Test
    void rejectsDeepNestingBeforeBuildingIt() {
        // Binding stops at the first bracket where no array belongs, long before the nesting limit.
        String deep = "{\"wifi\": " + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(catchInvalid(deep)).hasMessage("$.wifi: must be an object or null, was an array");
    }

    @Test
    void rejectsHugeStringsAndNumbers() {
        assertThat(catchInvalid("{\"device\": {\"model\": \"" + "x".repeat(70_000) + "\"}}"))
                .hasMessage("$.device.model: string too long: 70000 characters, the limit is 65536");
        assertThat(catchInvalid("{\"storage\": {\"totalBytes\": 1" + "0".repeat(100) + "}}"))
                .hasMessage("$.storage.totalBytes: number too long: 101 characters, the limit is 64");
    }

    @Test
    void rejectsOversizeInputBeforeParsing() {
        // Not even valid JSON: the size alone must decide.
        byte[] big = new byte[SnapshotReader.MAX_BYTES + 1];

        assertThat(catchInvalid(big)).hasMessage("$: snapshot is 1048577 bytes, the limit is 1048576");
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(big)))
                .hasMessage("$: snapshot is more than 1048576 bytes, the limit is 1048576");
    }

    @Test
    void acceptsASnapshotOfExactlyTheLimit() {
        String padded = "{\"device\": {\"model\": \"iPhone 8\"}}";
        byte[] json = (padded + " ".repeat(SnapshotReader.MAX_BYTES - padded.length())).getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(json).device().model()).isEqualTo("iPhone 8");
    }

    @Test
    void readsUtf8() {
        assertThat(reader.read("{\"storage\": {\"appBackups\": [{\"app\": \"Fotos ✓\", \"bytes\": 1}]}}".getBytes(StandardCharsets.UTF_8))
                .storage().appBackups()).extracting(AppBackup::app).isEqualTo(List.of("Fotos ✓"));
    }

    @Test
    void rejectsInvalidUtf8EvenInAFieldNameTheParserHasMetBefore() {
        // Found by DamagedInputProperties: Jackson alone reads the second name as "bytes".
        byte[] json = "{\"storage\": {\"appBackups\": [{\"app\": \"A\", \"bytes\": 1}, {\"app\": \"B\", \"byte?s\": 2}]}}"
                .getBytes(StandardCharsets.US_ASCII);
        json[indexOf(json, (byte) '?')] = (byte) 0xFF;

        assertThat(catchInvalid(json)).hasMessage("$: malformed JSON: invalid UTF-8 at byte 73");
        assertThat(catchInvalid(new byte[] {'{', (byte) 0xC0, (byte) 0x80, '}'})).as("overlong NUL")
                .hasMessage("$: malformed JSON: invalid UTF-8 at byte 2");
        assertThat(catchInvalid(new byte[] {'{', '"', (byte) 0xE2, (byte) 0x9C})).as("cut short")
                .hasMessage("$: malformed JSON: invalid UTF-8 at byte 3");
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private InvalidSnapshotException catchInvalid(String json) {
        return catchInvalid(json.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidSnapshotException catchInvalid(byte[] json) {
        try {
            reader.read(json);
        } catch (InvalidSnapshotException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
