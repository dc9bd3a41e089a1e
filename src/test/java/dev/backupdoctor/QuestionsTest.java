package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.GB;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    static Question question(DeviceSnapshot snapshot, String id) {
        return doctor().diagnose(snapshot).questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anEmptySnapshotAsksAboutEveryStepMostUsefulFirst() {
        List<Question> questions = doctor().diagnose(DeviceSnapshot.unknown()).questions();
        assertThat(questions).extracting(Question::id).doesNotHaveDuplicates().contains(
                "icloud.backupEnabled", "wifi.connected", "power.connected", "storage.totalBytes",
                "service.icloudBackup", "icloud.signedIn", "device.model", "device.iosVersion", "tried:RESTART_IPHONE");
        assertThat(questions).extracting(Question::impact).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(questions.get(0).impact()).isGreaterThan(questions.get(questions.size() - 1).impact());
        assertThat(questions.get(0).id()).isEqualTo("service.icloudBackup");
    }

    @Test
    void onlyQuestionsWhoseAnswerChangesThePlanAreAsked() {
        assertThat(doctor().diagnose(DeviceSnapshot.unknown()).questions()).extracting(Question::id)
                .as("the cable only matters to an iPhone known not to charge").doesNotContain("power.cable");
        DeviceSnapshot disconnected = allFine().with(new WifiStatus(Answer.UNKNOWN, Answer.NO, null));
        assertThat(doctor().diagnose(disconnected).questions()).extracting(Question::id)
                .doesNotContain("wifi.enabled", "wifi.signalBars");
        DeviceSnapshot connected = allFine().with(new WifiStatus(Answer.YES, Answer.YES, null));
        assertThat(doctor().diagnose(connected).questions()).extracting(Question::id).contains("wifi.signalBars");
    }

    @Test
    void aKnownSnapshotIsOnlyAskedWhatWasAlreadyTried() {
        assertThat(doctor().diagnose(allFine()).questions()).extracting(Question::id).containsExactlyInAnyOrder(
                "tried:SIGN_OUT_AND_BACK_IN", "tried:RESTART_IPHONE", "tried:RESET_ALL_SETTINGS");
        assertThat(doctor().diagnose(allFine().withTried("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS",
                "BACK_UP_WITH_COMPUTER")).questions()).isEmpty();
    }

    @Test
    void repliesAreReadAsAPersonTypesThem() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        assertThat(question(none, "icloud.backupEnabled").answer(none, " Yes ").icloud().backupEnabled()).isEqualTo(Answer.YES);
        DeviceSnapshot notCharging = allFine().with(new PowerState(Answer.YES, Answer.NO, null));
        assertThat(question(notCharging, "power.cable").answer(notCharging, "third-party").power().cable())
                .isEqualTo(Cable.THIRD_PARTY);
        assertThat(question(none, "service.icloudBackup").answer(none, "outage").service().icloudBackup())
                .isEqualTo(ServiceState.OUTAGE);
        assertThat(question(none, "storage.totalBytes").answer(none, "1.5 GB").storage().totalBytes()).isEqualTo(1_500_000_000L);
        assertThat(question(none, "storage.usedBytes").answer(none, "750MB").storage().usedBytes()).isEqualTo(750_000_000L);
        assertThat(question(none, "device.iosVersion").answer(none, "16.7.2").device().iosVersion())
                .isEqualTo(IosVersion.parse("16.7.2"));
        assertThat(question(none, "tried:RESTART_IPHONE").answer(none, "y").tried()).containsExactly("RESTART_IPHONE");
        assertThat(question(none, "tried:RESTART_IPHONE").answer(none, "no").tried()).isEmpty();
        DeviceSnapshot connected = allFine().with(new WifiStatus(Answer.YES, Answer.YES, null));
        assertThat(question(connected, "wifi.signalBars").answer(connected, "1").wifi().signalBars()).isEqualTo(1);
    }

    @Test
    void anInvalidReplyIsRejectedWithAHint() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        assertThatThrownBy(() -> question(none, "icloud.backupEnabled").answer(none, "maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("answer yes or no");
        assertThatThrownBy(() -> question(none, "storage.totalBytes").answer(none, "lots"))
                .hasMessage("answer a size such as 5 GB, 750 MB or 1.5 TB");
        DeviceSnapshot notCharging = allFine().with(new PowerState(Answer.YES, Answer.NO, null));
        assertThatThrownBy(() -> question(notCharging, "power.cable").answer(notCharging, "usb"))
                .hasMessage("answer apple or third-party");
        assertThatThrownBy(() -> question(none, "device.iosVersion").answer(none, "seventeen"))
                .hasMessage("answer a version such as 17.1.2");
        DeviceSnapshot connected = allFine().with(new WifiStatus(Answer.YES, Answer.YES, null));
        assertThatThrownBy(() -> question(connected, "wifi.signalBars").answer(connected, "5"))
                .hasMessage("answer a whole number from 0 to 3");
        DeviceSnapshot total = DeviceSnapshot.unknown().with(new StorageStatus(5 * GB, null, null, null));
        assertThatThrownBy(() -> question(total, "storage.usedBytes").answer(total, "6 GB"))
                .hasMessage("usedBytes must not exceed totalBytes (5000000000), was 6000000000");
    }

    @Test
    void answeringTheQuestionsInTurnGivesThePlanOfTheEquivalentSnapshot() {
        DeviceSnapshot device = DeviceSnapshot.unknown()
                .with(new DeviceInfo("iPhone 8", IosVersion.parse("16.7.2"), IosVersion.parse("17.1.1"), Answer.YES))
                .with(new ICloudSettings(Answer.YES, Answer.YES, Answer.NO))
                .with(new WifiStatus(Answer.YES, Answer.YES, 1))
                .with(new PowerState(Answer.YES, Answer.YES, Cable.APPLE))
                .with(new StorageStatus(5 * GB, 4_200_000_000L, 1_500_000_000L, null))
                .with(new ServiceStatus(ServiceState.AVAILABLE));
        Map<String, String> replies = Map.ofEntries(
                Map.entry("device.model", "iPhone 8"), Map.entry("device.iosVersion", "16.7.2"),
                Map.entry("device.latestIosVersion", "17.1.1"), Map.entry("device.screenLocked", "yes"),
                Map.entry("icloud.signedIn", "yes"), Map.entry("icloud.backupEnabled", "yes"),
                Map.entry("icloud.verificationRequired", "no"), Map.entry("wifi.enabled", "yes"),
                Map.entry("wifi.connected", "yes"), Map.entry("wifi.signalBars", "1"),
                Map.entry("power.connected", "yes"), Map.entry("power.charging", "yes"), Map.entry("power.cable", "apple"),
                Map.entry("storage.totalBytes", "5 GB"), Map.entry("storage.usedBytes", "4.2 GB"),
                Map.entry("storage.nextBackupBytes", "1.5 GB"), Map.entry("service.icloudBackup", "available"));

        DeviceSnapshot consulted = DeviceSnapshot.unknown();
        Set<String> asked = new HashSet<>();
        for (int round = 0; round < 40; round++) {
            Question next = doctor().diagnose(consulted).questions().stream()
                    .filter(q -> !asked.contains(q.id())).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            asked.add(next.id());
            consulted = next.answer(consulted, replies.getOrDefault(next.id(), "no"));
        }
        assertThat(doctor().diagnose(consulted)).isEqualTo(doctor().diagnose(device));
        assertThat(asked).as("the cable only matters to an iPhone that doesn't charge").doesNotContain("power.cable");
    }

    @Test
    void planChangeIsMeasuredInActionsAndChangedInstructions() {
        Diagnosis unknownModel = doctor().diagnose(allFine().with(DeviceInfo.UNKNOWN));
        Diagnosis knownModel = doctor().diagnose(allFine());
        // Knowing the device drops UPDATE_IOS (1) and changes the restart and reset instructions (0.5 each).
        assertThat(Questions.distance(unknownModel, knownModel)).isEqualTo(1 + 0.5 + 0.5);
        assertThat(Questions.distance(knownModel, knownModel)).isZero();
    }
}
