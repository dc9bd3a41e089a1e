package dev.backupdoctor.bench;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random snapshots that reach every branch of the catalog: unknown parts and fields, storage
 * that fits, falls short by what the app backups can or cannot cover, or fits exactly, outages,
 * and remedies already tried, including ids of actions that are not TRY or not in the catalog.
 */
public final class RandomSnapshots {

    private static final long GB = 1_000_000_000L;
    private static final String[] MODELS = {
        null, "iPhone 8", "iPhone 8 Plus", "iPhone X", "iPhone XS Max", "iPhone SE (2nd generation)",
        "iPhone 15 Pro", "iPhone 9", "iPhone Air", "Pixel 7"};
    private static final String[] VERSIONS = {null, "14.8", "15", "16.7.2", "17", "17.0", "17.1", "17.1.1", "17.10"};
    private static final String[] APPS = {"WhatsApp", "Photos", "Notes", "Signal", "Pages", "Books"};
    private static final String[] TRIABLE = {
        "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS", "BACK_UP_WITH_COMPUTER",
        "TURN_ON_ICLOUD_BACKUP", "CONNECT_TO_WIFI", "FREE_UP_ICLOUD_STORAGE", "ACME_CUSTOM_REMEDY"};

    private RandomSnapshots() {
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
        for (String id : TRIABLE) {
            if (random.nextInt(4) == 0) {
                tried.add(id);
            }
        }
        return new DeviceSnapshot(
                random.nextInt(8) == 0 ? null
                        : new DeviceInfo(pick(random, MODELS), version(random), version(random), answer(random)),
                random.nextInt(8) == 0 ? null : new ICloudSettings(answer(random), answer(random), answer(random)),
                null,
                random.nextInt(8) == 0 ? null
                        : new WifiStatus(answer(random), answer(random), random.nextInt(3) == 0 ? null : random.nextInt(4)),
                random.nextInt(8) == 0 ? null
                        : new PowerState(answer(random), answer(random),
                                random.nextInt(4) == 0 ? null : Cable.values()[random.nextInt(3)]),
                random.nextInt(8) == 0 ? null : storage(random),
                random.nextInt(8) == 0 ? null
                        : new ServiceStatus(random.nextInt(4) == 0 ? null : ServiceState.values()[random.nextInt(3)]),
                random.nextInt(8) == 0 ? null : tried);
    }

    private static StorageStatus storage(Random random) {
        long total = GB * (5 + random.nextInt(196));
        long used = (long) (total * random.nextDouble());
        long free = total - used;
        long next = switch (random.nextInt(4)) {
            case 0 -> free;
            case 1 -> (long) (free * random.nextDouble());
            default -> free + (long) (random.nextDouble() * 4 * GB);
        };
        List<AppBackup> apps = null;
        if (random.nextInt(4) != 0) {
            apps = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                apps.add(new AppBackup(APPS[random.nextInt(APPS.length)], (long) (random.nextDouble() * 2 * GB)));
            }
        }
        return new StorageStatus(
                random.nextInt(10) == 0 ? null : total,
                random.nextInt(10) == 0 ? null : used,
                random.nextInt(10) == 0 ? null : next,
                apps);
    }

    private static Answer answer(Random random) {
        return random.nextInt(5) == 0 ? null : Answer.values()[random.nextInt(3)];
    }

    private static IosVersion version(Random random) {
        String text = pick(random, VERSIONS);
        return text == null ? null : IosVersion.parse(text);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
