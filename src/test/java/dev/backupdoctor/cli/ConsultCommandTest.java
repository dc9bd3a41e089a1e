package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Question;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.plan.Action;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code consult} as a person uses it: questions, then the plan one action at a time, and {@code --save}. */
class ConsultCommandTest {

    private static final BackupDoctor DOCTOR = Run.DOCTOR;
    private static final Path EXAMPLES = Path.of("examples/snapshots");
    private static final String DID_IT_FIX = "Did that fix the backup? (yes, no, skip, done)\n";
    /** Skips the first question a snapshot that knows all else is asked, what Back Up Now showed. */
    private static final String PAST_THE_MESSAGE = "skip\n";
    private static final String NOT_SAVED = "What was learned is not saved: run consult with --save FILE to keep it.\n";

    @TempDir
    Path folder;

    private static Run run(String stdin, String... args) {
        return Run.of(stdin, args);
    }

    private static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    private static DeviceSnapshot read(Path file) throws IOException {
        return new SnapshotReader().read(Files.readAllBytes(file));
    }

    private Path snapshotFile(String json) throws IOException {
        return Files.writeString(folder.resolve("given.json"), json);
    }

    // --- the questions ---

    @Test
    void eachAnswerShowsHowThePlanChanged() {
        Run run = run("outage\ndone\n", "consult");
        assertThat(run.out()).contains("1. What does Apple's System Status page (apple.com/support/systemstatus) show for "
                + "iCloud Backup? (available, outage)\n")
                .contains("   - no longer: [CHECK] Check Apple's System Status page\n")
                .contains("   + now:       [FIX] Wait for Apple to fix iCloud Backup\n")
                .endsWith("\nStopped.\n" + NOT_SAVED);
        assertThat(run.status()).isZero();
    }

    @Test
    void aSkippedQuestionStaysUnknownAndTheNextIsAsked() {
        Run run = run("skip\ndone\n", "consult");
        assertThat(run.out()).contains(">    Skipped: it stays unknown.\n\n2. ");
    }

    @Test
    void anUnclearAnswerIsAskedAgainWithAHint() {
        Run run = run("maybe\n\navailable\ndone\n", "consult");
        assertThat(run.out()).contains(">    Sorry, answer available or outage. Or 'skip', or 'done'.\n"
                        + ">    Sorry, answer available or outage. Or 'skip', or 'done'.\n")
                .contains("   - no longer: [CHECK] Check Apple's System Status page\n");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aTooLongAnswerIsRefusedAndAskedAgain() {
        Run run = run("y".repeat(1_001) + "\navailable\ndone\n", "consult");
        assertThat(run.out()).contains(">    That answer is too long (at most 1,000 characters); please answer again.\n> ")
                .contains("   - no longer: [CHECK] Check Apple's System Status page\n");
    }

    @Test
    void aGigabyteLineIsSkippedWithoutBeingHeldInMemory() {
        long gigabyte = 1L << 30;
        InputStream huge = new InputStream() {
            private long left = gigabyte;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + count, (byte) 'x');
                left -= count;
                return count;
            }
        };
        InputStream stdin = new SequenceInputStream(huge, new ByteArrayInputStream("\ndone\n".getBytes(StandardCharsets.UTF_8)));

        Run run = Run.of(stdin, null, "consult");

        assertThat(run.out()).contains("That answer is too long (at most 1,000 characters)").endsWith("\nStopped.\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void theEndOfInputEndsTheConsultation() {
        Run asking = run("", "consult");
        assertThat(asking).isEqualTo(new Run(0, asking.out(), ""));
        assertThat(asking.out()).endsWith("> \n\nNo more answers: stopped.\n");
        Run walking = run(PAST_THE_MESSAGE, "consult", example("managed-profile-blocks-backup.json"));
        assertThat(walking.status()).isZero();
        assertThat(walking.out()).contains("1. [FIX] Allow iCloud Backup\n").endsWith(DID_IT_FIX + "> \n\nNo more answers: stopped.\n");
    }

    @Test
    void consultStartsFromWhatAFileKnowsAndNeverAsksWhatWasTried() {
        // The file knows the Wi-Fi and the model; a question about something it doesn't know comes first.
        Run run = run("no\n", "consult", example("weak-wifi-iphone-8.json"));
        assertThat(run.out()).doesNotContain("Wi-Fi symbol show").doesNotContain("Which iPhone model")
                .containsPattern("\\n1\\. [^\\n]*\\? \\((yes or no|completed, [^)]*)\\)")
                .doesNotContain("already tried");
    }

    @Test
    void aCompleteSnapshotAsksNothingAndGoesStraightToThePlan() throws IOException {
        // Complete: what Back Up Now showed is known too.
        Path given = snapshotFile(Files.readString(EXAMPLES.resolve("managed-profile-blocks-backup.json"))
                .replace("\"twoFactor\": true", "\"twoFactor\": true, \"backupMessage\": \"UNKNOWN_ERROR\""));
        Run run = run("done\n", "consult", given.toString());
        assertThat(run.out()).startsWith("""
                Nothing to ask: all that would change the plan is known.
                Now the plan, one action at a time: after each, say whether it fixed the backup.

                1. [FIX] Allow iCloud Backup
                   1) If the iPhone belongs to a company or school, """).contains(DID_IT_FIX).endsWith("> \nStopped.\n");
    }

    @Test
    void anEmptyPlanSaysSoAndEnds() throws IOException {
        Path given = snapshotFile(Files.readString(EXAMPLES.resolve("all-fine-still-failing.json"))
                .replace("\"tried\":   [ \"SIGN_OUT_AND_BACK_IN\", \"RESTART_IPHONE\" ]", "\"tried\": [\"BACK_UP_NOW\", "
                        + "\"SIGN_OUT_AND_BACK_IN\", \"RESTART_IPHONE\", \"RESET_ALL_SETTINGS\", \"FIND_APP_BREAKING_BACKUP\", "
                        + "\"BACK_UP_WITH_COMPUTER\"]"));
        assertThat(run("", "consult", given.toString()))
                .isEqualTo(new Run(0, "Nothing is visibly wrong, and every general remedy has already been tried.\n", ""));
    }

    /** The person knows the truth; each question is answered from it, the way the consultation asks. */
    private static String reply(Question question, DeviceSnapshot truth) {
        String id = question.id();
        if (id.equals("restrictions.backupAllowed")) {
            // The question asks whether backup is restricted: "yes" means it is not allowed.
            Answer allowed = truth.restrictions().backupAllowed();
            return allowed == Answer.YES ? "no" : allowed == Answer.NO ? "yes" : "skip";
        }
        Object value = switch (id) {
            case "icloud.backupEnabled" -> truth.icloud().backupEnabled();
            case "icloud.emailVerified" -> truth.icloud().emailVerified();
            case "icloud.backupOverCellular" -> truth.icloud().backupOverCellular();
            case "icloud.twoFactor" -> truth.icloud().twoFactor();
            case "device.sideloadedApps" -> truth.device().sideloadedApps();
            case "wifi.lowDataMode" -> truth.wifi().lowDataMode();
            case "wifi.filtered" -> truth.wifi().filtered();
            case "power.batteryPercent" -> truth.power().batteryPercent();
            case "icloud.signedIn" -> truth.icloud().signedIn();
            case "icloud.verificationRequired" -> truth.icloud().verificationRequired();
            case "device.screenLocked" -> truth.device().screenLocked();
            case "device.model" -> truth.device().model();
            case "device.iosVersion" -> truth.device().iosVersion();
            case "device.latestIosVersion" -> truth.device().latestIosVersion();
            case "wifi.enabled" -> truth.wifi().enabled();
            case "wifi.connected" -> truth.wifi().connected();
            case "wifi.signalBars" -> truth.wifi().signalBars();
            case "power.connected" -> truth.power().connected();
            case "power.charging" -> truth.power().charging();
            case "power.cable" -> truth.power().cable() == Cable.THIRD_PARTY ? "third-party" : truth.power().cable();
            case "storage.totalBytes" -> megabytes(truth.storage().totalBytes());
            case "storage.usedBytes" -> megabytes(truth.storage().usedBytes());
            case "storage.nextBackupBytes" -> megabytes(truth.storage().nextBackupBytes());
            case "service.icloudBackup" -> truth.service().icloudBackup();
            case "icloud.backupMessage" -> truth.icloud().backupMessage() == BackupMessage.UNKNOWN ? null
                    : truth.icloud().backupMessage().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            default -> throw new AssertionError("a question this test can't answer: " + id);
        };
        if (value == null || value == Answer.UNKNOWN || value == Cable.UNKNOWN || value == ServiceState.UNKNOWN) {
            return "skip";
        }
        return value == Answer.YES ? "yes" : value == Answer.NO ? "no" : value.toString().toLowerCase(Locale.ROOT);
    }

    /** A size as a person types it, exactly: in MB, never a byte count, which consult doesn't take. */
    private static String megabytes(Long bytes) {
        return bytes == null ? null : BigDecimal.valueOf(bytes, 6).stripTrailingZeros().toPlainString() + " mb";
    }

    /** The answers a person who knows the truth types, in the order the questions come. */
    private static String script(DeviceSnapshot truth) {
        DeviceSnapshot known = DeviceSnapshot.unknown();
        Set<String> asked = new HashSet<>();
        List<String> lines = new ArrayList<>();
        while (true) {
            Question next = DOCTOR.diagnose(known).questions().stream()
                    .filter(question -> !asked.contains(question.id())).findFirst().orElse(null);
            if (next == null) {
                return String.join("\n", lines) + "\n";
            }
            String answer = reply(next, truth);
            lines.add(answer);
            asked.add(next.id());
            known = answer.equals("skip") ? known : next.answer(known, answer);
        }
    }

    private static List<String> steps(List<Action> actions) {
        return actions.stream().map(action -> action.kind() + " " + action.id() + " " + action.instructions()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup-switched-off.json", "apple-outage.json", "weak-wifi-iphone-8.json"})
    void theQuestionsLearnWhatTheFullSnapshotSaysButWhatWasTried(String example) throws IOException {
        DeviceSnapshot truth = new SnapshotReader().read(Files.readAllBytes(EXAMPLES.resolve(example)));
        DeviceSnapshot untried = new DeviceSnapshot(truth.id(), truth.device(), truth.icloud(), truth.restrictions(), truth.wifi(),
                truth.power(), truth.storage(), truth.service(), List.of());
        Path saved = folder.resolve("saved.json");

        Run run = run(script(truth) + "done\n", "consult", "--save", saved.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("No more questions would change the plan.");
        assertThat(steps(DOCTOR.diagnose(read(saved)).actions())).isEqualTo(steps(DOCTOR.diagnose(untried).actions()));
    }

    // --- the walk through the plan ---

    @Test
    void yesEndsNamingTheActionThatFixedIt() {
        Run run = run(PAST_THE_MESSAGE + "yes\n", "consult", example("managed-profile-blocks-backup.json"));
        assertThat(run).isEqualTo(new Run(0, run.out(), ""));
        assertThat(run.out()).endsWith(DID_IT_FIX + "> \nFixed by: Allow iCloud Backup (ALLOW_ICLOUD_BACKUP). The backup works again.\n");
    }

    @Test
    void noOnATryAddsItToTriedAndGoesOn() throws IOException {
        Path saved = folder.resolve("saved.json");
        Run run = run(PAST_THE_MESSAGE + "no\n", "consult", example("all-fine-still-failing.json"), "--save", saved.toString());

        assertThat(run.out()).contains("1. [TRY] Tap Back Up Now and read what it says\n")
                .contains(">    Noted: tried, without success.\n\n2. [TRY] Reset all settings\n")
                .endsWith("What was learned is saved in " + saved + ": 'consult " + saved + "' picks up from there.\n");
        assertThat(read(saved).tried()).containsExactly("SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "BACK_UP_NOW");
    }

    @Test
    void noOnAFixTakesItAsDoneAndWorksThePlanOutAgain() throws IOException {
        Path saved = folder.resolve("saved.json");
        Run run = run(PAST_THE_MESSAGE + "no\n", "consult", example("managed-profile-blocks-backup.json"), "--save", saved.toString());

        assertThat(run.out()).contains(">    Noted: taken as done, and the plan worked out again.\n\n2. [FIX] Turn on iCloud Backup");
        assertThat(read(saved).restrictions().backupAllowed()).isEqualTo(Answer.YES);
        assertThat(DOCTOR.diagnose(read(saved)).actionIds()).doesNotContain("ALLOW_ICLOUD_BACKUP");
    }

    @Test
    void noOnACheckTakesItAsDone() throws IOException {
        Path given = snapshotFile("""
                {"device": {"model": "iPhone 15 Pro", "iosVersion": "17.1.1", "latestIosVersion": "17.1.1",
                            "screenLocked": true, "sideloadedApps": false},
                 "icloud": {"signedIn": true, "backupEnabled": true, "verificationRequired": false, "emailVerified": true,
                            "backupOverCellular": false, "twoFactor": true},
                 "restrictions": {"backupAllowed": true},
                 "wifi": {"enabled": true, "connected": true, "signalBars": 3, "lowDataMode": false, "filtered": false},
                 "power": {"connected": true, "charging": true, "cable": "APPLE", "batteryPercent": 50},
                 "storage": {"totalBytes": 50000000000, "usedBytes": 10000000000, "nextBackupBytes": 2000000000,
                             "appBackups": [], "otherDeviceBackups": []}}
                """);
        Path saved = folder.resolve("saved.json");

        // The System Status question first, skipped; then its CHECK, done.
        Run run = run(PAST_THE_MESSAGE + "skip\nno\n", "consult", given.toString(), "--save", saved.toString());

        assertThat(run.out()).contains("1. [CHECK] Check Apple's System Status page\n")
                .contains(">    Noted: taken as done, and the plan worked out again.\n");
        assertThat(read(saved).service().icloudBackup()).isEqualTo(ServiceState.AVAILABLE);
    }

    @Test
    void aSkippedActionIsNotShownAgain() throws IOException {
        Path saved = folder.resolve("saved.json");
        Run run = run(PAST_THE_MESSAGE + "skip\n", "consult", example("managed-profile-blocks-backup.json"), "--save", saved.toString());

        assertThat(run.out()).contains(">    Skipped: on to the next.\n\n2. [FIX] Turn on iCloud Backup")
                .containsOnlyOnce("[FIX] Allow iCloud Backup");
        assertThat(read(saved)).isEqualTo(read(EXAMPLES.resolve("managed-profile-blocks-backup.json")));
    }

    @Test
    void doneStops() {
        Run run = run(PAST_THE_MESSAGE + "no\ndone\n", "consult", example("all-fine-still-failing.json"));
        assertThat(run).isEqualTo(new Run(0, run.out(), ""));
        assertThat(run.out()).endsWith(DID_IT_FIX + "> \nStopped.\n" + NOT_SAVED);
    }

    @Test
    void anUnclearAnswerToDidItFixIsAskedAgain() {
        Run run = run(PAST_THE_MESSAGE + "maybe\n\nyes\n", "consult", example("managed-profile-blocks-backup.json"));
        assertThat(run.out()).contains(DID_IT_FIX + ">    Please answer yes, no, skip or done.\n"
                + ">    Please answer yes, no, skip or done.\n> \nFixed by: Allow iCloud Backup");
    }

    @Test
    void noToEveryActionEndsWithTheWholePlanDone() {
        Run run = run(PAST_THE_MESSAGE + "no\n".repeat(10), "consult", example("all-fine-still-failing.json"));
        assertThat(run).isEqualTo(new Run(0, run.out(), ""));
        assertThat(run.out()).contains("4. [TRY] Back up with a computer")
                .endsWith("\nThat was the whole plan, and nothing in it fixed the backup.\n" + NOT_SAVED);
    }

    @Test
    void alternativesAreOfferedTogetherAndTheWayTakenIsAsked() throws IOException {
        Path saved = folder.resolve("saved.json");
        Run run = run(PAST_THE_MESSAGE + "no\nthe second\n2\ndone\n", "consult", example("cellular-5g-dead-wifi.json"), "--save", saved.toString());

        assertThat(run.out()).contains("1. Either: [FIX] Connect to Wi-Fi\n      1) Open Settings.\n")
                .contains("   Or instead: [FIX] Turn on Back Up Over Cellular\n      1) Open Settings.\n")
                .contains(DID_IT_FIX + "> Which did you do? (1 = Connect to Wi-Fi, 2 = Turn on Back Up Over Cellular)\n"
                        + ">    Please answer 1 or 2.\n>    Noted: taken as done")
                .containsOnlyOnce("Connect to Wi-Fi\n");
        assertThat(read(saved).icloud().backupOverCellular()).isEqualTo(Answer.YES);
        assertThat(read(saved).wifi().connected()).as("only the way taken is learned").isEqualTo(Answer.NO);
    }

    @Test
    void yesToAlternativesNamesTheWayTaken() {
        Run run = run(PAST_THE_MESSAGE + "yes\n1\n", "consult", example("cellular-5g-dead-wifi.json"));
        assertThat(run.out()).endsWith("\nFixed by: Connect to Wi-Fi (CONNECT_TO_WIFI). The backup works again.\n");
    }

    @Test
    void withoutSaveAnEndAfterLearningSaysHowToKeepIt() {
        Run answered = run("outage\n", "consult");
        Run triedAndFixed = run(PAST_THE_MESSAGE + "no\nyes\n", "consult", example("all-fine-still-failing.json"));
        Run skipped = run("skip\ndone\n", "consult");
        Run fixedAtOnce = run(PAST_THE_MESSAGE + "yes\n", "consult", example("all-fine-still-failing.json"));

        assertThat(answered.out()).endsWith("\nNo more answers: stopped.\n" + NOT_SAVED);
        assertThat(triedAndFixed.out()).endsWith(" The backup works again.\n" + NOT_SAVED);
        assertThat(skipped.out()).as("nothing learned").endsWith("\nStopped.\n");
        assertThat(fixedAtOnce.out()).as("nothing learned").endsWith(" The backup works again.\n");
        assertThat(List.of(answered, triedAndFixed, skipped, fixedAtOnce)).allSatisfy(run -> {
            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
        });
    }

    // --- --save, and picking up where it stopped ---

    @Test
    void consultAndDiagnosePickUpWhereASavedConsultationStopped() throws IOException {
        Path saved = folder.resolve("saved.json");
        // Allow iCloud Backup: done; Turn on iCloud Backup: done; Back Up Now: tried.
        run(PAST_THE_MESSAGE + "no\nno\nno\n", "consult", example("managed-profile-blocks-backup.json"), "--save", saved.toString());

        Run resumed = run(PAST_THE_MESSAGE + "", "consult", saved.toString());
        assertThat(resumed.out()).contains("1. [TRY] Sign in again, or sign out of iCloud and back in\n");
        Run diagnosed = run("", "diagnose", saved.toString());
        assertThat(diagnosed.status()).isZero();
        assertThat(diagnosed.out()).doesNotContain("Allow iCloud Backup").doesNotContain("Turn on iCloud Backup")
                .doesNotContain("Tap Back Up Now").contains("1. [TRY] Sign in again, or sign out of iCloud and back in");
    }

    @Test
    void theSaveCanBeTheFileItStartedFromAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.copy(EXAMPLES.resolve("managed-profile-blocks-backup.json"), folder.resolve("phone.json"));

        Run run = run(PAST_THE_MESSAGE + "no\n", "consult", file.toString(), "--save", file.toString());

        assertThat(run.status()).isZero();
        assertThat(read(file).restrictions().backupAllowed()).isEqualTo(Answer.YES);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSaveIntoAMissingFolderIsRefusedBeforeAnyQuestion() {
        String save = folder.resolve("no-such-folder/saved.json").toString();
        assertThat(run("available\n", "consult", "--save", save))
                .isEqualTo(new Run(2, "", "--save " + save + ": cannot write: no such folder\n"));
    }

    @Test
    void aSaveOntoAFolderIsRefused() {
        assertThat(run("", "consult", "--save", folder.toString()))
                .isEqualTo(new Run(2, "", "--save " + folder + ": is a folder, not a file\n"));
    }

    @Test
    void aSaveOntoAPipeIsRefusedBeforeAnyQuestionAndThePipeStays() throws Exception {
        Path pipe = folder.resolve("pipe");
        assumeTrue(made("mkfifo", pipe.toString()), "mkfifo is not available here");

        assertThat(run("available\n", "consult", "--save", pipe.toString()))
                .isEqualTo(new Run(2, "", "--save " + pipe + ": is a device, a pipe or a socket, not a regular file\n"));
        assertThat(Files.readAttributes(pipe, BasicFileAttributes.class).isOther()).isTrue();
    }

    @Test
    void aSaveOntoADeviceNodeIsRefusedAndTheNodeStays() throws Exception {
        // A device node like /dev/null's (character device 1, 3): making one needs root.
        Path device = folder.resolve("null");
        assumeTrue(made("mknod", device.toString(), "c", "1", "3"), "making a device node needs root and mknod");

        assertThat(run("available\n", "consult", "--save", device.toString()))
                .isEqualTo(new Run(2, "", "--save " + device + ": is a device, a pipe or a socket, not a regular file\n"));
        assertThat(Files.readAttributes(device, BasicFileAttributes.class).isOther()).isTrue();
    }

    private static boolean made(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    @Test
    void aSaveKeepsThePermissionsOfTheFileItReplacesAndANewOneIsTheOwnersOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path shared = Files.copy(EXAMPLES.resolve("managed-profile-blocks-backup.json"), folder.resolve("shared.json"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        Path created = folder.resolve("new.json");

        assertThat(run(PAST_THE_MESSAGE + "no\n", "consult", shared.toString(), "--save", shared.toString()).status()).isZero();
        assertThat(run(PAST_THE_MESSAGE + "no\n", "consult", shared.toString(), "--save", created.toString()).status()).isZero();

        assertThat(read(shared).restrictions().backupAllowed()).isEqualTo(Answer.YES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
    }

    @Test
    void aFileNameAsLongAsTheFileSystemAllowsSaves() throws IOException {
        Path longest = folder.resolve("p".repeat(250) + ".json");

        Run run = run(PAST_THE_MESSAGE + "no\n", "consult", example("managed-profile-blocks-backup.json"), "--save", longest.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(read(longest).restrictions().backupAllowed()).isEqualTo(Answer.YES);
    }

    @Test
    void aSaveThroughASymbolicLinkWritesTheFileItPointsToAndTheLinkStays() throws IOException {
        Path real = Files.createDirectories(folder.resolve("real")).resolve("phone.json");
        Files.writeString(real, "{}");
        Path link = Files.createSymbolicLink(folder.resolve("phone.json"), real);

        Run run = run(PAST_THE_MESSAGE + "no\n", "consult", example("managed-profile-blocks-backup.json"), "--save", link.toString());

        assertThat(run.status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(read(real).restrictions().backupAllowed()).isEqualTo(Answer.YES);
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(real);
        }
    }

    @Test
    void aSaveOntoASymbolicLinkToNothingIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("phone.json"), folder.resolve("gone.json"));

        assertThat(run("available\n", "consult", "--save", link.toString()))
                .isEqualTo(new Run(2, "", "--save " + link + ": is a symbolic link to a file that doesn't exist\n"));
        assertThat(folder.resolve("gone.json")).doesNotExist();
    }

    @Test
    void aSaveThatFailsLeavesNoTemporaryFile() throws IOException {
        Path saved = folder.resolve("saved.json");
        // Once the first save is written, a folder takes the file's place, so that the save after the first answer can't replace it.
        InputStream answers = new SequenceInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                Files.delete(saved);
                Files.writeString(Files.createDirectory(saved).resolve("inside"), "");
                return -1;
            }
        }, new ByteArrayInputStream((PAST_THE_MESSAGE + "no\n").getBytes(StandardCharsets.UTF_8)));

        Run run = Run.of(answers, null, "consult", example("managed-profile-blocks-backup.json"), "--save", saved.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--save " + saved + ": cannot write: Is a directory\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(saved);
        }
    }

    /**
     * The transcripts in the README and in docs/command-line.md were typed at a terminal, which
     * echoes each answer after its {@code > }; replayed from a pipe, the output is the same but
     * for the echo. Their {@code phone.json} is put in a temporary folder.
     */
    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/command-line.md"})
    void theTranscriptsInTheDocsAreWhatConsultPrints(String document) throws IOException {
        String phone = folder.resolve("phone.json").toString();
        Matcher block = Pattern.compile("(?s)```\n\\$ [^\n]*?(?:Main|backup-doctor) (consult [^\n]*)\n(.*?)```\n").matcher(Files.readString(Path.of(document)));
        int transcripts = 0;
        while (block.find()) {
            String[] args = block.group(1).replace("phone.json", phone).split(" ");
            String transcript = block.group(2).replace("phone.json", phone);
            StringBuilder answers = new StringBuilder();
            Matcher answer = Pattern.compile("(?m)^> (.+)\n").matcher(transcript);
            while (answer.find()) {
                answers.append(answer.group(1)).append("\n");
            }

            Run run = run(answers.toString(), args);

            assertThat(run.out()).as(document + ": " + block.group(1)).isEqualTo(answer.replaceAll("> "));
            assertThat(run.status()).isZero();
            transcripts++;
        }
        assertThat(transcripts).isPositive();
    }

    @Test
    void aSaveThatIsRefusedSaysWhy() {
        assertThat(UsageException.cannotWrite("--save phone.json", new AccessDeniedException("/home/x/.phone.json1234.tmp")))
                .hasMessage("--save phone.json: cannot write: permission denied");
    }

    @Test
    void aSnapshotThatCantBeReadIsRefusedBeforeAnyQuestion() throws IOException {
        Path invalid = snapshotFile("{\"wifi\": {\"signalBars\": 7}}");
        assertThat(run("yes\n", "consult", invalid.toString()))
                .isEqualTo(new Run(2, "", "$.wifi.signalBars: must be between 0 and 3, was 7\n"));
        String missing = folder.resolve("missing.json").toString();
        assertThat(run("yes\n", "consult", missing)).isEqualTo(new Run(2, "", missing + ": no such file\n"));
    }

    @Test
    void consultCannotReadItsSnapshotFromStandardInput() {
        assertThat(run("{}", "consult", "-")).isEqualTo(new Run(2, "",
                "consult reads your answers from standard input; give the snapshot as a file\n"));
    }

    @Test
    void theFormatOptionIsGone() {
        Run run = run("", "consult", "--format", "json");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Unknown option: '--format' (see 'Main consult --help')\n");
    }
}
