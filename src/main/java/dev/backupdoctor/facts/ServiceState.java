package dev.backupdoctor.facts;

/** What Apple's System Status page shows for iCloud Backup. */
public enum ServiceState {
    /** A green light: the service works, so the cause is on the iPhone. */
    AVAILABLE,
    /** An outage or issue is reported: no backup can succeed until it is over. */
    OUTAGE,
    /** The page wasn't checked. */
    UNKNOWN
}
