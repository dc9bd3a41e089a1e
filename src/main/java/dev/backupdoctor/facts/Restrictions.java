package dev.backupdoctor.facts;

/**
 * What the iPhone is allowed to do. {@code backupAllowed} is NO when a device-management
 * configuration profile or a Screen Time restriction stops iCloud Backup or account changes.
 */
public record Restrictions(
        // A person thinks of a restriction, not of an allowance: "yes" means backups are not allowed.
        @Ask(step = 1, opposite = true,
                value = "Is iCloud Backup restricted on this iPhone by Screen Time or by a company or school profile?")
        Answer backupAllowed) {

    public static final Restrictions UNKNOWN = new Restrictions(null);

    public Restrictions {
        backupAllowed = Answer.orUnknown(backupAllowed);
    }

    public Restrictions withBackupAllowed(Answer value) {
        return new Restrictions(value);
    }
}
