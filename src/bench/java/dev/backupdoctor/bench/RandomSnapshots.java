package dev.backupdoctor.bench;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.Restrictions;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.json.SnapshotWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Random snapshots, one generator for the mirrors' comparison, the benchmarks, and the fleets of
 * the tests and the performance scripts. They reach every branch of the catalog: unknown parts and
 * fields; models with and without 5G, spelt oddly too, each restart variant, iOS on either side of
 * 15; the battery either side of 75 %; storage that fits, fits exactly or falls short, with old
 * devices' and apps' backups that are unknown, empty, of 0 bytes, of equal sizes, or cover what is
 * short exactly, partly or more, at sizes up to 2^53 − 1; outages; remedies already tried,
 * including ids of actions that are not TRY or not in the catalog; ids that need escaping.
 * The lists of values are public so that the property tests' jqwik arbitraries draw from them too.
 *
 * <p>As JSON Lines ({@link #writeFleet}), a fleet also has a blank line at every line number
 * ending in 999, and an invalid line at every line number 250 more than a multiple of 500, cycling
 * through {@link #INVALID}: {@code java -cp ... dev.backupdoctor.bench.RandomSnapshots LINES SEED > fleet.jsonl}
 * (the classpath of the tests: {@code target/test-classes:target/classes} and the runtime
 * dependencies).
 */
public final class RandomSnapshots {

    private static final long GB = 1_000_000_000L;
    /**
     * Model names, odd spellings among them: case, spaces (Java's white space, and a no-break space,
     * which isn't), leading zeros, names that aren't iPhones'.
     */
    public static final List<String> MODELS = List.of(
        "iPhone 8", "iPhone 8 Plus", "iPhone X", "iPhone XS Max", "iPhone 11", "iPhone SE (2nd generation)",
        "iPhone SE (3rd generation)", "iPhone 12 mini", "IPHONE 13", "iPhone 15 Pro", "iphone 15  pro max",
        "iPhone 16e", "iPhone Air", "iPhone 9", "iPad Air", "Pixel 7", " IPHONE 12 MINI ", "iPhone\t13",
        "iPhone\u00a012", "iPhone 12\u2028", "iPhone 012", "iPhone 100", "IPHONE AIR 2", "\u00c9mile's iPhone 14", "iPhone");
    public static final List<String> VERSIONS = List.of(
        "12.5.7", "14.8", "14.8.1", "15", "15.0", "15.0.1", "16.7.2", "016.07.2", "17", "17.0", "17.1", "17.1.1", "17.10",
        "18.0.1", "26", "1.2.3.4");
    public static final List<Integer> BATTERY_PERCENTS = List.of(0, 20, 74, 75, 80, 100);
    /** Around the recent (up to 1) and stale (from 14) bounds. */
    public static final List<Integer> BACKUP_DAYS = List.of(0, 1, 2, 6, 7, 13, 14, 15, 400, 36_500);
    public static final List<String> APPS = List.of("WhatsApp", "Photos", "Notes", "Signal", "Pages", "Books", "Mum's \"Game\"");
    public static final List<String> DEVICES = List.of("Old iPad", "iPhone 8", "Mum's iPhone", "iPad mini", "\ud83d\udcf1 spare");
    /** Beside "device-N": ids a plan line must escape, and the longest there may be. */
    public static final List<String> IDS = List.of("", "\u00dcn\u00efc\u00f6d\u00e9 \ud83d\udcf1", "tab\tand \"quote\"",
            "\ud83d\udcf1".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS));
    public static final List<String> TRIED = List.of(
        "BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS",
        "FIND_APP_BREAKING_BACKUP", "BACK_UP_WITH_COMPUTER", "TURN_ON_ICLOUD_BACKUP", "CONNECT_TO_WIFI",
        "FREE_UP_ICLOUD_STORAGE", "ACME_CUSTOM_REMEDY");

    /** The invalid lines of a fleet, in the order they appear, each with the error {@code batch} reports for it. */
    public static final List<String[]> INVALID = List.of(
            new String[] {"{\"wifi\": {\"signalBars\": 7}}", "$.wifi.signalBars: must be between 0 and 3, was 7"},
            new String[] {"{\"icloud\": {\"backupEnabled\": \"yes\"}}", "$.icloud.backupEnabled: must be true, false or null, was \"yes\""},
            new String[] {"{\"power\": {\"cable\": \"apple\"}}", "$.power.cable: must be one of APPLE, THIRD_PARTY, UNKNOWN, was \"apple\""},
            new String[] {"{\"storage\": {\"totalBytes\": 5000000000, \"usedBytes\": 6000000000}}",
                    "$.storage.usedBytes: must not exceed totalBytes (5000000000), was 6000000000"},
            new String[] {"{\"device\": {\"iosVersion\": \"seventeen\"}}", "$.device.iosVersion: not a version like \"17.1.2\", was \"seventeen\""},
            new String[] {"{\"wifi\": {\"enabled\": true,", "$: malformed JSON at line 1, column 27: the input ends inside the object that starts at line 1, column 10"});

    private RandomSnapshots() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RandomSnapshots LINES SEED > fleet.jsonl");
            System.exit(2);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        writeFleet(out, Integer.parseInt(args[0]), Long.parseLong(args[1]));
        out.flush();
    }

    /** A fleet of JSON Lines, the same for the same lines and seed: snapshots, a few blank and invalid lines among them. */
    public static void writeFleet(Writer out, int lines, long seed) throws IOException {
        Random random = new Random(seed);
        SnapshotWriter writer = new SnapshotWriter();
        for (int line = 1; line <= lines; line++) {
            if (line % 1000 == 999) {
                out.write('\n');
            } else if (line % 500 == 250) {
                out.write(INVALID.get((line / 500) % INVALID.size())[0]);
                out.write('\n');
            } else {
                out.write(writer.toJsonLine(next(random)));
            }
        }
        out.flush();
    }

    public static List<DeviceSnapshot> generate(long seed, int count) {
        Random random = new Random(seed);
        List<DeviceSnapshot> snapshots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            snapshots.add(next(random));
        }
        return snapshots;
    }

    public static DeviceSnapshot next(Random random) {
        List<String> tried = new ArrayList<>();
        for (String id : TRIED) {
            if (random.nextInt(3) == 0) {
                tried.add(id);
            }
        }
        return new DeviceSnapshot(
                random.nextInt(4) == 0 ? null : random.nextInt(8) == 0 ? pick(random, IDS) : "device-" + random.nextInt(1_000),
                random.nextInt(8) == 0 ? null
                        : DeviceInfo.UNKNOWN.withModel(random.nextInt(12) == 0 ? null : pick(random, MODELS))
                                .withIosVersion(version(random)).withLatestIosVersion(version(random))
                                .withScreenLocked(answer(random)).withSideloadedApps(answer(random)),
                random.nextInt(8) == 0 ? null
                        : ICloudSettings.UNKNOWN.withSignedIn(answer(random)).withBackupEnabled(answer(random))
                                .withVerificationRequired(answer(random)).withEmailVerified(answer(random))
                                .withBackupOverCellular(answer(random)).withTwoFactor(answer(random))
                                .withLastBackupDaysAgo(random.nextInt(4) == 0 ? null : pick(random, BACKUP_DAYS)),
                random.nextInt(8) == 0 ? null : Restrictions.UNKNOWN.withBackupAllowed(answer(random)),
                random.nextInt(8) == 0 ? null
                        : WifiStatus.UNKNOWN.withEnabled(answer(random)).withConnected(answer(random))
                                .withSignalBars(random.nextInt(3) == 0 ? null : random.nextInt(4))
                                .withLowDataMode(answer(random)).withFiltered(answer(random)),
                random.nextInt(8) == 0 ? null
                        : PowerState.UNKNOWN.withConnected(answer(random)).withCharging(answer(random))
                                .withCable(random.nextInt(4) == 0 ? null : Cable.values()[random.nextInt(3)])
                                .withBatteryPercent(random.nextInt(7) == 0 ? null : pick(random, BATTERY_PERCENTS)),
                random.nextInt(8) == 0 ? null : storage(random),
                random.nextInt(8) == 0 ? null
                        : ServiceStatus.UNKNOWN
                                .withIcloudBackup(random.nextInt(4) == 0 ? null : ServiceState.values()[random.nextInt(3)]),
                random.nextInt(8) == 0 ? null : tried);
    }

    private static StorageStatus storage(Random random) {
        // Now and then at the limit, where a sum that isn't exact would show.
        long total = random.nextInt(10) == 0 ? StorageStatus.MAX_BYTES - random.nextInt(1_000) : GB * (5 + random.nextInt(196));
        long used = (long) (total * random.nextDouble());
        long free = total - used;
        long roomToMax = StorageStatus.MAX_BYTES - free;
        long next = switch (random.nextInt(4)) {
            case 0 -> free;
            case 1 -> (long) (free * random.nextDouble());
            default -> free + Math.min(roomToMax, 1 + (long) (random.nextDouble() * (total > 1_000 * GB ? roomToMax : 4 * GB)));
        };
        // The lists are sized against what is short, so that they cover it exactly, partly or more.
        long shortfall = next > free ? next - free : 1 + (long) (random.nextDouble() * 4 * GB);
        List<DeviceBackup> oldBackups = random.nextInt(6) == 0 ? null
                : backups(random, shortfall, bytes -> new DeviceBackup(pick(random, DEVICES), bytes));
        long oldBytes = 0;
        for (DeviceBackup backup : oldBackups == null ? List.<DeviceBackup>of() : oldBackups) {
            oldBytes += backup.bytes();
        }
        long rest = shortfall > oldBytes ? shortfall - oldBytes : shortfall;
        List<AppBackup> apps = random.nextInt(5) == 0 ? null
                : backups(random, rest, bytes -> new AppBackup(pick(random, APPS), bytes));
        return StorageStatus.UNKNOWN.withTotalBytes(random.nextInt(10) == 0 ? null : total)
                .withUsedBytes(random.nextInt(10) == 0 ? null : used)
                .withNextBackupBytes(random.nextInt(10) == 0 ? null : next).withAppBackups(apps)
                .withOtherDeviceBackups(oldBackups);
    }

    /**
     * None, or up to four backups that add up to exactly {@code target}, to part of it or to more,
     * some of them of equal sizes or of 0 bytes.
     */
    private static <T> List<T> backups(Random random, long target, LongFunction<T> backup) {
        List<T> backups = new ArrayList<>();
        int count = random.nextInt(5);
        if (count == 0) {
            return backups;
        }
        long sum = switch (random.nextInt(3)) {
            case 0 -> target;
            case 1 -> (long) (target * random.nextDouble());
            default -> target + (long) (target * random.nextDouble());
        };
        boolean equalSizes = random.nextInt(4) == 0;
        long left = sum;
        for (int i = 0; i < count; i++) {
            long bytes = i == count - 1 ? left : equalSizes ? sum / count : (long) (left * random.nextDouble());
            bytes = Math.min(bytes, StorageStatus.MAX_BYTES);
            left -= bytes;
            backups.add(backup.apply(bytes));
            if (random.nextInt(6) == 0) {
                backups.add(backup.apply(0));
            }
        }
        return backups;
    }

    private static Answer answer(Random random) {
        return random.nextInt(5) == 0 ? null : Answer.values()[random.nextInt(3)];
    }

    private static IosVersion version(Random random) {
        return random.nextInt(12) == 0 ? null : IosVersion.parse(pick(random, VERSIONS));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
