package dev.backupdoctor.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one iPhone when its backup fails. Every part may be unknown; a part that
 * is {@code null} is taken as entirely unknown. Build one in code with {@link #unknown()} and the
 * {@code with} methods, or read one from JSON.
 *
 * @param id the name the caller gives the device (a serial number, an asset tag), copied into the
 *     plan and read by no rule; {@code null} when there is none
 * @param device the iPhone: model, iOS, lock state, sideloaded apps
 * @param icloud the Apple Account and iCloud Backup settings
 * @param restrictions Screen Time or profile restrictions
 * @param wifi the Wi-Fi connection
 * @param power power and charging
 * @param storage the iCloud storage plan and what is in it
 * @param service Apple's iCloud Backup service
 * @param tried ids of actions already tried without success, which the plan then leaves out
 */
public record DeviceSnapshot(
        String id,
        DeviceInfo device,
        ICloudSettings icloud,
        Restrictions restrictions,
        WifiStatus wifi,
        PowerState power,
        StorageStatus storage,
        ServiceStatus service,
        List<String> tried) {

    /** The longest {@code id}, in Unicode code points: a serial number or a device name fits many times over. */
    public static final int MAX_ID_CODE_POINTS = 200;

    private static final DeviceSnapshot UNKNOWN = new DeviceSnapshot(null, null, null, null, null, null, null, null, null);

    /**
     * Replaces a {@code null} part with its UNKNOWN and checks the id's length and the tried ids.
     *
     * @param id the caller's name for the device, at most {@link #MAX_ID_CODE_POINTS} code points
     *     (empty allowed); {@code null} is none
     * @param device {@code null} is {@link DeviceInfo#UNKNOWN}
     * @param icloud {@code null} is {@link ICloudSettings#UNKNOWN}
     * @param restrictions {@code null} is {@link Restrictions#UNKNOWN}
     * @param wifi {@code null} is {@link WifiStatus#UNKNOWN}
     * @param power {@code null} is {@link PowerState#UNKNOWN}
     * @param storage {@code null} is {@link StorageStatus#UNKNOWN}
     * @param service {@code null} is {@link ServiceStatus#UNKNOWN}
     * @param tried action ids; {@code null} is none
     * @throws IllegalArgumentException if the id is too long, or a tried id is not UPPER_SNAKE_CASE
     *     (see {@link #isActionId})
     */
    public DeviceSnapshot {
        // The length is counted only past the cheap bound: a char is at most one code point.
        if (id != null && id.length() > MAX_ID_CODE_POINTS && id.codePointCount(0, id.length()) > MAX_ID_CODE_POINTS) {
            throw new IllegalArgumentException("id must be at most " + MAX_ID_CODE_POINTS + " Unicode code points long, was "
                    + id.codePointCount(0, id.length()));
        }
        device = Objects.requireNonNullElse(device, DeviceInfo.UNKNOWN);
        icloud = Objects.requireNonNullElse(icloud, ICloudSettings.UNKNOWN);
        restrictions = Objects.requireNonNullElse(restrictions, Restrictions.UNKNOWN);
        wifi = Objects.requireNonNullElse(wifi, WifiStatus.UNKNOWN);
        power = Objects.requireNonNullElse(power, PowerState.UNKNOWN);
        storage = Objects.requireNonNullElse(storage, StorageStatus.UNKNOWN);
        service = Objects.requireNonNullElse(service, ServiceStatus.UNKNOWN);
        tried = tried == null ? List.of() : List.copyOf(tried);
        for (String triedId : tried) {
            if (!isActionId(triedId)) {
                throw new IllegalArgumentException("tried: action ids are UPPER_SNAKE_CASE, was \"" + triedId + "\"");
            }
        }
    }

    /**
     * A snapshot that knows nothing; diagnosing it yields the whole troubleshooting article as a checklist.
     *
     * @return the empty snapshot, shared
     */
    public static DeviceSnapshot unknown() {
        return UNKNOWN;
    }

    /**
     * Whether {@code id} is UPPER_SNAKE_CASE: {@code [A-Z][A-Z0-9]*(_[A-Z0-9]+)*}. Checked by hand,
     * not by a regex, because every action a rule inserts is checked.
     *
     * @param id a would-be action id, may be {@code null}
     * @return {@code true} if it has the form of an action id (it need not be in the catalog)
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

    /**
     * A copy with the caller's name for the device replaced.
     *
     * @param id the new id, at most {@link #MAX_ID_CODE_POINTS} code points; {@code null} is none
     * @return a copy differing in its id
     * @throws IllegalArgumentException if the id is too long
     */
    public DeviceSnapshot withId(String id) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the iPhone replaced.
     *
     * @param device the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(DeviceInfo device) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the account and iCloud settings replaced.
     *
     * @param icloud the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(ICloudSettings icloud) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the restrictions replaced.
     *
     * @param restrictions the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(Restrictions restrictions) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the Wi-Fi replaced.
     *
     * @param wifi the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(WifiStatus wifi) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the power state replaced.
     *
     * @param power the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(PowerState power) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the iCloud storage replaced.
     *
     * @param storage the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(StorageStatus storage) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * A copy with what is known about the Apple's service status replaced.
     *
     * @param service the new part; {@code null} is all unknown
     * @return a copy differing in that part
     */
    public DeviceSnapshot with(ServiceStatus service) {
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, tried);
    }

    /**
     * The same snapshot with these action ids added to what was already tried.
     *
     * @param actionIds ids such as {@code "RESTART_IPHONE"}
     * @return a copy whose plan leaves these actions out
     * @throws IllegalArgumentException if an id is not UPPER_SNAKE_CASE
     */
    public DeviceSnapshot withTried(String... actionIds) {
        List<String> all = new ArrayList<>(tried);
        all.addAll(List.of(actionIds));
        return new DeviceSnapshot(id, device, icloud, restrictions, wifi, power, storage, service, all);
    }
}
