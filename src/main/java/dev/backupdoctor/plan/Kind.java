package dev.backupdoctor.plan;

/** What kind of step an action is; plans list every FIX, then every CHECK, then every TRY. */
public enum Kind {
    /** The facts show this is a cause: do it. */
    FIX,
    /** A fact this step depends on is unknown: verify it, and fix it if needed. */
    CHECK,
    /** A general remedy for when the cause isn't visible, in escalation order. */
    TRY
}
