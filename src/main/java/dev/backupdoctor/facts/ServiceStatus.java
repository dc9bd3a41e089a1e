package dev.backupdoctor.facts;

/** Apple's side: is the iCloud Backup service up? */
public record ServiceStatus(ServiceState icloudBackup) {

    public static final ServiceStatus UNKNOWN = new ServiceStatus(null);

    public ServiceStatus {
        icloudBackup = icloudBackup == null ? ServiceState.UNKNOWN : icloudBackup;
    }
}
