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
        Integer lastBackupDaysAgo) {

    /**
     * The most days since the last backup for it to count as recent: a backup went through within
     * the last two days, so iCloud Backup evidently works.
     */
    public static final int RECENT_BACKUP_DAYS = 1;

    /** From this many days without a backup, the iPhone's data has gone two weeks unprotected: stale. */
    public static final int STALE_BACKUP_DAYS = 14;

    /** Nothing known about the account or its settings. */
    public static final ICloudSettings UNKNOWN = new ICloudSettings(null, null, null, null, null, null, null);

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
     */
    public ICloudSettings {
        signedIn = Answer.orUnknown(signedIn);
        backupEnabled = Answer.orUnknown(backupEnabled);
        verificationRequired = Answer.orUnknown(verificationRequired);
        emailVerified = Answer.orUnknown(emailVerified);
        backupOverCellular = Answer.orUnknown(backupOverCellular);
        twoFactor = Answer.orUnknown(twoFactor);
    }

    /**
     * Sign-in, the backup switch and verification known; everything else unknown.
     *
     * @param signedIn whether the iPhone is signed in to iCloud
     * @param backupEnabled whether iCloud Backup is switched on
     * @param verificationRequired whether iCloud is asking to verify the account
     */
    public ICloudSettings(Answer signedIn, Answer backupEnabled, Answer verificationRequired) {
        this(signedIn, backupEnabled, verificationRequired, null, null, null, null);
    }

    /**
     * Whether the last backup went through at most {@link #RECENT_BACKUP_DAYS} days ago.
     *
     * @return {@code true} for a recent backup; {@code false} when it is older or unknown
     */
    public boolean backupRecent() {
        return lastBackupDaysAgo != null && lastBackupDaysAgo <= RECENT_BACKUP_DAYS;
    }

    /**
     * Whether the last backup is at least {@link #STALE_BACKUP_DAYS} days old.
     *
     * @return {@code true} for a stale backup; {@code false} when it is newer, unknown or there was none
     */
    public boolean backupStale() {
        return lastBackupDaysAgo != null && lastBackupDaysAgo >= STALE_BACKUP_DAYS;
    }

    /**
     * A copy with whether the iPhone is signed in replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withSignedIn(Answer value) {
        return new ICloudSettings(value, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor, lastBackupDaysAgo);
    }

    /**
     * A copy with the iCloud Backup switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupEnabled(Answer value) {
        return new ICloudSettings(signedIn, value, verificationRequired, emailVerified, backupOverCellular, twoFactor, lastBackupDaysAgo);
    }

    /**
     * A copy with whether verification is asked for replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withVerificationRequired(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, value, emailVerified, backupOverCellular, twoFactor, lastBackupDaysAgo);
    }

    /**
     * A copy with whether the email address is verified replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withEmailVerified(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, value, backupOverCellular, twoFactor, lastBackupDaysAgo);
    }

    /**
     * A copy with the Back Up Over Cellular switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupOverCellular(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, value, twoFactor, lastBackupDaysAgo);
    }

    /**
     * A copy with whether two-factor authentication is on replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withTwoFactor(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, value, lastBackupDaysAgo);
    }

    /**
     * A copy with the days since the last completed backup replaced.
     *
     * @param value the new value, 0 to 36,500; {@code null} means unknown or never backed up
     * @return a copy differing in that one fact
     */
    public ICloudSettings withLastBackupDaysAgo(Integer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor, value);
    }
}
