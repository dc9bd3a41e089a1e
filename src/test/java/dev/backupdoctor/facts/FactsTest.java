package dev.backupdoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactsTest {

    @ParameterizedTest
    @CsvSource({
        "iPhone X, FACE_ID", "iPhone XS Max, FACE_ID", "iPhone XR, FACE_ID", "iPhone 11, FACE_ID",
        "iPhone 15 Pro, FACE_ID", "iPhone 16e, FACE_ID", "iPhone Air, FACE_ID",
        "iPhone 8, HOME_BUTTON", "iPhone 8 Plus, HOME_BUTTON", "iPhone 6s, HOME_BUTTON", "iPhone 7 Plus, HOME_BUTTON",
        "iPhone SE, HOME_BUTTON", "iPhone SE (3rd generation), HOME_BUTTON",
        "Galaxy S23, UNKNOWN", "iPhone, UNKNOWN", "'', UNKNOWN"
    })
    void modelFamilies(String model, ModelFamily family) {
        assertThat(ModelFamily.of(model)).isEqualTo(family);
    }

    @Test
    void unknownModelIsAnUnknownFamily() {
        assertThat(ModelFamily.of(null)).isEqualTo(ModelFamily.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({"17.9, 17.10, -1", "17, 17.0.0, 0", "16.7.2, 17.1.1, -1", "17.1.2, 17.1, 1"})
    void versionsCompareNumerically(String a, String b, int sign) {
        assertThat(Integer.signum(IosVersion.parse(a).compareTo(IosVersion.parse(b)))).isEqualTo(sign);
    }

    @ParameterizedTest
    @CsvSource({"17.1.2.3.4, 17.1.2.3.5, -1", "17.1.2.3.4, 17.1.2, 1", "17.1.2.0.0, 17.1.2, 0",
                "99999999999999999999.1, 99999999999999999998.9, 1", "017.01, 17.1, 0"})
    void versionsHaveAnyNumberOfPartsAndDigits(String a, String b, int sign) {
        assertThat(Integer.signum(IosVersion.parse(a).compareTo(IosVersion.parse(b)))).isEqualTo(sign);
    }

    @Test
    void equalVersionsHaveEqualHashes() {
        assertThat(IosVersion.parse("17")).isEqualTo(IosVersion.parse("17.0")).hasSameHashCodeAs(IosVersion.parse("17.0.0"));
        assertThat(IosVersion.parse("17.1.2")).hasToString("17.1.2");
    }

    @ParameterizedTest
    @CsvSource({"seventeen", "17.", ".1", "17..1", "-1", "17.1a", "'17.1 '", "'\u0661\u0667.1'", "+17", "'17,1'"})
    void malformedVersionsAreRejected(String text) {
        assertThatThrownBy(() -> IosVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a version like \"17.1.2\"");
    }

    @Test
    void unknownIsNeverNo() {
        assertThat(new WifiStatus(null, null, null).connected()).isEqualTo(Answer.UNKNOWN);
        assertThat(Answer.of(null)).isEqualTo(Answer.UNKNOWN);
        assertThat(Answer.of(false)).isEqualTo(Answer.NO);
        assertThat(new StorageStatus(null, null, null, null).tooFull()).isEqualTo(Answer.UNKNOWN);
        assertThat(new DeviceInfo(null, null, null, null).updateAvailable()).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void storageShortfallAndWhatToDelete() {
        StorageStatus storage = new StorageStatus(5_000_000_000L, 4_200_000_000L, 1_500_000_000L,
                List.of(new AppBackup("A", 100), new AppBackup("B", 800_000_000L), new AppBackup("C", 200_000_000L)));
        assertThat(storage.freeBytes()).isEqualTo(800_000_000L);
        assertThat(storage.shortfallBytes()).isEqualTo(700_000_000L);
        assertThat(storage.appBackupsCoverTheRest()).isEqualTo(Answer.YES);
        assertThat(storage.appBackupsToSwitchOff()).extracting(AppBackup::app).containsExactly("B");
    }

    @Test
    void appBackupsThatCannotCoverTheShortfallAreNotSuggested() {
        StorageStatus storage = new StorageStatus(5L, 5L, 3L, List.of(new AppBackup("A", 2)));
        assertThat(storage.appBackupsCoverTheRest()).isEqualTo(Answer.NO);
        assertThat(storage.appBackupsToSwitchOff()).isEmpty();
    }

    @Test
    void hugeAppBackupsDoNotOverflow() {
        StorageStatus storage = new StorageStatus(5L, 5L, 3L,
                List.of(new AppBackup("A", StorageStatus.MAX_BYTES), new AppBackup("B", StorageStatus.MAX_BYTES)));
        assertThat(storage.appBackupsCoverTheRest()).isEqualTo(Answer.YES);
    }

    @Test
    void invalidFactsAreRejected() {
        assertThatThrownBy(() -> new StorageStatus(5L, 6L, 1L, null))
                .hasMessage("usedBytes must not exceed totalBytes (5), was 6");
        assertThatThrownBy(() -> new StorageStatus(-1L, null, null, null))
                .hasMessage("totalBytes must be between 0 and 9007199254740991, was -1");
        assertThatThrownBy(() -> new StorageStatus(null, null, StorageStatus.MAX_BYTES + 1, null))
                .hasMessage("nextBackupBytes must be between 0 and 9007199254740991, was 9007199254740992");
        assertThatThrownBy(() -> new WifiStatus(null, null, 4)).hasMessage("signalBars must be between 0 and 3, was 4");
        assertThatThrownBy(() -> DeviceSnapshot.unknown().withTried("restart"))
                .hasMessage("tried: action ids are UPPER_SNAKE_CASE, was \"restart\"");
    }
}
