package dev.backupdoctor.cli.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic JSON Lines fleet for {@code batch}: mostly valid snapshots with a realistic
 * mix of known, unknown and failing facts, a blank line at every line number ending in 999, and an
 * invalid line at every line number that is 250 more than a multiple of 500, cycling through
 * {@link #INVALID}. {@code examples/snapshots/fleet.jsonl} is {@code main("3000", that path)}.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.backupdoctor.cli.batch.FleetGenerator 100000 /tmp/big.jsonl}
 */
public final class FleetGenerator {

    public static final long SEED = 20241026L;

    /** The invalid lines, in the order they appear, each with the error batch reports for it. */
    public static final List<String[]> INVALID = List.of(
            new String[] {"{\"wifi\": {\"signalBars\": 7}}", "$.wifi.signalBars: must be between 0 and 3, was 7"},
            new String[] {"{\"icloud\": {\"backupEnabled\": \"yes\"}}", "$.icloud.backupEnabled: must be true, false or null, was \"yes\""},
            new String[] {"{\"power\": {\"cable\": \"apple\"}}", "$.power.cable: must be one of APPLE, THIRD_PARTY, UNKNOWN, was \"apple\""},
            new String[] {"{\"storage\": {\"totalBytes\": 5000000000, \"usedBytes\": 6000000000}}",
                    "$.storage.usedBytes: must not exceed totalBytes (5000000000), was 6000000000"},
            new String[] {"{\"device\": {\"iosVersion\": \"seventeen\"}}", "$.device.iosVersion: not a version like \"17.1.2\", was \"seventeen\""},
            new String[] {"{\"wifi\": {\"enabled\": true,", "$: malformed JSON at line 1, column 27: the input ends inside the object that starts at line 1, column 10"});

    /** Each bucket of the report's backup age, at its edges. */
    private static final String[] BACKUP_DAYS = {"0", "1", "2", "6", "7", "13", "14", "30", "400", "36500"};
    private static final String[] MODELS = {"iPhone 8", "iPhone 8 Plus", "iPhone X", "iPhone XR", "iPhone 11", "iPhone 12",
        "iPhone 13 mini", "iPhone 14 Pro", "iPhone 15", "iPhone 15 Pro Max", "iPhone SE (2nd generation)", "iPhone SE (3rd generation)"};
    private static final String[] VERSIONS = {"16.7.2", "17.0.3", "17.1.1", "17.1.2"};
    private static final String[] APPS = {"WhatsApp", "Photos Editor", "Notes", "Signal", "GarageBand", "Books"};
    private static final String[] OLD_DEVICES = {"Old iPad", "iPhone 8", "iPhone XR"};
    private static final String[] TRIED = {"RESTART_IPHONE", "SIGN_OUT_AND_BACK_IN", "RESET_ALL_SETTINGS", "UPDATE_IOS"};

    private FleetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(out, Integer.parseInt(args[0]));
        }
    }

    public static void write(Writer out, int lines) throws IOException {
        Random random = new Random(SEED);
        BufferedWriter buffered = new BufferedWriter(out);
        for (int line = 1; line <= lines; line++) {
            if (line % 1000 == 999) {
                buffered.write("");
            } else if (line % 500 == 250) {
                buffered.write(INVALID.get((line / 500) % INVALID.size())[0]);
            } else {
                buffered.write(snapshot(random));
            }
            buffered.write('\n');
        }
        buffered.flush();
    }

    private static String snapshot(Random random) {
        List<String> sections = new ArrayList<>();
        if (random.nextInt(10) > 0) {
            sections.add("\"device\":{\"model\":\"" + pick(random, MODELS) + "\",\"iosVersion\":\"" + pick(random, VERSIONS)
                    + "\",\"latestIosVersion\":\"17.1.2\",\"screenLocked\":" + answer(random, 9)
                    + ",\"sideloadedApps\":" + negative(random, 40) + "}");
        }
        if (random.nextInt(10) > 0) {
            sections.add("\"icloud\":{\"signedIn\":" + answer(random, 30) + ",\"backupEnabled\":" + answer(random, 8)
                    + ",\"verificationRequired\":" + negative(random, 20) + ",\"emailVerified\":" + answer(random, 60)
                    + ",\"backupOverCellular\":" + negative(random, 5) + ",\"twoFactor\":" + answer(random, 40)
                    + (random.nextInt(4) == 0 ? "" : ",\"lastBackupDaysAgo\":" + pick(random, BACKUP_DAYS)) + "}");
        }
        if (random.nextInt(4) == 0) {
            sections.add("\"restrictions\":{\"backupAllowed\":" + answer(random, 15) + "}");
        }
        if (random.nextInt(10) > 0) {
            sections.add("\"wifi\":{\"enabled\":" + answer(random, 20) + ",\"connected\":" + answer(random, 10)
                    + ",\"signalBars\":" + (random.nextInt(8) == 0 ? "null" : random.nextInt(4))
                    + ",\"lowDataMode\":" + negative(random, 25) + ",\"filtered\":" + negative(random, 15) + "}");
        }
        if (random.nextInt(10) > 0) {
            String[] cables = {"APPLE", "THIRD_PARTY", "UNKNOWN"};
            sections.add("\"power\":{\"connected\":" + answer(random, 8) + ",\"charging\":" + answer(random, 10)
                    + ",\"cable\":\"" + pick(random, cables) + "\",\"batteryPercent\":"
                    + (random.nextInt(6) == 0 ? "null" : random.nextInt(101)) + "}");
        }
        if (random.nextInt(10) > 0) {
            long total = random.nextBoolean() ? 5_000_000_000L : 50_000_000_000L;
            long used = (long) (total * random.nextDouble());
            long next = 500_000_000L + random.nextInt(3_000_000) * 1000L;
            StringBuilder apps = new StringBuilder();
            for (int i = 0; i < random.nextInt(4); i++) {
                apps.append(i == 0 ? "" : ",").append("{\"app\":\"").append(APPS[i]).append("\",\"bytes\":")
                        .append(random.nextInt(1_000_000) * 1000L).append("}");
            }
            StringBuilder devices = new StringBuilder();
            int oldDevices = random.nextInt(OLD_DEVICES.length + 1);
            for (int i = 0; i < oldDevices; i++) {
                devices.append(i == 0 ? "" : ",").append("{\"device\":\"").append(OLD_DEVICES[i]).append("\",\"bytes\":")
                        .append(random.nextInt(3_000_000) * 1000L).append("}");
            }
            sections.add("\"storage\":{\"totalBytes\":" + total + ",\"usedBytes\":" + used + ",\"nextBackupBytes\":" + next
                    + ",\"appBackups\":" + (random.nextInt(5) == 0 ? "null" : "[" + apps + "]")
                    + ",\"otherDeviceBackups\":" + (random.nextInt(3) == 0 ? "null" : "[" + devices + "]") + "}");
        }
        if (random.nextInt(10) > 0) {
            sections.add("\"service\":{\"icloudBackup\":\"" + (random.nextInt(50) == 0 ? "OUTAGE" : "AVAILABLE") + "\"}");
        }
        if (random.nextBoolean()) {
            sections.add("\"tried\":[\"" + pick(random, TRIED) + "\"]");
        }
        return "{" + String.join(",", sections) + "}";
    }

    /** Mostly true, false one time in {@code oneIn}, and sometimes unknown. */
    private static String answer(Random random, int oneIn) {
        int roll = random.nextInt(oneIn + 2);
        return roll == 0 ? "false" : roll == 1 ? "null" : "true";
    }

    private static String negative(Random random, int oneIn) {
        return random.nextInt(oneIn) == 0 ? "true" : "false";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
