package dev.backupdoctor.facts;

/**
 * The Apple Account on the iPhone and its iCloud Backup settings. {@code emailVerified} is NO when
 * the account's email address was never verified; {@code backupOverCellular} is the Back Up Over
 * Cellular switch (iOS 15 or later, 5G models); {@code twoFactor} is NO when the account doesn't
 * use two-factor authentication.
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

    public static final ICloudSettings UNKNOWN = new ICloudSettings(null, null, null, null, null, null);

    public ICloudSettings {
        signedIn = Answer.orUnknown(signedIn);
        backupEnabled = Answer.orUnknown(backupEnabled);
        verificationRequired = Answer.orUnknown(verificationRequired);
        emailVerified = Answer.orUnknown(emailVerified);
        backupOverCellular = Answer.orUnknown(backupOverCellular);
        twoFactor = Answer.orUnknown(twoFactor);
    }

    /** Sign-in, the backup switch and verification known; everything else unknown. */
    public ICloudSettings(Answer signedIn, Answer backupEnabled, Answer verificationRequired) {
        this(signedIn, backupEnabled, verificationRequired, null, null, null);
    }

    public ICloudSettings withSignedIn(Answer value) {
        return new ICloudSettings(value, backupEnabled, verificationRequired, emailVerified, backupOverCellular, twoFactor);
    }

    public ICloudSettings withBackupEnabled(Answer value) {
        return new ICloudSettings(signedIn, value, verificationRequired, emailVerified, backupOverCellular, twoFactor);
    }

    public ICloudSettings withVerificationRequired(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, value, emailVerified, backupOverCellular, twoFactor);
    }

    public ICloudSettings withEmailVerified(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, value, backupOverCellular, twoFactor);
    }

    public ICloudSettings withBackupOverCellular(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, value, twoFactor);
    }

    public ICloudSettings withTwoFactor(Answer value) {
        return new ICloudSettings(signedIn, backupEnabled, verificationRequired, emailVerified, backupOverCellular, value);
    }
}
