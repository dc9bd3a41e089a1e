package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.GB;
import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.Consultation.Ask;
import dev.backupdoctor.Consultation.End;
import dev.backupdoctor.Consultation.Ending;
import dev.backupdoctor.Consultation.Show;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsultationTest {

    /** Skips every question and every action before the one wanted, which is then shown. */
    private static Consultation walkTo(Consultation consultation, String actionId) {
        while (!(consultation.next() instanceof Show show && ids(show).contains(actionId))) {
            assertThat(consultation.next()).as("walking to " + actionId).isNotInstanceOf(End.class);
            consultation = consultation.skip();
        }
        return consultation;
    }

    /**
     * A consultation past the question about what Back Up Now showed, which a snapshot that knows
     * everything else is asked first: skipped, it is not asked again.
     */
    private static Consultation pastTheMessage(DeviceSnapshot snapshot) {
        return pastTheMessage(doctor(), snapshot);
    }

    private static Consultation pastTheMessage(BackupDoctor doctor, DeviceSnapshot snapshot) {
        Consultation consultation = doctor.consult(snapshot);
        assertThat(asked(consultation).id()).isEqualTo("icloud.backupMessage");
        return consultation.skip();
    }

    private static List<String> ids(Show show) {
        return show.ways().stream().map(Action::id).toList();
    }

    private static Show shown(Consultation consultation) {
        assertThat(consultation.next()).isInstanceOf(Show.class);
        return (Show) consultation.next();
    }

    private static Question asked(Consultation consultation) {
        assertThat(consultation.next()).isInstanceOf(Ask.class);
        return ((Ask) consultation.next()).question();
    }

    // --- the questions ---

    @Test
    void aCompleteSnapshotAsksOnlyWhatBackUpNowShowedThenShowsThePlansFirstAction() {
        Consultation consultation = doctor().consult(allFine());
        assertThat(asked(consultation).text()).startsWith("What did the iPhone say when you last tapped Back Up Now");

        assertThat(shown(consultation.skip()).ways()).extracting(Action::id).containsExactly("BACK_UP_NOW");
        assertThat(shown(consultation.answer("network error")).ways()).extracting(Action::id).containsExactly("SIGN_OUT_AND_BACK_IN");
        assertThat(doctor().consult(allFine().with(allFine().icloud().withBackupMessage(BackupMessage.NETWORK_ERROR))).next())
                .isInstanceOf(Show.class);
    }

    @Test
    void theMostUsefulQuestionComesFirstAndAnAnswerIsLearned() {
        Consultation consultation = doctor().consult(DeviceSnapshot.unknown());
        assertThat(asked(consultation).id()).isEqualTo("service.icloudBackup");

        Consultation answered = consultation.answer(" outage ");

        assertThat(answered.snapshot().service().icloudBackup()).isEqualTo(ServiceState.OUTAGE);
        assertThat(answered.diagnosis()).isEqualTo(doctor().diagnose(answered.snapshot()));
        assertThat(answered.diagnosis().actionIds()).contains("WAIT_FOR_ICLOUD_SERVICE");
        assertThat(asked(answered).id()).isNotEqualTo("service.icloudBackup");
        assertThat(consultation.snapshot()).as("the consultation answered is unchanged").isEqualTo(DeviceSnapshot.unknown());
    }

    @Test
    void aSkippedQuestionStaysUnknownAndIsNotAskedAgain() {
        Consultation consultation = doctor().consult(DeviceSnapshot.unknown());

        Consultation skipped = consultation.skip();

        assertThat(skipped.snapshot()).isEqualTo(DeviceSnapshot.unknown());
        assertThat(asked(skipped).id()).isNotEqualTo("service.icloudBackup");
        List<String> asked = new ArrayList<>();
        for (Consultation c = skipped; c.next() instanceof Ask ask; c = c.skip()) {
            asked.add(ask.question().id());
        }
        assertThat(asked).doesNotContain("service.icloudBackup").doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void anUnclearAnswerIsRefusedWithTheQuestionsHint() {
        Consultation consultation = doctor().consult(DeviceSnapshot.unknown());

        assertThatThrownBy(() -> consultation.answer("maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("answer available or outage");
        assertThatThrownBy(() -> consultation.answer("a".repeat(Consultation.MAX_REPLY_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("answer in at most 1,000 characters");
    }

    @Test
    void afterTheQuestionsTheWalkNeverGoesBackToThem() {
        // Wi-Fi unknown: once CONNECT_TO_WIFI is done, the signal becomes worth asking about, but the walk goes on.
        DeviceSnapshot wifiUnknown = allFine().with(allFine().wifi().withEnabled(UNKNOWN).withConnected(UNKNOWN)
                .withSignalBars(null));
        Consultation consultation = doctor().consult(wifiUnknown);
        while (consultation.next() instanceof Ask) {
            consultation = consultation.skip();
        }
        consultation = walkTo(consultation, "CONNECT_TO_WIFI").notFixed("CONNECT_TO_WIFI");

        assertThat(consultation.diagnosis().questions()).extracting(Question::id).contains("wifi.signalBars");
        assertThat(consultation.next()).isInstanceOf(Show.class);
    }

    // --- the walk through the plan ---

    @Test
    void yesEndsTheConsultationNamingTheAction() {
        Consultation consultation = pastTheMessage(allFine().with(allFine().icloud().withBackupEnabled(NO)));
        assertThat(ids(shown(consultation))).containsExactly("TURN_ON_ICLOUD_BACKUP");

        Consultation fixed = consultation.fixed("TURN_ON_ICLOUD_BACKUP");

        assertThat(fixed.next()).isInstanceOf(End.class);
        End end = (End) fixed.next();
        assertThat(end.why()).isEqualTo(Ending.FIXED);
        assertThat(end.fixedBy()).map(Action::id).contains("TURN_ON_ICLOUD_BACKUP");
        assertThat(fixed.snapshot()).isEqualTo(consultation.snapshot());
    }

    @Test
    void noOnATryAddsItToTriedAndShowsTheNext() {
        Consultation consultation = pastTheMessage(allFine());
        assertThat(ids(shown(consultation))).containsExactly("BACK_UP_NOW");

        Consultation next = consultation.notFixed("BACK_UP_NOW");

        assertThat(next.snapshot()).isEqualTo(allFine().withTried("BACK_UP_NOW"));
        assertThat(next.diagnosis().actionIds()).doesNotContain("BACK_UP_NOW");
        assertThat(ids(shown(next))).containsExactly("SIGN_OUT_AND_BACK_IN");
    }

    @Test
    void noOnAFixTakesItAsDoneAndWorksThePlanOutAgain() {
        DeviceSnapshot switchedOff = allFine().with(allFine().icloud().withBackupEnabled(NO));

        Consultation next = pastTheMessage(switchedOff).notFixed("TURN_ON_ICLOUD_BACKUP");

        assertThat(next.snapshot()).isEqualTo(allFine());
        assertThat(next.diagnosis()).isEqualTo(doctor().diagnose(allFine()));
        assertThat(ids(shown(next))).containsExactly("BACK_UP_NOW");
    }

    @Test
    void noOnACheckTakesItAsDone() {
        DeviceSnapshot statusUnknown = allFine().with(allFine().service().withIcloudBackup(ServiceState.UNKNOWN));
        Consultation consultation = walkTo(doctor().consult(statusUnknown), "CHECK_SYSTEM_STATUS");
        assertThat(shown(consultation).ways().get(0).kind()).isEqualTo(Kind.CHECK);

        Consultation next = consultation.notFixed("CHECK_SYSTEM_STATUS");

        assertThat(next.snapshot()).isEqualTo(allFine());
        assertThat(next.diagnosis().actionIds()).doesNotContain("CHECK_SYSTEM_STATUS");
    }

    @Test
    void aSkippedActionIsNotShownAgainAndNothingIsLearned() {
        Consultation consultation = pastTheMessage(allFine());

        Consultation skipped = consultation.skip();

        assertThat(skipped.snapshot()).isEqualTo(allFine());
        assertThat(skipped.diagnosis().actionIds()).contains("BACK_UP_NOW");
        assertThat(ids(shown(skipped))).containsExactly("SIGN_OUT_AND_BACK_IN");
    }

    @Test
    void doneStopsWithWhatWasLearned() {
        Consultation consultation = pastTheMessage(allFine()).notFixed("BACK_UP_NOW");

        Consultation stopped = consultation.stop();

        assertThat(stopped.next()).isEqualTo(new End(Ending.STOPPED, Optional.empty()));
        assertThat(stopped.snapshot()).isEqualTo(allFine().withTried("BACK_UP_NOW"));
        assertThat(stopped.stop()).isSameAs(stopped);
    }

    @Test
    void answeringNoToEveryActionEndsWithThePlanDone() {
        Consultation consultation = doctor().consult(DeviceSnapshot.unknown());
        int turns = 0;
        while (!(consultation.next() instanceof End)) {
            consultation = consultation.next() instanceof Show show
                    ? consultation.notFixed(show.ways().get(0).id())
                    : consultation.skip();
            assertThat(++turns).isLessThan(100);
        }
        assertThat(((End) consultation.next()).why()).isEqualTo(Ending.PLAN_DONE);
        assertThat(consultation.snapshot().tried()).contains("BACK_UP_NOW", "RESTART_IPHONE", "BACK_UP_WITH_COMPUTER");
    }

    @Test
    void alternativesAreShownTogether() {
        DeviceSnapshot noWifi5g = allFine().with(allFine().wifi().withConnected(NO));

        Show show = shown(pastTheMessage(noWifi5g));

        assertThat(ids(show)).containsExactly("CONNECT_TO_WIFI", "TURN_ON_CELLULAR_BACKUP");
    }

    @Test
    void noOnTheAlternativeTakenLearnsOnlyWhatThatOneDid() {
        DeviceSnapshot noWifi5g = allFine().with(allFine().wifi().withConnected(NO));

        Consultation next = pastTheMessage(noWifi5g).notFixed("TURN_ON_CELLULAR_BACKUP");

        assertThat(next.snapshot()).isEqualTo(noWifi5g.with(noWifi5g.icloud().withBackupOverCellular(YES)));
        assertThat(next.diagnosis().actionIds()).doesNotContain("CONNECT_TO_WIFI", "TURN_ON_CELLULAR_BACKUP");
    }

    @Test
    void aStepIsTakenOnlyWhenItFits() {
        Consultation asking = doctor().consult(DeviceSnapshot.unknown());
        assertThatThrownBy(() -> asking.fixed("BACK_UP_NOW")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consultation can't take that now: a question is asked");
        Consultation showing = pastTheMessage(allFine());
        assertThatThrownBy(() -> showing.answer("yes")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consultation can't take that now: an action is shown");
        assertThatThrownBy(() -> showing.notFixed("RESTART_IPHONE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RESTART_IPHONE is not shown; shown: BACK_UP_NOW");
        Consultation ended = showing.stop();
        assertThatThrownBy(ended::skip).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consultation can't take that now: it has ended");
    }

    @Test
    void aSavedSnapshotPicksUpWhereTheConsultationStopped() {
        Consultation first = pastTheMessage(allFine()).notFixed("BACK_UP_NOW").notFixed("SIGN_OUT_AND_BACK_IN").stop();

        Consultation resumed = pastTheMessage(first.snapshot());

        assertThat(ids(shown(resumed))).containsExactly("RESTART_IPHONE");
    }

    // --- the contract's table: what the snapshot says after an action answered no ---

    /** GIVEN a snapshot whose plan shows the action with this kind, EXPECT this snapshot after "no". */
    record Row(String name, DeviceSnapshot given, String actionId, Kind kind, DeviceSnapshot expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String actionId, Kind kind, UnaryOperator<DeviceSnapshot> given, UnaryOperator<DeviceSnapshot> expected) {
        return new Row(actionId + " (" + kind + ")", given.apply(allFine()), actionId, kind, expected.apply(allFine()));
    }

    private static StorageStatus storage(long total, long used, long next, List<AppBackup> apps, List<DeviceBackup> devices) {
        return new StorageStatus(total, used, next, apps, devices);
    }

    static Stream<Row> rows() {
        List<AppBackup> apps = List.of(new AppBackup("WhatsApp", 900_000_000L), new AppBackup("Notes", 40_000_000L));
        List<DeviceBackup> devices = List.of(new DeviceBackup("Old iPhone", 300_000_000L),
                new DeviceBackup("Old iPad", 1_100_000_000L), new DeviceBackup("Empty", 0));
        return Stream.of(
                row("ALLOW_ICLOUD_BACKUP", Kind.FIX, s -> s.with(s.restrictions().withBackupAllowed(NO)),
                        s -> s.with(s.restrictions().withBackupAllowed(YES))),
                row("TURN_ON_ICLOUD_BACKUP", Kind.FIX, s -> s.with(s.icloud().withBackupEnabled(NO)), s -> s),
                row("TURN_ON_ICLOUD_BACKUP", Kind.CHECK, s -> s.with(s.icloud().withBackupEnabled(UNKNOWN)), s -> s),
                row("LOCK_IPHONE", Kind.FIX, s -> s.with(s.device().withScreenLocked(NO)), s -> s),
                row("CONNECT_TO_WIFI", Kind.FIX, s -> s.with(s.wifi().withEnabled(NO).withConnected(NO)), s -> s),
                row("CONNECT_TO_WIFI", Kind.CHECK, s -> s.with(s.wifi().withEnabled(UNKNOWN).withConnected(UNKNOWN)), s -> s),
                row("MOVE_CLOSER_TO_ROUTER", Kind.FIX, s -> s.with(s.wifi().withSignalBars(1)), s -> s.with(s.wifi().withSignalBars(3))),
                row("TURN_OFF_LOW_DATA_MODE", Kind.FIX, s -> s.with(s.wifi().withLowDataMode(YES)), s -> s),
                row("TURN_ON_CELLULAR_BACKUP", Kind.FIX, s -> s.with(s.wifi().withConnected(NO)),
                        s -> s.with(s.wifi().withConnected(NO)).with(s.icloud().withBackupOverCellular(YES))),
                row("CONNECT_TO_POWER", Kind.FIX, s -> s.with(s.power().withConnected(NO)), s -> s),
                row("CONNECT_TO_POWER", Kind.CHECK, s -> s.with(s.power().withConnected(UNKNOWN)), s -> s),
                row("TRY_ANOTHER_CABLE", Kind.FIX, s -> s.with(s.power().withCharging(NO)), s -> s),
                // 0.7 GB short: the Old iPad's 1.1 GB covers it, the largest first.
                row("DELETE_OLD_DEVICE_BACKUPS", Kind.FIX, s -> s.with(storage(5 * GB, 4_200_000_000L, 1_500_000_000L, apps, devices)),
                        s -> s.with(storage(5 * GB, 3_100_000_000L, 1_500_000_000L, apps,
                                List.of(new DeviceBackup("Old iPhone", 300_000_000L), new DeviceBackup("Empty", 0))))),
                // 0.7 GB short and no old devices' backups: WhatsApp's 0.9 GB covers it, Notes stays.
                row("FREE_UP_ICLOUD_STORAGE", Kind.FIX, s -> s.with(storage(5 * GB, 4_200_000_000L, 1_500_000_000L, apps, List.of())),
                        s -> s.with(storage(5 * GB, 4_200_000_000L, 600_000_000L, List.of(new AppBackup("Notes", 40_000_000L)),
                                List.of()))),
                row("UPGRADE_ICLOUD_STORAGE", Kind.FIX, s -> s.with(storage(5 * GB, 4_200_000_000L, 1_500_000_000L, apps, devices)),
                        s -> s.with(storage(5_700_000_000L, 4_200_000_000L, 1_500_000_000L, apps, devices))),
                row("WAIT_FOR_ICLOUD_SERVICE", Kind.FIX, s -> s.with(s.service().withIcloudBackup(ServiceState.OUTAGE)), s -> s),
                row("CHECK_SYSTEM_STATUS", Kind.CHECK, s -> s.with(s.service().withIcloudBackup(ServiceState.UNKNOWN)), s -> s),
                row("VERIFY_ACCOUNT_EMAIL", Kind.FIX, s -> s.with(s.icloud().withEmailVerified(NO)), s -> s),
                row("TURN_ON_TWO_FACTOR", Kind.FIX, s -> s.with(s.icloud().withTwoFactor(NO)), s -> s),
                row("PAUSE_NETWORK_FILTER", Kind.FIX, s -> s.with(s.wifi().withFiltered(YES)), s -> s),
                row("FIND_APP_BREAKING_BACKUP", Kind.FIX, s -> s.with(s.device().withSideloadedApps(YES)),
                        s -> s.withTried("FIND_APP_BREAKING_BACKUP")),
                row("SIGN_IN_TO_ICLOUD", Kind.FIX, s -> s.with(s.icloud().withSignedIn(NO)), s -> s),
                row("SIGN_OUT_AND_BACK_IN", Kind.FIX, s -> s.with(s.icloud().withVerificationRequired(YES)),
                        s -> s.withTried("SIGN_OUT_AND_BACK_IN")),
                row("FREE_UP_ICLOUD_STORAGE", Kind.CHECK, s -> s.with(StorageStatus.UNKNOWN), s -> s.with(StorageStatus.UNKNOWN)),
                row("RESTART_IPHONE", Kind.TRY, s -> s, s -> s.withTried("RESTART_IPHONE")),
                // What Back Up Now showed: a CHECK it made is taken as done; a FIX it made with the sizes unknown makes
                // what it said of storage unknown again.
                row("PAUSE_NETWORK_FILTER", Kind.CHECK, s -> said(s.with(s.wifi().withFiltered(UNKNOWN)), BackupMessage.NETWORK_ERROR),
                        s -> said(s, BackupMessage.NETWORK_ERROR)),
                row("MOVE_CLOSER_TO_ROUTER", Kind.CHECK, s -> said(s.with(s.wifi().withSignalBars(null)), BackupMessage.NETWORK_ERROR),
                        s -> said(s, BackupMessage.NETWORK_ERROR)),
                row("FIND_APP_BREAKING_BACKUP", Kind.CHECK,
                        s -> said(s.with(s.device().withSideloadedApps(UNKNOWN)), BackupMessage.COULD_NOT_COMPLETE),
                        s -> said(s, BackupMessage.COULD_NOT_COMPLETE).withTried("FIND_APP_BREAKING_BACKUP")),
                row("TURN_ON_TWO_FACTOR", Kind.CHECK, s -> said(s.with(s.icloud().withTwoFactor(UNKNOWN)), BackupMessage.UNKNOWN_ERROR),
                        s -> said(s, BackupMessage.UNKNOWN_ERROR)),
                row("UPGRADE_ICLOUD_STORAGE", Kind.FIX, s -> said(s.with(StorageStatus.UNKNOWN), BackupMessage.NOT_ENOUGH_STORAGE),
                        s -> s.with(StorageStatus.UNKNOWN)));
    }

    private static DeviceSnapshot said(DeviceSnapshot snapshot, BackupMessage message) {
        return snapshot.with(snapshot.icloud().withBackupMessage(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answeredNoTheSnapshotSaysWhatTheContractsTableSays(Row row) {
        Consultation consultation = walkTo(doctor().consult(row.given()), row.actionId());
        assertThat(shown(consultation).ways()).filteredOn(action -> action.id().equals(row.actionId()))
                .extracting(Action::kind).containsExactly(row.kind());

        Consultation next = consultation.notFixed(row.actionId());

        assertThat(next.snapshot()).isEqualTo(row.expected());
        assertThat(next.next()).as("not shown again")
                .matches(step -> !(step instanceof Show show) || !ids(show).contains(row.actionId()));
    }

    @Test
    void answeredNoAnExtensionsCheckChangesNothingAndIsNotShownAgain() {
        // The echo rules' one action is a CHECK the catalog lacks.
        Consultation consultation = pastTheMessage(QuestionsTest.echoDoctor(), allFine());
        assertThat(ids(shown(consultation))).containsExactly("ECHO_FACTS");

        Consultation next = consultation.notFixed("ECHO_FACTS");

        assertThat(next.snapshot()).isEqualTo(allFine());
        assertThat(next.diagnosis().actionIds()).containsExactly("ECHO_FACTS");
        assertThat(next.next()).isEqualTo(new End(Ending.PLAN_DONE, Optional.empty()));
    }
}
