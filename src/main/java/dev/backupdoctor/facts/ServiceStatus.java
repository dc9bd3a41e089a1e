package dev.backupdoctor.facts;

/** Apple's side: is the iCloud Backup service up? */
public record ServiceStatus(
        @Ask(step = 17, value = "What does Apple's System Status page (apple.com/support/systemstatus) show for iCloud Backup?",
                alsoSaid = {"green=AVAILABLE", "ok=AVAILABLE", "down=OUTAGE", "red=OUTAGE", "yellow=OUTAGE"})
        ServiceState icloudBackup) {

    public static final ServiceStatus UNKNOWN = new ServiceStatus(null);

    public ServiceStatus {
        icloudBackup = icloudBackup == null ? ServiceState.UNKNOWN : icloudBackup;
    }

    public ServiceStatus withIcloudBackup(ServiceState value) {
        return new ServiceStatus(value);
    }
}
