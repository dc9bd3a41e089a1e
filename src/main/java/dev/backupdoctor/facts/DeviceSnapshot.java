package dev.backupdoctor.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one iPhone when its backup fails. Every part may be unknown; a part that
 * is {@code null} is taken as entirely unknown. Build one in code with {@link #unknown()} and the
 * {@code with} methods, or read one from JSON.
 */
public record DeviceSnapshot(
        DeviceInfo device,
        ICloudSettings icloud,
        Restrictions restrictions,
        WifiStatus wifi,
        PowerState power,
        StorageStatus storage,
        ServiceStatus service,
        List<String> tried) {

    private static final DeviceSnapshot UNKNOWN = new DeviceSnapshot(null, null, null, null, null, null, null, null);

    public DeviceSnapshot {
        device = Objects.requireNonNullElse(device, DeviceInfo.UNKNOWN);
        icloud = Objects.requireNonNullElse(icloud, ICloudSettings.UNKNOWN);
        restrictions = Objects.requireNonNullElse(restrictions, Restrictions.UNKNOWN);
        wifi = Objects.requireNonNullElse(wifi, WifiStatus.UNKNOWN);
        power = Objects.requireNonNullElse(power, PowerState.UNKNOWN);
        storage = Objects.requireNonNullElse(storage, StorageStatus.UNKNOWN);
        service = Objects.requireNonNullElse(service, ServiceStatus.UNKNOWN);
        tried = tried == null ? List.of() : List.copyOf(tried);
        for (String id : tried) {
            if (!isActionId(id)) {
                throw new IllegalArgumentException("tried: action ids are UPPER_SNAKE_CASE, was \"" + id + "\"");
            }
        }
    }

    /** A snapshot that knows nothing; diagnosing it yields the whole troubleshooting article as a checklist. */
    public static DeviceSnapshot unknown() {
        return UNKNOWN;
    }

    /**
     * Whether {@code id} is UPPER_SNAKE_CASE: {@code [A-Z][A-Z0-9]*(_[A-Z0-9]+)*}. Checked by hand,
     * not by a regex, because every action a rule inserts is checked.
     */
    public static boolean isActionId(String id) {
        if (id == null || id.isEmpty() || id.charAt(0) < 'A' || id.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean wordBreak = c == '_' && i + 1 < id.length() && id.charAt(i + 1) != '_';
            if (!wordBreak && !upperOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean upperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public DeviceSnapshot with(DeviceInfo device) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(ICloudSettings icloud) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(Restrictions restrictions) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(WifiStatus wifi) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(PowerState power) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(StorageStatus storage) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    public DeviceSnapshot with(ServiceStatus service) {
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /** The same snapshot with these action ids added to what was already tried. */
    public DeviceSnapshot withTried(String... actionIds) {
        List<String> all = new ArrayList<>(tried);
        all.addAll(List.of(actionIds));
        return new DeviceSnapshot(device, icloud, restrictions, wifi, power, storage, service, all);
    }

    /** The facts the rules reason over: one per part, and one {@link TriedAction} per tried id. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(7 + tried.size());
        facts.add(device);
        facts.add(icloud);
        facts.add(restrictions);
        facts.add(wifi);
        facts.add(power);
        facts.add(storage);
        facts.add(service);
        for (String id : tried) {
            facts.add(new TriedAction(id));
        }
        return facts;
    }
}
