package dev.backupdoctor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
