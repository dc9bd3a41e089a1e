package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.GB;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.Restrictions;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionsTest {

    /** Every field known, none at its default, and both backup lists, which are never asked, filled in. */
    private static final DeviceSnapshot KNOWN = DeviceSnapshot.unknown()
            .with(DeviceInfo.UNKNOWN.withModel("iPhone 15 Pro").withIosVersion(IosVersion.parse("17.0.3"))
                    .withLatestIosVersion(IosVersion.parse("17.1.2")).withScreenLocked(YES).withSideloadedApps(NO))
            .with(ICloudSettings.UNKNOWN.withSignedIn(YES).withBackupEnabled(YES).withVerificationRequired(NO)
                    .withEmailVerified(YES).withBackupOverCellular(NO).withTwoFactor(YES)
                    .withBackupMessage(BackupMessage.NETWORK_ERROR))
            .with(Restrictions.UNKNOWN.withBackupAllowed(YES))
            .with(WifiStatus.UNKNOWN.withEnabled(YES).withConnected(YES).withSignalBars(2).withLowDataMode(NO)
                    .withFiltered(YES))
            .with(PowerState.UNKNOWN.withConnected(YES).withCharging(NO).withCable(Cable.THIRD_PARTY)
                    .withBatteryPercent(64))
            .with(StorageStatus.UNKNOWN.withTotalBytes(5 * GB).withUsedBytes(4_200_000_000L)
                    .withNextBackupBytes(1_500_000_000L)
                    .withAppBackups(List.of(new AppBackup("WhatsApp", 900_000_000L)))
                    .withOtherDeviceBackups(List.of(new DeviceBackup("Old iPad", 700_000_000L))))
            .with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.AVAILABLE));

    /** For each askable field: how a person describes {@link #KNOWN}'s value, and {@link #KNOWN} without it. */
    private static final Map<String, Reply> KNOWN_REPLIES = Map.ofEntries(
            reply("restrictions.backupAllowed", "no", s -> s.with(Restrictions.UNKNOWN.withBackupAllowed(UNKNOWN))),
            reply("icloud.backupEnabled", "yes", s -> s.with(s.icloud().withBackupEnabled(UNKNOWN))),
            reply("device.screenLocked", "yes", s -> s.with(s.device().withScreenLocked(UNKNOWN))),
            reply("wifi.enabled", "yes", s -> s.with(s.wifi().withEnabled(UNKNOWN))),
            reply("wifi.connected", "yes", s -> s.with(s.wifi().withConnected(UNKNOWN))),
            reply("wifi.signalBars", "2", s -> s.with(s.wifi().withSignalBars(null))),
            reply("wifi.lowDataMode", "no", s -> s.with(s.wifi().withLowDataMode(UNKNOWN))),
            reply("icloud.backupOverCellular", "no", s -> s.with(s.icloud().withBackupOverCellular(UNKNOWN))),
            reply("wifi.filtered", "yes", s -> s.with(s.wifi().withFiltered(UNKNOWN))),
            reply("power.connected", "yes", s -> s.with(s.power().withConnected(UNKNOWN))),
            reply("power.charging", "no", s -> s.with(s.power().withCharging(UNKNOWN))),
            reply("power.cable", "third-party", s -> s.with(s.power().withCable(Cable.UNKNOWN))),
            reply("power.batteryPercent", "64 %", s -> s.with(s.power().withBatteryPercent(null))),
            reply("storage.totalBytes", "5 GB", s -> s.with(s.storage().withTotalBytes(null))),
            reply("storage.usedBytes", "4.2 GB", s -> s.with(s.storage().withUsedBytes(null))),
            reply("storage.nextBackupBytes", "1.5 GB", s -> s.with(s.storage().withNextBackupBytes(null))),
            reply("service.icloudBackup", "available", s -> s.with(ServiceStatus.UNKNOWN
                    .withIcloudBackup(ServiceState.UNKNOWN))),
            reply("icloud.emailVerified", "yes", s -> s.with(s.icloud().withEmailVerified(UNKNOWN))),
            reply("icloud.twoFactor", "yes", s -> s.with(s.icloud().withTwoFactor(UNKNOWN))),
            reply("icloud.signedIn", "yes", s -> s.with(s.icloud().withSignedIn(UNKNOWN))),
            reply("icloud.verificationRequired", "no", s -> s.with(s.icloud().withVerificationRequired(UNKNOWN))),
            reply("icloud.backupMessage", "network error", s -> s.with(s.icloud().withBackupMessage(null))),
            reply("device.model", "iPhone 15 Pro", s -> s.with(s.device().withModel(null))),
            reply("device.iosVersion", "17.0.3", s -> s.with(s.device().withIosVersion(null))),
            reply("device.latestIosVersion", "17.1.2", s -> s.with(s.device().withLatestIosVersion(null))),
            reply("device.sideloadedApps", "no", s -> s.with(s.device().withSideloadedApps(UNKNOWN))));

    private record Reply(String text, UnaryOperator<DeviceSnapshot> forget) {
    }

    private static Map.Entry<String, Reply> reply(String id, String text, UnaryOperator<DeviceSnapshot> forget) {
        return Map.entry(id, new Reply(text, forget));
    }

    private static BackupDoctor echo;

    /**
     * A doctor whose one rule spells out every fact, so that every unknown field changes the plan
     * and is asked: the answers are tested apart from what the catalog's rules read.
     */
    static synchronized BackupDoctor echoDoctor() {
        if (echo == null) {
            echo = BackupDoctor.builder().withoutBuiltInRules().addClasspathRules("echo-rules").build();
        }
        return echo;
    }

    static Question question(DeviceSnapshot snapshot, String id) {
        return question(doctor(), snapshot, id);
    }

    static Question question(BackupDoctor doctor, DeviceSnapshot snapshot, String id) {
        return doctor.diagnose(snapshot).questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    static List<String> askableFields() {
        return List.copyOf(KNOWN_REPLIES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("askableFields")
    void answeringAQuestionSetsItsFieldAndKeepsEveryOther(String id) {
        DeviceSnapshot without = KNOWN_REPLIES.get(id).forget().apply(KNOWN);
        assertThat(without).isNotEqualTo(KNOWN);

        Question question = question(echoDoctor(), without, id);

        assertThat(question.answer(without, KNOWN_REPLIES.get(id).text())).isEqualTo(KNOWN);
    }

    @Test
    void answeringEveryQuestionInTurnRebuildsTheSnapshot() {
        DeviceSnapshot consulted = DeviceSnapshot.unknown().with(StorageStatus.UNKNOWN
                .withAppBackups(KNOWN.storage().appBackups()).withOtherDeviceBackups(KNOWN.storage().otherDeviceBackups()));
        Set<String> asked = new HashSet<>();
        for (Question next = firstQuestion(consulted, asked); next != null; next = firstQuestion(consulted, asked)) {
            asked.add(next.id());
            consulted = next.answer(consulted, KNOWN_REPLIES.get(next.id()).text());
        }

        assertThat(consulted).isEqualTo(KNOWN);
        assertThat(asked).as("every field but the two backup lists is asked").isEqualTo(KNOWN_REPLIES.keySet());
    }

    private static Question firstQuestion(DeviceSnapshot snapshot, Set<String> asked) {
        return echoDoctor().diagnose(snapshot).questions().stream().filter(q -> !asked.contains(q.id())).findFirst().orElse(null);
    }

    @Test
    void theNewQuestionsAreAskedInAPersonsWords() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        assertThat(question(echoDoctor(), none, "restrictions.backupAllowed").text())
                .isEqualTo("Is iCloud Backup restricted on this iPhone by Screen Time or by a company or school profile?");
        assertThat(question(echoDoctor(), none, "power.batteryPercent"))
                .extracting(Question::text, Question::type)
                .containsExactly("What is the battery level, in percent?", Question.Type.NUMBER);
        assertThat(question(echoDoctor(), none, "wifi.filtered").type()).isEqualTo(Question.Type.YES_NO);
    }

    @Test
    void restrictedMeansBackupIsNotAllowed() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        Question restricted = question(echoDoctor(), none, "restrictions.backupAllowed");

        assertThat(restricted.answer(none, "yes").restrictions().backupAllowed()).isEqualTo(NO);
        assertThat(restricted.answer(none, "n").restrictions().backupAllowed()).isEqualTo(YES);
    }

    @Test
    void theBatteryLevelIsAWholePercentWithOrWithoutTheSign() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        Question battery = question(echoDoctor(), none, "power.batteryPercent");

        assertThat(battery.answer(none, "0").power().batteryPercent()).isZero();
        assertThat(battery.answer(none, "100%").power().batteryPercent()).isEqualTo(100);
        assertThat(battery.answer(none, " 75 % ").power().batteryPercent()).isEqualTo(75);
        for (String wrong : List.of("101", "-1", "64.5", "half", "%", "")) {
            assertThatThrownBy(() -> battery.answer(none, wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("answer a whole number from 0 to 100");
        }
    }

    @Test
    void theNewYesNoQuestionsTakeYesOrNo() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        for (String id : List.of("wifi.lowDataMode", "wifi.filtered", "icloud.emailVerified", "icloud.backupOverCellular",
                "icloud.twoFactor", "device.sideloadedApps", "restrictions.backupAllowed")) {
            assertThatThrownBy(() -> question(echoDoctor(), none, id).answer(none, "maybe")).as(id)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("answer yes or no");
        }
        assertThat(question(echoDoctor(), none, "wifi.lowDataMode").answer(none, "Y").wifi().lowDataMode()).isEqualTo(YES);
        assertThat(question(echoDoctor(), none, "icloud.twoFactor").answer(none, "false").icloud().twoFactor()).isEqualTo(NO);
    }

    @Test
    void anEmptySnapshotAsksAboutEveryStepMostUsefulFirst() {
        List<Question> questions = doctor().diagnose(DeviceSnapshot.unknown()).questions();
        assertThat(questions).extracting(Question::id).doesNotHaveDuplicates().contains(
                "icloud.backupEnabled", "wifi.connected", "power.connected", "storage.totalBytes",
                "service.icloudBackup", "icloud.signedIn", "device.model", "device.iosVersion");
        assertThat(questions).extracting(Question::id).as("tried is learnt by walking through the plan, never asked")
                .noneMatch(id -> id.startsWith("tried"));
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
    void aKnownSnapshotAsksNothingNotEvenWhatWasTried() {
        DeviceSnapshot known = allFine().with(allFine().icloud().withBackupMessage(BackupMessage.UNKNOWN_ERROR));
        assertThat(doctor().diagnose(known).questions()).isEmpty();
        assertThat(doctor().diagnose(known.withTried("RESTART_IPHONE")).questions()).isEmpty();
        assertThat(doctor().diagnose(allFine()).questions()).extracting(Question::id).as("what Back Up Now said could change the plan")
                .containsExactly("icloud.backupMessage");
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
        assertThat(question(none, "service.icloudBackup").answer(none, "Green").service().icloudBackup())
                .isEqualTo(ServiceState.AVAILABLE);
        assertThat(question(notCharging, "power.cable").answer(notCharging, "Third party").power().cable())
                .isEqualTo(Cable.THIRD_PARTY);
        assertThat(question(none, "storage.totalBytes").answer(none, "1.5 GB").storage().totalBytes()).isEqualTo(1_500_000_000L);
        assertThat(question(none, "storage.usedBytes").answer(none, "750MB").storage().usedBytes()).isEqualTo(750_000_000L);
        assertThat(question(none, "device.iosVersion").answer(none, "16.7.2").device().iosVersion())
                .isEqualTo(IosVersion.parse("16.7.2"));
        DeviceSnapshot connected = allFine().with(new WifiStatus(Answer.YES, Answer.YES, null));
        assertThat(question(connected, "wifi.signalBars").answer(connected, "1").wifi().signalBars()).isEqualTo(1);
    }

    @Test
    void whatBackUpNowSaidIsTakenAsAPersonTypesIt() {
        DeviceSnapshot none = DeviceSnapshot.unknown();
        Question message = question(none, "icloud.backupMessage");
        assertThat(message.text()).startsWith("What did the iPhone say when you last tapped Back Up Now");
        Map<String, BackupMessage> replies = Map.of(
                "NOT_ENOUGH_STORAGE", BackupMessage.NOT_ENOUGH_STORAGE,
                "\"Not enough iCloud storage\"", BackupMessage.NOT_ENOUGH_STORAGE,
                "not enough", BackupMessage.NOT_ENOUGH_STORAGE,
                "The last backup could not be completed.", BackupMessage.COULD_NOT_COMPLETE,
                "it said the last backup could not be completed", BackupMessage.COULD_NOT_COMPLETE,
                "could not be completed", BackupMessage.COULD_NOT_COMPLETE,
                "Completed", BackupMessage.COMPLETED,
                "An Unknown Error Occurred", BackupMessage.UNKNOWN_ERROR,
                "network", BackupMessage.NETWORK_ERROR,
                "verify your email", BackupMessage.EMAIL_NOT_VERIFIED);
        replies.forEach((reply, expected) -> assertThat(message.answer(none, reply).icloud().backupMessage()).as(reply)
                .isEqualTo(expected));
        assertThatThrownBy(() -> message.answer(none, "error")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("that could be network-error or unknown-error; answer completed or not-enough-storage or network-error"
                        + " or sign-in-required or email-not-verified or could-not-complete or unknown-error");
        assertThatThrownBy(() -> message.answer(none, "it's fine")).hasMessage("answer completed or not-enough-storage or"
                + " network-error or sign-in-required or email-not-verified or could-not-complete or unknown-error");
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
                .hasMessage("that is more than the whole iCloud plan (5.0 GB); answer at most 5.0 GB");
        assertThatThrownBy(() -> question(none, "storage.totalBytes").answer(none, "5000000000"))
                .as("a bare byte count").hasMessage("answer a size such as 5 GB, 750 MB or 1.5 TB");
    }

    @Test
    void answeringTheQuestionsInTurnGivesThePlanOfTheEquivalentSnapshot() {
        DeviceSnapshot device = DeviceSnapshot.unknown()
                .with(DeviceInfo.UNKNOWN.withModel("iPhone 8").withIosVersion(IosVersion.parse("16.7.2"))
                        .withLatestIosVersion(IosVersion.parse("17.1.1")).withScreenLocked(YES)
                        .withSideloadedApps(NO))
                .with(ICloudSettings.UNKNOWN.withSignedIn(YES).withBackupEnabled(YES).withVerificationRequired(NO)
                        .withEmailVerified(YES).withBackupOverCellular(NO).withTwoFactor(YES)
                        .withBackupMessage(BackupMessage.NETWORK_ERROR))
                .with(Restrictions.UNKNOWN.withBackupAllowed(YES))
                .with(WifiStatus.UNKNOWN.withEnabled(YES).withConnected(YES).withSignalBars(1).withLowDataMode(NO)
                        .withFiltered(NO))
                .with(PowerState.UNKNOWN.withConnected(YES).withCharging(YES).withCable(Cable.APPLE)
                        .withBatteryPercent(64))
                .with(new StorageStatus(5 * GB, 4_200_000_000L, 1_500_000_000L, null))
                .with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.AVAILABLE));
        Map<String, String> replies = Map.ofEntries(
                Map.entry("device.model", "iPhone 8"), Map.entry("device.iosVersion", "16.7.2"),
                Map.entry("device.latestIosVersion", "17.1.1"), Map.entry("device.screenLocked", "yes"),
                Map.entry("device.sideloadedApps", "no"), Map.entry("icloud.signedIn", "yes"),
                Map.entry("icloud.backupEnabled", "yes"), Map.entry("icloud.verificationRequired", "no"),
                Map.entry("icloud.emailVerified", "yes"), Map.entry("icloud.backupOverCellular", "no"),
                Map.entry("icloud.twoFactor", "yes"), Map.entry("restrictions.backupAllowed", "no"),
                Map.entry("icloud.backupMessage", "\u201cNo network connection.\u201d"),
                Map.entry("wifi.enabled", "yes"), Map.entry("wifi.connected", "yes"), Map.entry("wifi.signalBars", "1"),
                Map.entry("wifi.lowDataMode", "no"), Map.entry("wifi.filtered", "no"),
                Map.entry("power.connected", "yes"), Map.entry("power.charging", "yes"), Map.entry("power.cable", "apple"),
                Map.entry("power.batteryPercent", "64"),
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
        // Knowing the device drops UPDATE_IOS (1) and changes the restart instructions (0.5); the other
        // remedies (the reset's menu path included) read the same on every iPhone.
        assertThat(Questions.distance(unknownModel, knownModel)).isEqualTo(1 + 0.5);
        assertThat(Questions.distance(knownModel, knownModel)).isZero();
    }
}
