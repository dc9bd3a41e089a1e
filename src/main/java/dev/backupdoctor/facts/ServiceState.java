package dev.backupdoctor.facts;

/** What Apple's System Status page shows for iCloud Backup. */
public enum ServiceState { AVAILABLE, OUTAGE, UNKNOWN }
