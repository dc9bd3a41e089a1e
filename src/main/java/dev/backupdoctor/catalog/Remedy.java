package dev.backupdoctor.catalog;

import static dev.backupdoctor.catalog.Remedy.AfterRecentBackup.FIX_GOES;
import static dev.backupdoctor.catalog.Remedy.AfterRecentBackup.FIX_STAYS;
import static dev.backupdoctor.catalog.Remedy.AfterMessage.ANY_MESSAGE_LEAVES_IT_OUT;
import static dev.backupdoctor.catalog.Remedy.AfterMessage.NO_MESSAGE;
import static dev.backupdoctor.catalog.Remedy.AfterMessage.shownBy;
import static dev.backupdoctor.catalog.Remedy.AfterRecentBackup.NO_FIX;
import static dev.backupdoctor.facts.BackupMessage.COULD_NOT_COMPLETE;
import static dev.backupdoctor.facts.BackupMessage.EMAIL_NOT_VERIFIED;
import static dev.backupdoctor.facts.BackupMessage.NETWORK_ERROR;
import static dev.backupdoctor.facts.BackupMessage.NOT_ENOUGH_STORAGE;
import static dev.backupdoctor.facts.BackupMessage.SIGN_IN_REQUIRED;
import static dev.backupdoctor.facts.BackupMessage.UNKNOWN_ERROR;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.YES;
import static dev.backupdoctor.plan.Kind.CHECK;
import static dev.backupdoctor.plan.Kind.FIX;
import static dev.backupdoctor.plan.Kind.TRY;

import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Kind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The built-in catalog: every action the built-in rules can propose, each entry in one place with
 * its step of the article, its place in the catalog (the order of the constants, which breaks ties
 * in a plan), the kinds it is proposed as, the minutes it takes, and its policies — whether a recent
 * backup outrules it, what the message Back Up Now showed does to it, what answering "no, still
 * failing" after doing it teaches a consultation, and which action it is another way to. The
 * constructor takes every policy, so a new entry can't leave one out.
 *
 * <p>What an entry <em>says</em> is not here: its title, instructions, reason and caution are in the
 * message file of its step beside the rules, {@code rules/NN-step.properties} ({@link Wording}). When
 * it is needed is not here either: a rule in {@code rules/NN-step.drl} says so, naming the entry in
 * its metadata: {@code @proposes(CONNECT_TO_WIFI) @kind(FIX)}.
 */
public enum Remedy {

    // id (step, minutes, kinds, after a recent backup, after a Back Up Now message, answered "no" after doing it
    //     [, alternative to])

    /** Lift a Screen Time or profile restriction on iCloud Backup. */
    ALLOW_ICLOUD_BACKUP(1, 5, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.restrictions().withBackupAllowed(YES))),
    /** Switch iCloud Backup on. */
    TURN_ON_ICLOUD_BACKUP(1, 2, kinds(FIX, CHECK), FIX_STAYS, NO_MESSAGE,
            done -> done.with(done.icloud().withBackupEnabled(YES))),
    /** Lock the screen: automatic backups only start while locked. */
    LOCK_IPHONE(1, 1, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.device().withScreenLocked(YES))),
    /** Start a backup by hand and read the message iOS gives. */
    BACK_UP_NOW(1, 10, kinds(TRY), NO_FIX, ANY_MESSAGE_LEAVES_IT_OUT, Remedy::nothingLearned),
    /** Join a Wi-Fi network. */
    CONNECT_TO_WIFI(2, 2, kinds(FIX, CHECK), FIX_STAYS, NO_MESSAGE,
            done -> done.with(done.wifi().withEnabled(YES).withConnected(YES))),
    /** Get a stronger Wi-Fi signal. */
    MOVE_CLOSER_TO_ROUTER(2, 5, kinds(FIX, CHECK), FIX_STAYS, shownBy(CHECK, NETWORK_ERROR),
            done -> done.with(done.wifi().withSignalBars(WifiStatus.MAX_SIGNAL_BARS))),
    /** Turn off Low Data Mode, which stops automatic backups. */
    TURN_OFF_LOW_DATA_MODE(2, 2, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.wifi().withLowDataMode(NO))),
    /** Back up over 5G instead of Wi-Fi. */
    TURN_ON_CELLULAR_BACKUP(2, 2, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.icloud().withBackupOverCellular(YES)),
            "CONNECT_TO_WIFI"),
    /** Pause a VPN or network filter that blocks iCloud. */
    PAUSE_NETWORK_FILTER(2, 5, kinds(FIX, CHECK), FIX_GOES, shownBy(CHECK, NETWORK_ERROR),
            done -> done.with(done.wifi().withFiltered(NO))),
    /** Plug in: automatic backups only start while charging. */
    CONNECT_TO_POWER(3, 1, kinds(FIX, CHECK), FIX_STAYS, NO_MESSAGE, done -> done.with(done.power().withConnected(YES))),
    /** Swap a cable that doesn't charge. */
    TRY_ANOTHER_CABLE(3, 5, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.power().withCharging(YES))),
    /** Make room by deleting backups of devices no longer used. */
    DELETE_OLD_DEVICE_BACKUPS(4, 5, kinds(FIX), FIX_STAYS, shownBy(FIX, NOT_ENOUGH_STORAGE),
            done -> Storage.roomMade(done.with(Storage.oldBackupsDeleted(done.storage())))),
    /** Make room by leaving apps out of the backup. */
    FREE_UP_ICLOUD_STORAGE(4, 10, kinds(FIX, CHECK), FIX_STAYS, shownBy(FIX, NOT_ENOUGH_STORAGE),
            Storage::appBackupsSwitchedOff),
    /** Make room with a larger iCloud plan. */
    UPGRADE_ICLOUD_STORAGE(4, 5, kinds(FIX), FIX_STAYS, shownBy(FIX, NOT_ENOUGH_STORAGE),
            done -> Storage.roomMade(done.with(Storage.justEnough(done.storage()))),
            "DELETE_OLD_DEVICE_BACKUPS", "FREE_UP_ICLOUD_STORAGE"),
    /** Wait out an outage of Apple's service. */
    WAIT_FOR_ICLOUD_SERVICE(5, 60, kinds(FIX), FIX_STAYS, NO_MESSAGE, Remedy::serviceWorks),
    /** Look up whether Apple's service works. */
    CHECK_SYSTEM_STATUS(5, 2, kinds(CHECK), NO_FIX, NO_MESSAGE, Remedy::serviceWorks),
    /** Verify the Apple Account's email address. */
    VERIFY_ACCOUNT_EMAIL(6, 5, kinds(FIX), FIX_STAYS, shownBy(FIX, EMAIL_NOT_VERIFIED),
            done -> done.with(done.icloud().withEmailVerified(YES))),
    /** Turn on two-factor authentication. */
    TURN_ON_TWO_FACTOR(6, 10, kinds(FIX, CHECK), FIX_GOES, shownBy(CHECK, UNKNOWN_ERROR),
            done -> done.with(done.icloud().withTwoFactor(YES))),
    /** Sign in to iCloud. */
    SIGN_IN_TO_ICLOUD(6, 5, kinds(FIX), FIX_STAYS, NO_MESSAGE, done -> done.with(done.icloud().withSignedIn(YES))),
    /** Sign in again, or out and back in, to clear account problems. */
    SIGN_OUT_AND_BACK_IN(6, 10, kinds(FIX, TRY), FIX_STAYS, shownBy(FIX, SIGN_IN_REQUIRED),
            done -> done.with(done.icloud().withVerificationRequired(NO)).withTried("SIGN_OUT_AND_BACK_IN")),
    /** Restart, with the buttons of the model. */
    RESTART_IPHONE(7, 3, kinds(TRY), NO_FIX, NO_MESSAGE, Remedy::nothingLearned),
    /** Reset all settings, keeping data. */
    RESET_ALL_SETTINGS(8, 20, kinds(TRY), NO_FIX, NO_MESSAGE, Remedy::nothingLearned),
    /** Update iOS to get past a bug. */
    UPDATE_IOS(9, 30, kinds(TRY), NO_FIX, NO_MESSAGE, Remedy::nothingLearned),
    /** Find the app whose data makes every backup fail. */
    FIND_APP_BREAKING_BACKUP(null, 30, kinds(FIX, CHECK, TRY), FIX_GOES, shownBy(CHECK, COULD_NOT_COMPLETE),
            done -> done.with(done.device().withSideloadedApps(NO)).withTried("FIND_APP_BREAKING_BACKUP")),
    /** Back up to a computer, which doesn't need iCloud. */
    BACK_UP_WITH_COMPUTER(null, 45, kinds(TRY), NO_FIX, NO_MESSAGE, Remedy::nothingLearned);

    /** What a backup that went through at most a day ago says about an entry's FIX; CHECKs and TRYs always go. */
    public enum AfterRecentBackup {
        /** The FIX stays: its cause can have come since, and stop the next backup (a switch turned off, storage now short). */
        FIX_STAYS,
        /** The FIX goes: its cause was there while that backup went through, so it didn't stop it. */
        FIX_GOES,
        /** The entry has no FIX: everything it proposes goes. */
        NO_FIX
    }

    /**
     * What the message Back Up Now showed does to an entry: brings it into the plan as {@code kind}
     * where the facts the message stands for are unknown, leaves it out, or nothing.
     *
     * @param kind the kind the messages in {@code shownBy} propose it as, or {@code null}
     * @param shownBy the messages that propose it
     * @param leftOutByAny whether any known message leaves it out, since it was done
     */
    public record AfterMessage(Kind kind, Set<BackupMessage> shownBy, boolean leftOutByAny) {
        /** No message bears on the entry. */
        public static final AfterMessage NO_MESSAGE = new AfterMessage(null, Set.of(), false);
        /** Any known message means the action was done: it is left out of the plan. */
        public static final AfterMessage ANY_MESSAGE_LEAVES_IT_OUT = new AfterMessage(null, Set.of(), true);

        /**
         * These messages propose the entry as {@code kind}, where the facts they stand for are unknown.
         *
         * @param kind FIX or CHECK
         * @param messages the messages
         * @return the policy
         */
        public static AfterMessage shownBy(Kind kind, BackupMessage... messages) {
            return new AfterMessage(kind, Collections.unmodifiableSet(EnumSet.copyOf(List.of(messages))), false);
        }
    }

    /** What a consultation learns when the person did the action and the backup still fails. */
    @FunctionalInterface
    interface AnsweredNo {
        /** The snapshot as it is after {@code kind} of the entry was done without fixing the backup. */
        DeviceSnapshot after(DeviceSnapshot snapshot, Kind kind);
    }

    private static final Map<String, Remedy> BY_ID = byId();

    private final Integer step;
    private final int minutes;
    private final Set<Kind> kinds;
    private final AfterRecentBackup afterRecentBackup;
    private final AfterMessage afterMessage;
    private final AnsweredNo answeredNo;
    private final List<String> alternativeTo;

    Remedy(Integer step, int minutes, Set<Kind> kinds, AfterRecentBackup afterRecentBackup, AfterMessage afterMessage,
            UnaryOperator<DeviceSnapshot> answeredNo, String... alternativeTo) {
        this(step, minutes, kinds, afterRecentBackup, afterMessage, (snapshot, kind) -> answeredNo.apply(snapshot),
                alternativeTo);
    }

    Remedy(Integer step, int minutes, Set<Kind> kinds, AfterRecentBackup afterRecentBackup, AfterMessage afterMessage,
            AnsweredNo answeredNo, String... alternativeTo) {
        this.step = step;
        this.minutes = minutes;
        this.kinds = kinds;
        this.afterRecentBackup = afterRecentBackup;
        this.afterMessage = afterMessage;
        this.answeredNo = answeredNo;
        this.alternativeTo = List.of(alternativeTo);
    }

    private static Set<Kind> kinds(Kind... kinds) {
        return Collections.unmodifiableSet(EnumSet.copyOf(List.of(kinds)));
    }

    private static Map<String, Remedy> byId() {
        Map<String, Remedy> byId = new HashMap<>();
        for (Remedy remedy : values()) {
            byId.put(remedy.name(), remedy);
        }
        return Map.copyOf(byId);
    }

    /**
     * The built-in entry with this id.
     *
     * @param id an action id
     * @return the entry, or {@code null} for an id the catalog lacks (an extension's)
     */
    public static Remedy byId(String id) {
        return BY_ID.get(id);
    }

    /**
     * The action id, as plans, {@code tried} lists and rules write it.
     *
     * @return the constant's name, e.g. {@code "CONNECT_TO_WIFI"}
     */
    public String id() {
        return name();
    }

    /**
     * Where the action sits in Apple's troubleshooting article.
     *
     * @return the article's step, 1 to 9, or {@code null} for an action outside its steps
     */
    public Integer step() {
        return step;
    }

    /**
     * How long the action takes a person, in minutes: what it costs to try, for ordering remedies
     * by their chance of fixing over their effort. docs/knowledge-sources.md gives the reasons.
     *
     * @return minutes, at least 1
     */
    public int minutes() {
        return minutes;
    }

    /**
     * The kinds the built-in rules may propose the action as.
     *
     * @return FIX, CHECK or TRY, one or two of them, in that order
     */
    public Set<Kind> kinds() {
        return kinds;
    }

    /**
     * Whether a backup that went through at most a day ago leaves this action of this kind out of the plan.
     *
     * @param kind the kind the action is proposed as
     * @return true for every CHECK and TRY, and for a FIX whose cause was there during that backup
     */
    public boolean outruledByRecentBackup(Kind kind) {
        return kind != FIX || afterRecentBackup != FIX_STAYS;
    }

    /**
     * What the entry's policy for a recent backup is.
     *
     * @return FIX_STAYS, FIX_GOES or NO_FIX
     */
    public AfterRecentBackup afterRecentBackup() {
        return afterRecentBackup;
    }

    /**
     * What the message Back Up Now showed does to the entry.
     *
     * @return the messages that propose it and as what, or whether any message leaves it out
     */
    public AfterMessage afterMessage() {
        return afterMessage;
    }

    /**
     * The actions this one is another way to, the first that the plan lists as a FIX being the one
     * it names ({@code alternativeTo}).
     *
     * @return ids in order of preference; empty for an action that is no one's alternative
     */
    public List<String> alternativeTo() {
        return alternativeTo;
    }

    /**
     * The snapshot after this action, proposed as {@code kind}, was done and the backup still
     * fails: a TRY was tried; a FIX or CHECK removed its cause, so its fact now holds the value
     * that does (the contract's "answered no" table).
     *
     * @param snapshot the snapshot the action was proposed for
     * @param kind the kind it was proposed as
     * @return the snapshot with what was learned
     */
    public DeviceSnapshot answeredNo(DeviceSnapshot snapshot, Kind kind) {
        return kind == TRY ? snapshot.withTried(id()) : answeredNo.after(snapshot, kind);
    }

    /** A CHECK or FIX of an entry that only proposes TRYs can't be done: nothing is learned. */
    private static DeviceSnapshot nothingLearned(DeviceSnapshot snapshot) {
        return snapshot;
    }

    private static DeviceSnapshot serviceWorks(DeviceSnapshot done) {
        return done.with(done.service().withIcloudBackup(ServiceState.AVAILABLE));
    }
}
