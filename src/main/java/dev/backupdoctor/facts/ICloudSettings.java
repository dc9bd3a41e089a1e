package dev.backupdoctor.facts;

/** The Apple ID and its iCloud Backup switch. */
public record ICloudSettings(Answer signedIn, Answer backupEnabled, Answer verificationRequired) {

    public static final ICloudSettings UNKNOWN = new ICloudSettings(null, null, null);

    public ICloudSettings {
        signedIn = Answer.orUnknown(signedIn);
        backupEnabled = Answer.orUnknown(backupEnabled);
        verificationRequired = Answer.orUnknown(verificationRequired);
    }
}
