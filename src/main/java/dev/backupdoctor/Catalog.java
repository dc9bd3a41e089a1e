package dev.backupdoctor;

import java.util.List;

/** The built-in action ids in the contract's catalog order, which breaks ties between actions of one kind and step. */
final class Catalog {

    static final List<String> IDS = List.of(
            "TURN_ON_ICLOUD_BACKUP",
            "LOCK_IPHONE",
            "CONNECT_TO_WIFI",
            "MOVE_CLOSER_TO_ROUTER",
            "CONNECT_TO_POWER",
            "TRY_ANOTHER_CABLE",
            "FREE_UP_ICLOUD_STORAGE",
            "UPGRADE_ICLOUD_STORAGE",
            "WAIT_FOR_ICLOUD_SERVICE",
            "CHECK_SYSTEM_STATUS",
            "SIGN_IN_TO_ICLOUD",
            "SIGN_OUT_AND_BACK_IN",
            "RESTART_IPHONE",
            "RESET_ALL_SETTINGS",
            "UPDATE_IOS",
            "BACK_UP_WITH_COMPUTER");

    private Catalog() {
    }

    /** The catalog position, or {@code Integer.MAX_VALUE} for an extension's own id. */
    static int position(String id) {
        int index = IDS.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
