package dev.backupdoctor.facts;

/**
 * What the iPhone is allowed to do. {@code backupAllowed} is NO when a device-management
 * configuration profile or a Screen Time restriction stops iCloud Backup or account changes.
 *
 * @param backupAllowed whether iCloud Backup may be used at all
 */
public record Restrictions(
        // A person thinks of a restriction, not of an allowance: "yes" means backups are not allowed.
        @Ask(step = 10, opposite = true,
                value = "Is iCloud Backup restricted on this iPhone by Screen Time or by a company or school profile?")
        Answer backupAllowed) {

    /** Not known whether anything is restricted. */
    public static final Restrictions UNKNOWN = new Restrictions(null);

    /**
     * Turns a {@code null} answer into UNKNOWN.
     *
     * @param backupAllowed whether iCloud Backup is allowed; {@code null} is UNKNOWN
     */
    public Restrictions {
        backupAllowed = Answer.orUnknown(backupAllowed);
    }

    /**
     * A copy with whether backup is allowed replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public Restrictions withBackupAllowed(Answer value) {
        return new Restrictions(value);
    }
}
