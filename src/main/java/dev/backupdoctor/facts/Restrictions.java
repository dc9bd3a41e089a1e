package dev.backupdoctor.facts;

/**
 * What the iPhone is allowed to do. {@code backupAllowed} is NO when a device-management
 * configuration profile or a Screen Time restriction stops iCloud Backup or account changes.
 */
public record Restrictions(Answer backupAllowed) {

    public static final Restrictions UNKNOWN = new Restrictions(null);

    public Restrictions {
        backupAllowed = Answer.orUnknown(backupAllowed);
    }
}
