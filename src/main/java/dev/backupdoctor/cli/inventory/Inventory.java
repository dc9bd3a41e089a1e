package dev.backupdoctor.cli.inventory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The device-management inventories {@code --from} reads. Lower case, as the command line spells them. */
public enum Inventory {
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

    /** A file of a folder that is read: a regular file (not a link to one) whose name ends in the suffix, case-sensitive. */
    boolean isInventoryFile(Path file, BasicFileAttributes attributes) {
        return attributes.isRegularFile() && file.getFileName().toString().endsWith(fileSuffix);
    }

    /**
     * Whether the folder holds none of the files read, looking no further than the first: an empty
     * folder is a mistaken argument, not a fleet of no devices. {@code false} when it can't be listed,
     * which reading it reports.
     */
    boolean noFilesIn(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                try {
                    if (isInventoryFile(entry, Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))) {
                        return false;
                    }
                } catch (IOException vanished) {
                    // Not a file that can be read, as when the folder is read.
                }
            }
            return true;
        } catch (IOException unlisted) {
            return false;
        }
    }
}
