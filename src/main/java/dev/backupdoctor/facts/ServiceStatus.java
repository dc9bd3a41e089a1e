package dev.backupdoctor.facts;

/**
 * Apple's side: is the iCloud Backup service up?
 *
 * @param icloudBackup what Apple's System Status page shows for iCloud Backup
 */
public record ServiceStatus(
        @Ask(step = 170, value = "What does Apple's System Status page (apple.com/support/systemstatus) show for iCloud Backup?",
                alsoSaid = {"green=AVAILABLE", "ok=AVAILABLE", "down=OUTAGE", "red=OUTAGE", "yellow=OUTAGE"})
        ServiceState icloudBackup) {

    /** Not known whether Apple's service works. */
    public static final ServiceStatus UNKNOWN = new ServiceStatus(null);

    /**
     * Turns a {@code null} state into UNKNOWN.
     *
     * @param icloudBackup the service state; {@code null} is UNKNOWN
     */
    public ServiceStatus {
        icloudBackup = icloudBackup == null ? ServiceState.UNKNOWN : icloudBackup;
    }

    /**
     * A copy with the service state replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public ServiceStatus withIcloudBackup(ServiceState value) {
        return new ServiceStatus(value);
    }
}
