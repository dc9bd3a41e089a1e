package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Answer;
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
import dev.backupdoctor.facts.Sizes;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads a device snapshot from JSON (docs/command-line.md describes the fields), strictly: every
 * field is optional and absent or {@code null} means unknown, but a present value must have exactly
 * the right type and range, and an unknown field name anywhere is an error, so that a typo never
 * silently becomes "unknown". Nothing is coerced: {@code "yes"} is not {@code true}, {@code 3.0} is not {@code 3}.
 *
 * <p>Thread-safe and cheap to share.
 */
public final class SnapshotReader {

    // The limits bound the memory and time one snapshot can cost; each is far beyond any real snapshot.
    // SECURITY.md and docs/command-line.md list them, and a test keeps those lists in step with these.

    /** The largest snapshot accepted, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1 << 20;
    /** The deepest nesting of objects and arrays; a valid snapshot needs 4. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** The longest string or field name, in characters. */
    public static final int MAX_STRING_CHARS = 64 * 1024;
    /** The longest number, in characters; a byte count needs at most 16. */
    public static final int MAX_NUMBER_CHARS = 64;
    /**
     * The most app backups in {@code storage.appBackups}. Each one the plan deletes becomes an
     * instruction, so without a cap a 1 MiB snapshot could turn into a plan many times its size.
     */
    public static final int MAX_APP_BACKUPS = StorageStatus.MAX_BACKUPS;
    /** The most other devices' backups in {@code storage.otherDeviceBackups}, capped for the same reason. */
    public static final int MAX_DEVICE_BACKUPS = StorageStatus.MAX_BACKUPS;

    private static final int MAX_SHOWN_VALUE_CHARS = 60;
    private static final Pattern JACKSON_ADVICE = Pattern.compile(", from `[^`]*`|: enable `[^`]*` to allow");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Entries APP_BACKUPS = new Entries("appBackups", "app", "an app backup", "app backups",
            "{\"app\": \"WhatsApp\", \"bytes\": 900000000}", MAX_APP_BACKUPS);
    private static final Entries DEVICE_BACKUPS = new Entries("otherDeviceBackups", "device", "a device backup",
            "device backups", "{\"device\": \"Old iPad\", \"bytes\": 700000000}", MAX_DEVICE_BACKUPS);

    private final ObjectMapper mapper;

    public SnapshotReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_STRING_CHARS)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = JsonMapper.builder(factory).build();
    }

    /** @throws InvalidSnapshotException naming the JSON path and the problem */
    public DeviceSnapshot read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidSnapshotException naming the JSON path and the problem */
    public DeviceSnapshot read(byte[] json) {
        return read(json, 0, json.length);
    }

    /** Reads {@code length} bytes of UTF-8 JSON starting at {@code offset}. */
    public DeviceSnapshot read(byte[] json, int offset, int length) {
        if (length > MAX_BYTES) {
            throw tooLarge(length);
        }
        requireUtf8(json, offset, length);
        return snapshot(parse(json, offset, length));
    }

    /**
     * Reads the whole stream, which must hold one snapshot; at most {@link #MAX_BYTES} + 1 bytes are
     * read before an oversized input is rejected. The stream is not closed.
     */
    public DeviceSnapshot read(InputStream json) throws IOException {
        byte[] bytes = json.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidSnapshotException("$", "snapshot is more than " + MAX_BYTES + " bytes, the limit is " + MAX_BYTES);
        }
        return read(bytes);
    }

    /** The error for a snapshot of {@code size} bytes, over {@link #MAX_BYTES}; for callers that measure input themselves. */
    public static InvalidSnapshotException tooLarge(long size) {
        return new InvalidSnapshotException("$", "snapshot is " + size + " bytes, the limit is " + MAX_BYTES);
    }

    /**
     * Jackson decodes UTF-8 as it goes and, in a field name it has met before in the same input,
     * not at all: {@code "byte\xFFs"} then reads as {@code "bytes"}. So all of it is checked first.
     */
    private static void requireUtf8(byte[] json, int offset, int length) {
        int invalid = firstInvalidUtf8(json, offset, length);
        if (invalid >= 0) {
            throw new InvalidSnapshotException("$", "malformed JSON: invalid UTF-8 at byte " + (invalid + 1));
        }
    }

    /**
     * Where the first byte sequence that is not well-formed UTF-8 starts (overlong forms, surrogates
     * and code points past U+10FFFF are not), counted from {@code offset}; -1 when there is none.
     * By hand rather than with a {@link java.nio.charset.CharsetDecoder}, which needs a buffer of
     * characters for every line of a batch; it reports the same position.
     */
    static int firstInvalidUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            if (continuations == 0 || i + continuations >= end) {
                return i - offset;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean secondInRange = switch (lead) {
                case 0xE0 -> second >= 0xA0 && second <= 0xBF;
                case 0xED -> second >= 0x80 && second <= 0x9F;
                case 0xF0 -> second >= 0x90 && second <= 0xBF;
                case 0xF4 -> second >= 0x80 && second <= 0x8F;
                default -> (second & 0xC0) == 0x80;
            };
            if (!secondInRange) {
                return i - offset;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i - offset;
                }
            }
            i += continuations + 1;
        }
        return -1;
    }

    private JsonNode parse(byte[] json, int offset, int length) {
        try (JsonParser parser = mapper.createParser(json, offset, length)) {
            return parse(parser);
        } catch (IOException e) {
            // Parsing a byte array does no I/O; any other IOException is a parse failure.
            throw new InvalidSnapshotException("$", "malformed JSON: " + firstSentence(e.getMessage()));
        }
    }

    private JsonNode parse(JsonParser parser) throws IOException {
        try {
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new InvalidSnapshotException("$", "no JSON found, expected an object");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidSnapshotException("$", "unexpected content after the snapshot at line "
                        + at.getLineNr() + ", column " + at.getColumnNr());
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Where the parser stopped is where the oversized string or number, or the too-deep nesting, is;
            // while reading a field name, though, the object still holds the previous field's name.
            JsonStreamContext at = parser.getParsingContext();
            if (e.getOriginalMessage().startsWith("Name length") && at.inObject()) {
                at = at.getParent();
            }
            throw new InvalidSnapshotException(path(at), "too large: " + firstSentence(e.getOriginalMessage()));
        } catch (StreamReadException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                return duplicate(e);
            }
            JsonLocation at = e.getLocation();
            throw new InvalidSnapshotException("$", "malformed JSON at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": " + firstSentence(e.getOriginalMessage()));
        }
    }

    private static JsonNode duplicate(StreamReadException e) {
        String path = e.getProcessor() == null ? "$" : path(e.getProcessor().getParsingContext());
        throw new InvalidSnapshotException(path, "duplicate field");
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return index(parent, Math.max(0, context.getCurrentIndex()));
        }
        // No name yet: the parser is at the object itself, whose path is its parent's.
        String name = context.getCurrentName();
        return name == null ? parent : field(parent, name);
    }

    private static String firstSentence(String message) {
        String line = message.lines().findFirst().orElse(message);
        // Jackson appends advice on which parser setting to change; a snapshot's author can't change it.
        return JACKSON_ADVICE.matcher(line).replaceAll("");
    }

    private static DeviceSnapshot snapshot(JsonNode root) {
        Section top = Section.of(root, "$", "device", "icloud", "restrictions", "wifi", "power", "storage", "service", "tried");
        if (top == null) {
            throw new InvalidSnapshotException("$", "the snapshot must be a JSON object, was " + shown(root));
        }
        return new DeviceSnapshot(
                device(top.section("device", "model", "iosVersion", "latestIosVersion", "screenLocked", "sideloadedApps")),
                icloud(top.section("icloud", "signedIn", "backupEnabled", "verificationRequired", "emailVerified",
                        "backupOverCellular", "twoFactor")),
                restrictions(top.section("restrictions", "backupAllowed")),
                wifi(top.section("wifi", "enabled", "connected", "signalBars", "lowDataMode", "filtered")),
                power(top.section("power", "connected", "charging", "cable", "batteryPercent")),
                storage(top.section("storage", "totalBytes", "usedBytes", "nextBackupBytes", "appBackups", "otherDeviceBackups")),
                service(top.section("service", "icloudBackup")),
                tried(top));
    }

    private static DeviceInfo device(Section device) {
        if (device == null) {
            return null;
        }
        return new DeviceInfo(device.string("model"), device.version("iosVersion"),
                device.version("latestIosVersion"), device.answer("screenLocked"), device.answer("sideloadedApps"));
    }

    private static ICloudSettings icloud(Section icloud) {
        if (icloud == null) {
            return null;
        }
        return new ICloudSettings(icloud.answer("signedIn"), icloud.answer("backupEnabled"),
                icloud.answer("verificationRequired"), icloud.answer("emailVerified"), icloud.answer("backupOverCellular"),
                icloud.answer("twoFactor"));
    }

    private static Restrictions restrictions(Section restrictions) {
        return restrictions == null ? null : new Restrictions(restrictions.answer("backupAllowed"));
    }

    private static WifiStatus wifi(Section wifi) {
        if (wifi == null) {
            return null;
        }
        Long bars = wifi.integer("signalBars", 0, WifiStatus.MAX_SIGNAL_BARS);
        return new WifiStatus(wifi.answer("enabled"), wifi.answer("connected"), bars == null ? null : bars.intValue(),
                wifi.answer("lowDataMode"), wifi.answer("filtered"));
    }

    private static PowerState power(Section power) {
        if (power == null) {
            return null;
        }
        Long percent = power.integer("batteryPercent", 0, 100);
        return new PowerState(power.answer("connected"), power.answer("charging"), power.choice("cable", Cable.class),
                percent == null ? null : percent.intValue());
    }

    private static StorageStatus storage(Section storage) {
        if (storage == null) {
            return null;
        }
        Long total = storage.byteCount("totalBytes");
        Long used = storage.byteCount("usedBytes");
        if (total != null && used != null && used > total) {
            throw new InvalidSnapshotException(field(storage.path, "usedBytes"),
                    "must not exceed totalBytes (" + total + "), was " + used);
        }
        Long next = storage.byteCount("nextBackupBytes");
        return new StorageStatus(total, used, next, entries(storage, APP_BACKUPS, AppBackup::new),
                entries(storage, DEVICE_BACKUPS, DeviceBackup::new));
    }

    /** One of the storage section's lists of named byte counts, and how its messages name it. */
    private record Entries(String field, String nameField, String one, String many, String example, int max) {
    }

    private static <T> List<T> entries(Section storage, Entries kind, BiFunction<String, Long, T> entry) {
        JsonNode list = storage.array(kind.field());
        if (list == null) {
            return null;
        }
        String listPath = field(storage.path, kind.field());
        if (list.size() > kind.max()) {
            throw new InvalidSnapshotException(listPath, "too many " + kind.many() + ": " + list.size() + ", the limit is " + kind.max());
        }
        List<T> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = index(listPath, i);
            Section backup = Section.of(list.get(i), path, kind.nameField(), "bytes");
            if (backup == null) {
                throw new InvalidSnapshotException(path, "must be an object like " + kind.example() + ", was " + shown(list.get(i)));
            }
            String name = backup.required(backup.string(kind.nameField()), kind.nameField(), kind.one());
            long bytes = backup.required(backup.byteCount("bytes"), "bytes", kind.one());
            entries.add(entry.apply(name, bytes));
        }
        return entries;
    }

    private static ServiceStatus service(Section service) {
        return service == null ? null : new ServiceStatus(service.choice("icloudBackup", ServiceState.class));
    }

    private static List<String> tried(Section top) {
        JsonNode list = top.array("tried");
        if (list == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i);
            if (!id.isTextual() || !DeviceSnapshot.isActionId(id.textValue())) {
                throw new InvalidSnapshotException(index("$.tried", i),
                        "must be an action id in UPPER_SNAKE_CASE such as \"RESTART_IPHONE\", was " + shown(id));
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    private static String field(String parent, String name) {
        if (name.length() > MAX_SHOWN_VALUE_CHARS) {
            // An unknown field's name is input: a 64 KiB name must not make a 64 KiB message.
            return parent + "[" + TextNode.valueOf(name.substring(0, MAX_SHOWN_VALUE_CHARS)) + "...]";
        }
        return IDENTIFIER.matcher(name).matches()
                ? parent + "." + name
                : parent + "[" + TextNode.valueOf(name) + "]";
    }

    private static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A value as it appeared in the JSON, shortened; containers by kind, since their text may be long. */
    static String shown(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        return text.length() <= MAX_SHOWN_VALUE_CHARS ? text : text.substring(0, MAX_SHOWN_VALUE_CHARS) + "...";
    }

    /** One JSON object of the snapshot, its path, and typed access to its fields. */
    private record Section(JsonNode node, String path) {

        /** The section, {@code null} if the node is not an object; rejects any field not in {@code known}. */
        static Section of(JsonNode node, String path, String... known) {
            if (!node.isObject()) {
                return null;
            }
            List<String> knownFields = Arrays.asList(known);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!knownFields.contains(name)) {
                    throw new InvalidSnapshotException(field(path, name),
                            "unknown field (known fields: " + String.join(", ", known) + ")");
                }
            }
            return new Section(node, path);
        }

        /** The value of a field, or {@code null} when it is absent or JSON null: both mean unknown. */
        private JsonNode value(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private InvalidSnapshotException invalid(String name, String problem) {
            return new InvalidSnapshotException(field(path, name), problem);
        }

        Section section(String name, String... known) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            Section section = of(value, field(path, name), known);
            if (section == null) {
                throw invalid(name, "must be an object or null, was " + shown(value));
            }
            return section;
        }

        JsonNode array(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isArray()) {
                throw invalid(name, "must be an array or null, was " + shown(value));
            }
            return value;
        }

        Answer answer(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isBoolean()) {
                throw invalid(name, "must be true, false or null, was " + shown(value));
            }
            return value == null ? Answer.UNKNOWN : Answer.of(value.booleanValue());
        }

        String string(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isTextual()) {
                throw invalid(name, "must be a string or null, was " + shown(value));
            }
            return value == null ? null : value.textValue();
        }

        IosVersion version(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (value.isTextual()) {
                try {
                    return IosVersion.parse(value.textValue());
                } catch (IllegalArgumentException notAVersion) {
                    // reported below, with the path
                }
            }
            throw invalid(name, "not a version like \"17.1.2\", was " + shown(value));
        }

        Long integer(String name, long min, long max) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw invalid(name, "must be a whole number between " + min + " and " + max + ", was " + shown(value));
            }
            long number = value.longValue();
            if (number < min || number > max) {
                throw invalid(name, "must be between " + min + " and " + max + ", was " + number);
            }
            return number;
        }

        /**
         * A count of bytes, 0 to {@link Sizes#MAX_BYTES}. Only a count past the top is told the
         * 16-digit bound; a wrong type or a negative count is told the bound that matters to it,
         * in the words scripts already match.
         */
        Long byteCount(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw invalid(name, "must be a whole number of at least 0, was " + shown(value));
            }
            long number = value.longValue();
            if (number < 0) {
                throw invalid(name, "must be at least 0, was " + number);
            }
            if (number > Sizes.MAX_BYTES) {
                throw invalid(name, "must be at most " + Sizes.MAX_BYTES + ", was " + number);
            }
            return number;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (value.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(value.textValue())) {
                        return constant;
                    }
                }
            }
            throw invalid(name, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ", was " + shown(value));
        }

        <T> T required(T value, String name, String in) {
            if (value == null) {
                throw invalid(name, "required in " + in);
            }
            return value;
        }
    }
}
