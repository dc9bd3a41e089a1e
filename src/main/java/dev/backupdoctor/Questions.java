package dev.backupdoctor;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.Restrictions;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the questions worth asking about a snapshot: for each unknown field, diagnose the snapshot
 * once per plausible answer and measure how much the plan would change.
 */
final class Questions {

    private static final long GB = 1_000_000_000L;
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(bytes?|b|kb|mb|gb|tb)?");
    private static final Map<String, Long> UNITS = Map.of("", 1L, "b", 1L, "byte", 1L, "bytes", 1L,
            "kb", 1_000L, "mb", 1_000_000L, "gb", GB, "tb", 1_000 * GB);

    /** One askable field: when it is unknown, what it could plausibly be, and how a reply sets it. */
    private record Field(String name, String text, Question.Type type, List<String> choices,
            Predicate<DeviceSnapshot> unknown,
            Function<DeviceSnapshot, List<DeviceSnapshot>> whatIf,
            BiFunction<DeviceSnapshot, String, DeviceSnapshot> apply) {
    }

    /**
     * In the order of the troubleshooting steps, which equally useful questions keep.
     * {@code storage.otherDeviceBackups} is not asked: it is a list read off the Backups screen one
     * device at a time, not one reply, and the storage questions keep whatever is known of it.
     */
    private static final List<Field> FIELDS = List.of(
            // A person thinks of a restriction, not of an allowance: "yes" means backups are not allowed.
            yesNo("restrictions.backupAllowed",
                    "Is iCloud Backup restricted on this iPhone by Screen Time or by a company or school profile?",
                    s -> s.restrictions().backupAllowed(),
                    (s, restricted) -> s.with(new Restrictions(restricted == YES ? NO : YES))),
            yesNo("icloud.backupEnabled", "Is iCloud Backup switched on (Settings > your name > iCloud > iCloud Backup)?",
                    s -> s.icloud().backupEnabled(),
                    (s, v) -> s.with(s.icloud().withBackupEnabled(v))),
            yesNo("device.screenLocked", "Is the iPhone locked (screen off) while it should be backing up?",
                    s -> s.device().screenLocked(),
                    (s, v) -> s.with(s.device().withScreenLocked(v))),
            yesNo("wifi.enabled", "Is Wi-Fi switched on?",
                    s -> s.wifi().enabled(),
                    (s, v) -> s.with(s.wifi().withEnabled(v))),
            yesNo("wifi.connected", "Is the iPhone connected to a Wi-Fi network (the Wi-Fi symbol shows at the top of the screen)?",
                    s -> s.wifi().connected(),
                    (s, v) -> s.with(s.wifi().withConnected(v))),
            new Field("wifi.signalBars", "How many arcs does the Wi-Fi symbol show, from 0 to 3?", Question.Type.NUMBER, List.of(),
                    s -> s.wifi().signalBars() == null,
                    s -> List.of(withBars(s, 0), withBars(s, 3)),
                    (s, reply) -> withBars(s, parseBars(reply))),
            yesNo("wifi.lowDataMode", "Is Low Data Mode on for the Wi-Fi network the iPhone is on?",
                    s -> s.wifi().lowDataMode(),
                    (s, v) -> s.with(s.wifi().withLowDataMode(v))),
            yesNo("icloud.backupOverCellular", "Is Back Up Over Cellular on (Settings > your name > iCloud > iCloud Backup)?",
                    s -> s.icloud().backupOverCellular(),
                    (s, v) -> s.with(s.icloud().withBackupOverCellular(v))),
            yesNo("wifi.filtered", "Is a VPN, an ad-blocking DNS (Pi-hole, AdGuard Home, NextDNS) or a firewall between the iPhone "
                    + "and the internet?",
                    s -> s.wifi().filtered(),
                    (s, v) -> s.with(s.wifi().withFiltered(v))),
            yesNo("power.connected", "Is the iPhone plugged into power?",
                    s -> s.power().connected(),
                    (s, v) -> s.with(s.power().withConnected(v))),
            yesNo("power.charging", "Does the battery icon show the charging symbol?",
                    s -> s.power().charging(),
                    (s, v) -> s.with(s.power().withCharging(v))),
            new Field("power.cable", "Which charging cable is it: an Apple cable or a third-party one?", Question.Type.CHOICE,
                    List.of("apple", "third-party"),
                    s -> s.power().cable() == Cable.UNKNOWN,
                    s -> List.of(withCable(s, Cable.APPLE), withCable(s, Cable.THIRD_PARTY)),
                    (s, reply) -> withCable(s, parseCable(reply))),
            // One level on each side of the 75 % from which a plugged-in iPhone may rightly not charge.
            new Field("power.batteryPercent", "What is the battery level, in percent?", Question.Type.NUMBER, List.of(),
                    s -> s.power().batteryPercent() == null,
                    s -> List.of(withBattery(s, 50), withBattery(s, 90)),
                    (s, reply) -> withBattery(s, parseBattery(reply))),
            storage("storage.totalBytes", "How much iCloud storage does the plan have (Settings > your name > iCloud)?",
                    StorageStatus::totalBytes, StorageStatus::withTotalBytes),
            storage("storage.usedBytes", "How much of the iCloud storage is used?",
                    StorageStatus::usedBytes, StorageStatus::withUsedBytes),
            storage("storage.nextBackupBytes", "How big is the next backup (iCloud > Manage Storage > Backups > this iPhone)?",
                    StorageStatus::nextBackupBytes, StorageStatus::withNextBackupBytes),
            new Field("service.icloudBackup", "What does Apple's System Status page (apple.com/support/systemstatus) show for iCloud Backup?",
                    Question.Type.CHOICE, List.of("available", "outage"),
                    s -> s.service().icloudBackup() == ServiceState.UNKNOWN,
                    s -> List.of(s.with(new ServiceStatus(ServiceState.AVAILABLE)), s.with(new ServiceStatus(ServiceState.OUTAGE))),
                    (s, reply) -> s.with(new ServiceStatus(parseService(reply)))),
            yesNo("icloud.emailVerified", "Has the Apple Account's email address been verified?",
                    s -> s.icloud().emailVerified(),
                    (s, v) -> s.with(s.icloud().withEmailVerified(v))),
            yesNo("icloud.twoFactor", "Does the Apple Account use two-factor authentication?",
                    s -> s.icloud().twoFactor(),
                    (s, v) -> s.with(s.icloud().withTwoFactor(v))),
            yesNo("icloud.signedIn", "Is the iPhone signed in to iCloud (your name shows at the top of Settings)?",
                    s -> s.icloud().signedIn(),
                    (s, v) -> s.with(s.icloud().withSignedIn(v))),
            yesNo("icloud.verificationRequired", "Is iCloud asking you to verify your Apple Account?",
                    s -> s.icloud().verificationRequired(),
                    (s, v) -> s.with(s.icloud().withVerificationRequired(v))),
            new Field("device.model", "Which iPhone model is it (Settings > General > About)?", Question.Type.TEXT, List.of(),
                    s -> s.device().model() == null,
                    s -> List.of(withModel(s, "iPhone 15"), withModel(s, "iPhone 8")),
                    (s, reply) -> withModel(s, requireText(reply))),
            versions("device.iosVersion", "Which iOS version is installed (Settings > General > About)?",
                    DeviceInfo::iosVersion, DeviceInfo::withIosVersion),
            versions("device.latestIosVersion", "Which is the newest iOS the iPhone is offered (Settings > General > Software Update)?",
                    DeviceInfo::latestIosVersion, DeviceInfo::withLatestIosVersion),
            yesNo("device.sideloadedApps",
                    "Are there apps on the iPhone from outside the App Store (TrollStore, AltStore, developer or enterprise builds)?",
                    s -> s.device().sideloadedApps(),
                    (s, v) -> s.with(s.device().withSideloadedApps(v))));

    private final Function<DeviceSnapshot, Diagnosis> doctor;

    /** @param doctor diagnoses a what-if snapshot */
    Questions(Function<DeviceSnapshot, Diagnosis> doctor) {
        this.doctor = doctor;
    }

    /** The questions whose answer would change this snapshot's plan, the one that changes it most first. */
    List<Question> rank(DeviceSnapshot snapshot, Diagnosis current) {
        List<Question> questions = new ArrayList<>();
        List<Field> fields = new ArrayList<>(FIELDS);
        for (Action remedy : current.actions()) {
            if (remedy.kind() == Kind.TRY) {
                fields.add(triedField(remedy));
            }
        }
        for (Field field : fields) {
            if (!field.unknown().test(snapshot)) {
                continue;
            }
            List<DeviceSnapshot> alternatives = field.whatIf().apply(snapshot);
            double change = alternatives.stream().mapToDouble(alternative -> distance(current, doctor.apply(alternative)))
                    .average().orElse(0);
            if (change > 0) {
                questions.add(new Question(field.name(), field.text(), field.type(), field.choices(), change, field.apply()));
            }
        }
        // Stable: equally useful questions keep the order of the troubleshooting steps.
        questions.sort(Comparator.comparingDouble(Question::impact).reversed());
        return List.copyOf(questions);
    }

    /** Actions added or removed (by kind and id), plus half a point for each kept action whose instructions change. */
    static double distance(Diagnosis before, Diagnosis after) {
        Set<String> was = new HashSet<>();
        before.actions().forEach(action -> was.add(action.kind() + " " + action.id()));
        Set<String> is = new HashSet<>();
        after.actions().forEach(action -> is.add(action.kind() + " " + action.id()));
        double changed = 0;
        for (String key : was) {
            changed += is.contains(key) ? 0 : 1;
        }
        for (String key : is) {
            changed += was.contains(key) ? 0 : 1;
        }
        for (Action action : before.actions()) {
            Action same = after.action(action.id()).orElse(null);
            if (same != null && same.kind() == action.kind() && !same.instructions().equals(action.instructions())) {
                changed += 0.5;
            }
        }
        return changed;
    }

    private static Field triedField(Action remedy) {
        return new Field("tried:" + remedy.id(), "Have you already tried this without success: " + remedy.title() + "?",
                Question.Type.YES_NO, List.of(),
                s -> !s.tried().contains(remedy.id()),
                s -> List.of(s.withTried(remedy.id())),
                (s, reply) -> parseYesNo(reply) == YES ? s.withTried(remedy.id()) : s);
    }

    private static Field yesNo(String name, String text, Function<DeviceSnapshot, Answer> get,
            BiFunction<DeviceSnapshot, Answer, DeviceSnapshot> set) {
        return new Field(name, text, Question.Type.YES_NO, List.of(),
                s -> get.apply(s) == UNKNOWN,
                s -> List.of(set.apply(s, YES), set.apply(s, NO)),
                (s, reply) -> set.apply(s, parseYesNo(reply)));
    }

    /**
     * Storage sizes only matter together, so their what-ifs fill every unknown size at once: one
     * way the backup fits, the other it doesn't.
     */
    private static Field storage(String name, String text, Function<StorageStatus, Long> get,
            BiFunction<StorageStatus, Long, StorageStatus> set) {
        return new Field(name, text, Question.Type.SIZE, List.of(),
                s -> get.apply(s.storage()) == null,
                Questions::storageWhatIfs,
                (s, reply) -> s.with(set.apply(s.storage(), parseSize(reply))));
    }

    private static List<DeviceSnapshot> storageWhatIfs(DeviceSnapshot s) {
        StorageStatus st = s.storage();
        List<DeviceSnapshot> alternatives = new ArrayList<>();
        long total = Objects.requireNonNullElse(st.totalBytes(), Math.max(5 * GB, Objects.requireNonNullElse(st.usedBytes(), 0L)));
        long used = Objects.requireNonNullElse(st.usedBytes(), 0L);
        long fitting = Objects.requireNonNullElse(st.nextBackupBytes(), 0L);
        alternatives.add(s.with(sizes(st, st.totalBytes() == null ? Math.max(total, used + fitting) : total, used, fitting)));
        long fullUsed = Objects.requireNonNullElse(st.usedBytes(), total);
        long tooBig = Objects.requireNonNullElse(st.nextBackupBytes(), total - Math.min(fullUsed, total) + 1);
        alternatives.add(s.with(sizes(st, total, Math.min(fullUsed, total), tooBig)));
        return alternatives;
    }

    /** The sizes replaced and the backup lists kept; the total goes first so that used never exceeds it on the way. */
    private static StorageStatus sizes(StorageStatus st, long total, long used, long next) {
        return st.withTotalBytes(total).withUsedBytes(used).withNextBackupBytes(next);
    }

    /** Like storage, the two versions only matter together. */
    private static Field versions(String name, String text, Function<DeviceInfo, IosVersion> get,
            BiFunction<DeviceInfo, IosVersion, DeviceInfo> set) {
        return new Field(name, text, Question.Type.VERSION, List.of(),
                s -> get.apply(s.device()) == null,
                s -> {
                    DeviceInfo d = s.device();
                    IosVersion known = d.iosVersion() != null ? d.iosVersion() : d.latestIosVersion();
                    IosVersion newest = known != null ? known : IosVersion.parse("17");
                    IosVersion older = IosVersion.parse("1");
                    return List.of(
                            s.with(d.withIosVersion(orElse(d.iosVersion(), newest))
                                    .withLatestIosVersion(orElse(d.latestIosVersion(), newest))),
                            s.with(d.withIosVersion(orElse(d.iosVersion(), older))
                                    .withLatestIosVersion(orElse(d.latestIosVersion(), IosVersion.parse("999")))));
                },
                (s, reply) -> s.with(set.apply(s.device(), parseVersion(reply))));
    }

    private static IosVersion orElse(IosVersion version, IosVersion otherwise) {
        return version != null ? version : otherwise;
    }

    private static DeviceSnapshot withBars(DeviceSnapshot s, int bars) {
        return s.with(s.wifi().withSignalBars(bars));
    }

    private static DeviceSnapshot withCable(DeviceSnapshot s, Cable cable) {
        return s.with(s.power().withCable(cable));
    }

    private static DeviceSnapshot withBattery(DeviceSnapshot s, int percent) {
        return s.with(s.power().withBatteryPercent(percent));
    }

    private static DeviceSnapshot withModel(DeviceSnapshot s, String model) {
        return s.with(s.device().withModel(model));
    }

    static Answer parseYesNo(String reply) {
        return switch (reply.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> YES;
            case "no", "n", "false" -> NO;
            default -> throw new IllegalArgumentException("answer yes or no");
        };
    }

    static int parseBars(String reply) {
        return parseWholeNumber(reply, WifiStatus.MAX_SIGNAL_BARS);
    }

    /** A level as the battery icon shows it, with or without the percent sign: "64" or "64 %". */
    static int parseBattery(String reply) {
        return parseWholeNumber(reply.endsWith("%") ? reply.substring(0, reply.length() - 1).strip() : reply, 100);
    }

    private static int parseWholeNumber(String reply, int max) {
        try {
            int number = Integer.parseInt(reply);
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the hint
        }
        throw new IllegalArgumentException("answer a whole number from 0 to " + max);
    }

    static long parseSize(String reply) {
        Matcher size = SIZE.matcher(reply);
        if (size.matches()) {
            Long unit = UNITS.get(size.group(2) == null ? "" : size.group(2).toLowerCase(Locale.ROOT));
            try {
                return new BigDecimal(size.group(1)).multiply(BigDecimal.valueOf(unit)).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("answer a size in whole bytes, such as 5 GB, 750 MB or 1.5 TB");
            }
        }
        throw new IllegalArgumentException("answer a size such as 5 GB, 750 MB or 1.5 TB");
    }

    static IosVersion parseVersion(String reply) {
        try {
            return IosVersion.parse(reply);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("answer a version such as 17.1.2");
        }
    }

    static Cable parseCable(String reply) {
        return switch (reply.toLowerCase(Locale.ROOT)) {
            case "apple" -> Cable.APPLE;
            case "third-party", "third party", "third_party", "other" -> Cable.THIRD_PARTY;
            default -> throw new IllegalArgumentException("answer apple or third-party");
        };
    }

    static ServiceState parseService(String reply) {
        return switch (reply.toLowerCase(Locale.ROOT)) {
            case "available", "green", "ok" -> ServiceState.AVAILABLE;
            case "outage", "down", "red", "yellow" -> ServiceState.OUTAGE;
            default -> throw new IllegalArgumentException("answer available or outage");
        };
    }

    private static String requireText(String reply) {
        if (reply.isBlank()) {
            throw new IllegalArgumentException("answer the model's name, such as iPhone 15 Pro");
        }
        return reply;
    }
}
