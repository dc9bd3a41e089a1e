package dev.backupdoctor.cli.report;

/** How long ago a device last backed up, in the buckets a fleet report counts. */
enum BackupAge {

    DAYS_0_TO_1("0-1"),
    DAYS_2_TO_6("2-6"),
    DAYS_7_TO_13("7-13"),
    DAYS_14_OR_MORE("14+"),
    UNKNOWN("unknown");

    private final String label;

    BackupAge(String label) {
        this.label = label;
    }

    /** {@code daysAgo}: completed days since the last backup, {@code null} when unknown. */
    static BackupAge of(Integer daysAgo) {
        if (daysAgo == null) {
            return UNKNOWN;
        }
        if (daysAgo <= 1) {
            return DAYS_0_TO_1;
        }
        if (daysAgo <= 6) {
            return DAYS_2_TO_6;
        }
        return daysAgo <= 13 ? DAYS_7_TO_13 : DAYS_14_OR_MORE;
    }

    /** As the report's JSON and text name the bucket: {@code "0-1"}, {@code "14+"}, {@code "unknown"}. */
    String label() {
        return label;
    }
}
