package dev.backupdoctor.facts;

/**
 * What the iPhone showed under Back Up Now (Settings → your name → iCloud → iCloud Backup) after
 * the last try. Any known value means Back Up Now was tried. Apple words each alert in its own way
 * from one iOS version to the next; docs/knowledge-sources.md quotes what Apple's pages say of each.
 */
public enum BackupMessage {
    /** No message: the backup finished. */
    COMPLETED,
    /** Not enough iCloud storage to back up. */
    NOT_ENOUGH_STORAGE,
    /** A message about Wi-Fi, the network or the connection. */
    NETWORK_ERROR,
    /** A request for the password, or to sign in or to verify the account. */
    SIGN_IN_REQUIRED,
    /** The Apple Account's email address must be verified. */
    EMAIL_NOT_VERIFIED,
    /** "The last backup could not be completed." */
    COULD_NOT_COMPLETE,
    /** "An unknown error occurred." */
    UNKNOWN_ERROR,
    /** Not known what it showed, or Back Up Now wasn't tried. */
    UNKNOWN
}
