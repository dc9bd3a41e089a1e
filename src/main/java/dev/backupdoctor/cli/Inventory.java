package dev.backupdoctor.cli;

/** The device-management inventories {@code --from} reads. Lower case, as the command line spells them. */
enum Inventory {
    /** Apple MDM DeviceInformation responses, one property list per file. */
    mdm(".plist"),
    /** Jamf Pro API mobile-device inventory pages, JSON. */
    jamf(".json");

    private final String fileSuffix;

    Inventory(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** The files of a folder given as input: those whose names end so. */
    String fileSuffix() {
        return fileSuffix;
    }
}
