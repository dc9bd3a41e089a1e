package dev.backupdoctor.facts;

/** The charging cable in use. */
public enum Cable { APPLE, THIRD_PARTY, UNKNOWN }
