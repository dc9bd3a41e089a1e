package dev.backupdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.facts.StorageStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid snapshot JSON (docs/command-line.md) as a tree, in ASCII only: every section and
 * field absent, {@code null} or a valid value, so that a test can damage one place in it.
 */
final class SnapshotJson {

    static final List<String> ACTION_IDS = List.of("TURN_ON_ICLOUD_BACKUP", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE",
            "RESET_ALL_SETTINGS", "UPDATE_IOS", "BACK_UP_WITH_COMPUTER", "SOME_EXTENSION_REMEDY");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] MODELS = {"iPhone 8", "iPhone X", "iPhone SE (2nd generation)", "iPhone 15 Pro", "Pixel 8", ""};
    private static final String[] VERSIONS = {"14.8", "15", "16.7.2", "17.1", "17.1.1", "17.10", "0.0.0.1"};

    private final Random random;

    private SnapshotJson(Random random) {
        this.random = random;
    }

    static ObjectNode snapshot(long seed) {
        return new SnapshotJson(new Random(seed)).snapshot();
    }

    private ObjectNode snapshot() {
        ObjectNode root = NODES.objectNode();
        section(root, "device", device -> {
            field(device, "model", () -> NODES.textNode(pick(MODELS)));
            field(device, "iosVersion", () -> NODES.textNode(pick(VERSIONS)));
            field(device, "latestIosVersion", () -> NODES.textNode(pick(VERSIONS)));
            field(device, "screenLocked", this::bool);
            field(device, "sideloadedApps", this::bool);
        });
        section(root, "icloud", icloud -> {
            field(icloud, "signedIn", this::bool);
            field(icloud, "backupEnabled", this::bool);
            field(icloud, "verificationRequired", this::bool);
            field(icloud, "emailVerified", this::bool);
            field(icloud, "backupOverCellular", this::bool);
            field(icloud, "twoFactor", this::bool);
        });
        section(root, "restrictions", restrictions -> field(restrictions, "backupAllowed", this::bool));
        section(root, "wifi", wifi -> {
            field(wifi, "enabled", this::bool);
            field(wifi, "connected", this::bool);
            field(wifi, "signalBars", () -> NODES.numberNode(random.nextInt(4)));
            field(wifi, "lowDataMode", this::bool);
            field(wifi, "filtered", this::bool);
        });
        section(root, "power", power -> {
            field(power, "connected", this::bool);
            field(power, "charging", this::bool);
            field(power, "cable", () -> NODES.textNode(pick(new String[] {"APPLE", "THIRD_PARTY", "UNKNOWN"})));
            field(power, "batteryPercent", () -> NODES.numberNode(random.nextInt(101)));
        });
        section(root, "storage", storage -> {
            long total = bytes();
            long used = (long) (total * random.nextDouble());
            field(storage, "totalBytes", () -> NODES.numberNode(total));
            field(storage, "usedBytes", () -> NODES.numberNode(used));
            field(storage, "nextBackupBytes", () -> NODES.numberNode(bytes()));
            field(storage, "appBackups", () -> {
                ArrayNode apps = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    apps.addObject().put("app", pick(new String[] {"WhatsApp", "Photos", "Notes", "My \"quoted\" app"}))
                            .put("bytes", bytes() / 4);
                }
                return apps;
            });
            field(storage, "otherDeviceBackups", () -> {
                ArrayNode devices = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    devices.addObject().put("device", pick(new String[] {"Old iPad", "iPhone 8", "", "Dad's \"work\" phone"}))
                            .put("bytes", random.nextInt(8) == 0 ? 0 : bytes() / 4);
                }
                return devices;
            });
        });
        section(root, "service", service ->
                field(service, "icloudBackup", () -> NODES.textNode(pick(new String[] {"AVAILABLE", "OUTAGE", "UNKNOWN"}))));
        field(root, "tried", () -> {
            List<String> ids = new ArrayList<>(ACTION_IDS);
            Collections.shuffle(ids, random);
            ArrayNode tried = NODES.arrayNode();
            ids.subList(0, random.nextInt(ids.size() + 1)).forEach(tried::add);
            return tried;
        });
        return root;
    }

    private interface Filler {
        void fill(ObjectNode section);
    }

    private interface Value {
        JsonNode make();
    }

    /** Absent one time in four, null one in eight, otherwise an object with its fields filled in. */
    private void section(ObjectNode parent, String name, Filler filler) {
        int roll = random.nextInt(8);
        if (roll < 2) {
            return;
        }
        if (roll == 2) {
            parent.putNull(name);
            return;
        }
        filler.fill(parent.putObject(name));
    }

    private void field(ObjectNode parent, String name, Value value) {
        int roll = random.nextInt(6);
        if (roll == 0) {
            return;
        }
        parent.set(name, roll == 1 ? NODES.nullNode() : value.make());
    }

    private JsonNode bool() {
        return NODES.booleanNode(random.nextBoolean());
    }

    private long bytes() {
        return random.nextInt(4) == 0 ? (long) (random.nextDouble() * StorageStatus.MAX_BYTES) : random.nextInt(Integer.MAX_VALUE) * 10L;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
