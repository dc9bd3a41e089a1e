package dev.backupdoctor.plan;

/**
 * Whether the plan lists a general remedy (a TRY action) besides the computer backup, once every
 * other rule has fired. Backup Doctor inserts it then, so that the last resort can wait for the
 * others without depending on the order in which rules fire.
 */
public record OtherRemedies(boolean listed) {
}
