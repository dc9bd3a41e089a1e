package dev.backupdoctor.facts;

/**
 * The Apple Account on the iPhone and its iCloud Backup settings. {@code emailVerified} is NO when
 * the account's email address was never verified; {@code backupOverCellular} is the Back Up Over
 * Cellular switch (iOS 15 or later, 5G models); {@code twoFactor} is NO when the account doesn't
 * use two-factor authentication.
 *
 * @param signedIn whether the iPhone is signed in to iCloud
 * @param backupEnabled whether the iCloud Backup switch is on
 * @param verificationRequired whether iCloud is asking to verify the Apple Account
 * @param emailVerified whether the account's email address was verified
 * @param backupOverCellular whether Back Up Over Cellular is on
 * @param twoFactor whether the account uses two-factor authentication
 * @param lastBackupDaysAgo completed 24-hour periods since the last completed iCloud backup (0 = under
 *     24 hours), 0 to 36,500; {@code null} when unknown or when the iPhone never backed up
 * @param backupMessage what the iPhone showed under Back Up Now after the last try
 */
public record ICloudSettings(
        @Ask(step = 200, value = "Is the iPhone signed in to iCloud (your name shows at the top of Settings)?")
        Answer signedIn,
        @Ask(step = 20, value = "Is iCloud Backup switched on (Settings > your name > iCloud > iCloud Backup)?")
        Answer backupEnabled,
        @Ask(step = 210, value = "Is iCloud asking you to verify your Apple Account?")
        Answer verificationRequired,
        @Ask(step = 180, value = "Has the Apple Account's email address been verified?")
        Answer emailVerified,
        @Ask(step = 80, value = "Is Back Up Over Cellular on (Settings > your name > iCloud > iCloud Backup)?")
        Answer backupOverCellular,
        @Ask(step = 190, value = "Does the Apple Account use two-factor authentication?")
        Answer twoFactor,
        @Range(max = 36_500)
        Integer lastBackupDaysAgo,
        // Early among equals: one reply settles several CHECKs.
        @Ask(step = 5, value = "What did the iPhone say when you last tapped Back Up Now (Settings > your name > iCloud > iCloud Backup)?",
                alsoSaid = {"no message=COMPLETED", "backup completed=COMPLETED", "it worked=COMPLETED",
                        "not enough iCloud storage=NOT_ENOUGH_STORAGE", "there's not enough iCloud storage available=NOT_ENOUGH_STORAGE",
                        "storage full=NOT_ENOUGH_STORAGE", "iCloud storage is full=NOT_ENOUGH_STORAGE",
                        "Wi-Fi connection=NETWORK_ERROR", "no network connection=NETWORK_ERROR", "network connection lost=NETWORK_ERROR",
                        "password=SIGN_IN_REQUIRED", "sign in to iCloud=SIGN_IN_REQUIRED", "verify your Apple Account=SIGN_IN_REQUIRED",
                        "unable to access the account=SIGN_IN_REQUIRED",
                        "cannot back up without a verified email address=EMAIL_NOT_VERIFIED", "verify your email address=EMAIL_NOT_VERIFIED",
                        "the last backup could not be completed=COULD_NOT_COMPLETE", "couldn't be completed=COULD_NOT_COMPLETE",
                        "an unknown error occurred=UNKNOWN_ERROR"})
        BackupMessage backupMessage) {

    /**
     * The most days since the last backup for it to count as recent: a backup went through within
     * the last two days, so iCloud Backup evidently works.
     */
    public static final int RECENT_BACKUP_DAYS = 1;

    /** From this many days without a backup, the iPhone's data has gone two weeks unprotected: stale. */
    public static final int STALE_BACKUP_DAYS = 14;

    /** Apple may delete a device's iCloud backups after this many days without a backup. */
    public static final int BACKUPS_KEPT_DAYS = 180;

    /** From this many days without a backup, the plan warns that the iCloud backups may soon be deleted. */
    public static final int BACKUPS_AT_RISK_DAYS = 150;

    /** Nothing known about the account or its settings. */
    public static final ICloudSettings UNKNOWN = new ICloudSettings(null, null, null, null, null, null, null, null);

    /**
     * Turns a {@code null} answer into UNKNOWN.
     *
     * @param signedIn signed in to iCloud; {@code null} is UNKNOWN
     * @param backupEnabled iCloud Backup switched on; {@code null} is UNKNOWN
     * @param verificationRequired iCloud asking to verify the account; {@code null} is UNKNOWN
     * @param emailVerified email address verified; {@code null} is UNKNOWN
     * @param backupOverCellular Back Up Over Cellular on; {@code null} is UNKNOWN
     * @param twoFactor two-factor authentication in use; {@code null} is UNKNOWN
     * @param lastBackupDaysAgo days since the last completed backup; {@code null} stays unknown
     * @param backupMessage what Back Up Now showed; {@code null} is UNKNOWN
     */
    public ICloudSettings {
        signedIn = Answer.orUnknown(signedIn);
        backupEnabled = Answer.orUnknown(backupEnabled);
        verificationRequired = Answer.orUnknown(verificationRequired);
        emailVerified = Answer.orUnknown(emailVerified);
        backupOverCellular = Answer.orUnknown(backupOverCellular);
        twoFactor = Answer.orUnknown(twoFactor);
        backupMessage = backupMessage == null ? BackupMessage.UNKNOWN : backupMessage;
    }

    /**
     * Sign-in, the backup switch and verification known; everything else unknown.
     *
     * @param signedIn whether the iPhone is signed in to iCloud
     * @param backupEnabled whether iCloud Backup is switched on
     * @param verificationRequired whether iCloud is asking to verify the account
     */
    public ICloudSettings(Answer signedIn, Answer backupEnabled, Answer verificationRequired) {
        this(signedIn, backupEnabled, verificationRequired, null, null, null, null, null);
    }

    /**
     * Whether the last backup went through at most {@link #RECENT_BACKUP_DAYS} days ago, or Back Up
     * Now just finished one.
     *
     * @return {@code true} for a recent backup; {@code false} when it is older or unknown
     */
    public boolean backupRecent() {
        return lastBackupDaysAgo != null && lastBackupDaysAgo <= RECENT_BACKUP_DAYS || backupMessage == BackupMessage.COMPLETED;
    }

    /**
     * Whether the last backup is at least {@link #STALE_BACKUP_DAYS} days old, and Back Up Now didn't
     * just finish one.
     *
     * @return {@code true} for a stale backup; {@code false} when it is newer, unknown or there was none
     */
    public boolean backupStale() {
        return lastBackupDaysAgo != null && lastBackupDaysAgo >= STALE_BACKUP_DAYS && backupMessage != BackupMessage.COMPLETED;
    }

    /**
     * Whether the last backup is at least {@link #BACKUPS_AT_RISK_DAYS} days old: Apple may soon delete
     * this device's iCloud backups, or already has.
     *
     * @return {@code true} when the backups are at risk; {@code false} when newer, unknown, there was
     *     none, or Back Up Now just finished one
     */
    public boolean backupsAtRisk() {
        return lastBackupDaysAgo != null && lastBackupDaysAgo >= BACKUPS_AT_RISK_DAYS && backupMessage != BackupMessage.COMPLETED;
    }

    /**
     * The days left before Apple may delete this device's iCloud backups.
     *
     * @return {@link #BACKUPS_KEPT_DAYS} less the days since the last backup, 0 from then on; 0 when unknown
     */
    public int daysBeforeBackupsMayGo() {
        return lastBackupDaysAgo == null ? 0 : Math.max(0, BACKUPS_KEPT_DAYS - lastBackupDaysAgo);
    }

    /**
     * A copy with whether the iPhone is signed in replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withSignedIn(Answer value) {
        return new ICloudSettings(value, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with the iCloud Backup switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupEnabled(Answer value) {
        return new ICloudSettings(signedIn, value, verificationRequired, emailVerified, backupOverCellular, twoFactor,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with whether verification is asked for replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withVerificationRequired(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, value, emailVerified, backupOverCellular, twoFactor,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with whether the email address is verified replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withEmailVerified(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, value, backupOverCellular, twoFactor,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with the Back Up Over Cellular switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupOverCellular(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, value, twoFactor,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with whether two-factor authentication is on replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withTwoFactor(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, value,
                lastBackupDaysAgo, backupMessage);
    }

    /**
     * A copy with the days since the last completed backup replaced.
     *
     * @param value the new value, 0 to 36,500; {@code null} means unknown or never backed up
     * @return a copy differing in that one fact
     */
    public ICloudSettings withLastBackupDaysAgo(Integer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor, value,
                backupMessage);
    }

    /**
     * A copy with what Back Up Now showed replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupMessage(BackupMessage value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor,
                lastBackupDaysAgo, value);
    }
}
