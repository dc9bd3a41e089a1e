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
 */
public record ICloudSettings(
        @Ask(step = 20, value = "Is the iPhone signed in to iCloud (your name shows at the top of Settings)?")
        Answer signedIn,
        @Ask(step = 2, value = "Is iCloud Backup switched on (Settings > your name > iCloud > iCloud Backup)?")
        Answer backupEnabled,
        @Ask(step = 21, value = "Is iCloud asking you to verify your Apple Account?")
        Answer verificationRequired,
        @Ask(step = 18, value = "Has the Apple Account's email address been verified?")
        Answer emailVerified,
        @Ask(step = 8, value = "Is Back Up Over Cellular on (Settings > your name > iCloud > iCloud Backup)?")
        Answer backupOverCellular,
        @Ask(step = 19, value = "Does the Apple Account use two-factor authentication?")
        Answer twoFactor) {

    /** Nothing known about the account or its settings. */
    public static final ICloudSettings UNKNOWN = new ICloudSettings(null, null, null, null, null, null);

    /**
     * Turns a {@code null} answer into UNKNOWN.
     *
     * @param signedIn signed in to iCloud; {@code null} is UNKNOWN
     * @param backupEnabled iCloud Backup switched on; {@code null} is UNKNOWN
     * @param verificationRequired iCloud asking to verify the account; {@code null} is UNKNOWN
     * @param emailVerified email address verified; {@code null} is UNKNOWN
     * @param backupOverCellular Back Up Over Cellular on; {@code null} is UNKNOWN
     * @param twoFactor two-factor authentication in use; {@code null} is UNKNOWN
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
        this(signedIn, backupEnabled, verificationRequired, null, null, null);
    }

    /**
     * A copy with whether the iPhone is signed in replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withSignedIn(Answer value) {
        return new ICloudSettings(value, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor);
    }

    /**
     * A copy with the iCloud Backup switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupEnabled(Answer value) {
        return new ICloudSettings(signedIn, value, verificationRequired, emailVerified, backupOverCellular, twoFactor);
    }

    /**
     * A copy with whether verification is asked for replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withVerificationRequired(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, value, emailVerified, backupOverCellular, twoFactor);
    }

    /**
     * A copy with whether the email address is verified replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withEmailVerified(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, value, backupOverCellular, twoFactor);
    }

    /**
     * A copy with the Back Up Over Cellular switch replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withBackupOverCellular(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, value, twoFactor);
    }

    /**
     * A copy with whether two-factor authentication is on replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ICloudSettings withTwoFactor(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, value);
    }
}
