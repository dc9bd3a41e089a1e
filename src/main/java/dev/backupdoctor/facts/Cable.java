package dev.backupdoctor.facts;

/** The charging cable in use. */
public enum Cable {
    /** An Apple cable, the one to try when charging fails. */
    APPLE,
    /** Any other cable; a faulty or uncertified one is a common reason a plugged-in iPhone doesn't charge. */
    THIRD_PARTY,
    /** Not known which cable it is. */
    UNKNOWN
}
