package dev.backupdoctor.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The built-in action ids in catalog order, which breaks ties between actions of one kind and step. */
final class Catalog {

    static final List<String> IDS = List.of(
            "ALLOW_ICLOUD_BACKUP",
            "TURN_ON_ICLOUD_BACKUP",
            "LOCK_IPHONE",
            "BACK_UP_NOW",
            "CONNECT_TO_WIFI",
            "MOVE_CLOSER_TO_ROUTER",
            "TURN_OFF_LOW_DATA_MODE",
            "TURN_ON_CELLULAR_BACKUP",
            "PAUSE_NETWORK_FILTER",
            "CONNECT_TO_POWER",
            "TRY_ANOTHER_CABLE",
            "DELETE_OLD_DEVICE_BACKUPS",
            "FREE_UP_ICLOUD_STORAGE",
            "UPGRADE_ICLOUD_STORAGE",
            "WAIT_FOR_ICLOUD_SERVICE",
            "CHECK_SYSTEM_STATUS",
            "VERIFY_ACCOUNT_EMAIL",
            "TURN_ON_TWO_FACTOR",
            "SIGN_IN_TO_ICLOUD",
            "SIGN_OUT_AND_BACK_IN",
            "RESTART_IPHONE",
            "RESET_ALL_SETTINGS",
            "UPDATE_IOS",
            "FIND_APP_BREAKING_BACKUP",
            "BACK_UP_WITH_COMPUTER");

    /** Sorting a plan asks for positions dozens of times; a lookup beats scanning the list each time. */
    private static final Map<String, Integer> POSITIONS = positions();

    private Catalog() {
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            positions.put(IDS.get(i), i);
        }
        return Map.copyOf(positions);
    }

    /** The catalog position, or {@code Integer.MAX_VALUE} for an extension's own id. */
    static int position(String id) {
        return POSITIONS.getOrDefault(id, Integer.MAX_VALUE);
    }
}
