package dev.backupdoctor.facts;

/**
 * The Apple Account on the iPhone and its iCloud Backup settings. {@code emailVerified} is NO when
 * the account's email address was never verified; {@code backupOverCellular} is the Back Up Over
 * Cellular switch (iOS 15 or later, 5G models); {@code twoFactor} is NO when the account doesn't
 * use two-factor authentication.
 */
public record ICloudSettings(Answer signedIn, Answer backupEnabled, Answer verificationRequired,
        Answer emailVerified, Answer backupOverCellular, Answer twoFactor) {

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
