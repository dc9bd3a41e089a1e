package dev.backupdoctor.cli.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One file of Jamf Pro's mobile-device inventory, read record by record: a page of
 * {@code GET /api/v2/mobile-devices/detail} with the GENERAL and HARDWARE sections
 * ({@code {"totalCount": N, "results": [...]}}), or a JSON array of its results. The field names are
 * those of the Jamf Pro API's OpenAPI document, Jamf Pro 11.27.0 (schemas
 * {@code MobileDeviceIosInventory}, {@code MobileDeviceIosGeneral}, {@code MobileDeviceHardware}).
 *
 * <p>Only the fields mapped are kept, each a scalar; everything else is skipped as it streams past,
 * so a record costs the same memory however much else Jamf reports about the device.
 */
final class JamfExport implements Closeable {

    /** The fields mapped, by their path in a result. */
    private static final Set<String> FIELDS = Set.of("deviceType",
            "general.cloudBackupEnabled", "general.lastCloudBackupDate", "general.lastInventoryUpdateDate",
            "general.osVersion", "general.udid",
            "hardware.batteryLevel", "hardware.model", "hardware.modelIdentifier", "hardware.serialNumber");
    private static final Set<String> SECTIONS = Set.of("general", "hardware");

    /** Deeper than any Jamf inventory (its extension attributes nest a few levels); the limit stops hostile input. */
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_CHARS = 64 * 1024;
    static final int MAX_NUMBER_CHARS = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's messages for the limits above, by how they start, as said here. */
    private static final Map<String, String> LIMITS = Map.of(
            "String value length", "a string longer than " + String.format(Locale.ROOT, "%,d", MAX_STRING_CHARS) + " characters",
            "Name length", "a field name longer than " + String.format(Locale.ROOT, "%,d", MAX_STRING_CHARS) + " characters",
            "Document nesting depth", "nesting deeper than " + MAX_NESTING_DEPTH + " levels",
            "Number value length", "a number longer than " + MAX_NUMBER_CHARS + " characters");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final ObjectMapper SCALARS = new ObjectMapper(FACTORY);

    private final String file;
    private final InventorySettings settings;
    private final JsonParser parser;
    private long position;
    private boolean started;
    /** The file is a page, {"totalCount": N, "results": [...]}, not an array of results. */
    private boolean page;
    private boolean ended;

    JamfExport(String file, InputStream in, InventorySettings settings) throws IOException {
        this.file = file;
        this.settings = settings;
        this.parser = FACTORY.createParser(in);
        parser.setCodec(SCALARS);
    }

    /** The next record in the file, or {@code null} after the last; a file that breaks off ends with an unreadable record. */
    InventoryRecord next() {
        if (ended) {
            return null;
        }
        long reading = position + 1;
        try {
            if (!started) {
                started = true;
                String notAnExport = openResults();
                if (notAnExport != null) {
                    ended = true;
                    return unreadable(1, notAnExport);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                ended = true;
                String after = afterResults();
                return after == null ? null : unreadable(reading, after);
            }
            position = reading;
            if (token != JsonToken.START_OBJECT) {
                skip();
                return unreadable(position, "a result must be an object, was " + describe(token));
            }
            return record();
        } catch (JsonProcessingException broken) {
            ended = true;
            return unreadable(reading, problem(broken));
        } catch (IOException failed) {
            ended = true;
            return unreadable(reading, "cannot read: " + UsageException.reason(failed));
        }
    }

    /**
     * Reads the rest of the file after the results: a page's other fields, where a second
     * {@code "results"} is refused (which of the two is the inventory can't be told), and then
     * nothing at all. {@code null}, or what is wrong.
     */
    private String afterResults() throws IOException {
        if (page) {
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                parser.nextToken();
                skip();
            }
        }
        if (parser.nextToken() != null) {
            return "content after the end of the inventory at " + at(parser.currentTokenLocation());
        }
        return null;
    }

    /** What is wrong with the JSON, in words that don't need Jackson's documentation. */
    private String problem(JsonProcessingException broken) {
        String where = " at " + at(broken.getLocation() != null ? broken.getLocation() : parser.currentLocation());
        String message = broken.getOriginalMessage();
        if (message.startsWith("Duplicate field ")) {
            return "duplicate field \"" + Printable.cut(parser.getParsingContext().getCurrentName()) + "\"" + where;
        }
        if (broken instanceof StreamConstraintsException) {
            return LIMITS.entrySet().stream().filter(limit -> message.startsWith(limit.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(message) + where;
        }
        return "not JSON: " + message + where;
    }

    private static String at(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Moves to the first result; {@code null}, or why the file is not an export. */
    private String openResults() throws IOException {
        JsonToken root = parser.nextToken();
        if (root == JsonToken.START_ARRAY) {
            return null;
        }
        page = true;
        if (root != JsonToken.START_OBJECT) {
            return notAnExport(root == null ? "empty" : describe(root));
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("results")) {
                if (value != JsonToken.START_ARRAY) {
                    return "\"results\" must be an array, was " + describe(value);
                }
                return null;
            }
            skip();
        }
        return notAnExport("an object without \"results\"");
    }

    /**
     * Skips the value whose first token was just read. Unlike {@link JsonParser#skipChildren}, takes
     * each string's text: only then does Jackson hold it to the string limit.
     */
    private void skip() throws IOException {
        int depth = 0;
        for (JsonToken token = parser.currentToken(); token != null; token = parser.nextToken()) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                parser.getText();
            }
            if (depth == 0) {
                return;
            }
        }
    }

    private static String notAnExport(String was) {
        return "not a Jamf Pro mobile-device inventory ({\"totalCount\": N, \"results\": [...]} or an array of results): was " + was;
    }

    /** The fields mapped of the result whose START_OBJECT was just read. */
    private InventoryRecord record() throws IOException {
        Map<String, JsonNode> fields = new HashMap<>();
        String problem = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (SECTIONS.contains(name) && value == JsonToken.START_OBJECT) {
                section(name, fields);
            } else if (SECTIONS.contains(name) && value != JsonToken.VALUE_NULL) {
                problem = problem != null ? problem : name + " must be an object, was " + describe(value);
                skip();
            } else {
                keep(name, value, fields);
            }
        }
        long at = position;
        if (problem != null) {
            return unreadable(at, problem);
        }
        return new Record(at, fields);
    }

    private void section(String section, Map<String, JsonNode> fields) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            keep(section + "." + name, parser.nextToken(), fields);
        }
    }

    /** Keeps a mapped field's value; a container there is kept empty, to name its type, and skipped. */
    private void keep(String path, JsonToken value, Map<String, JsonNode> fields) throws IOException {
        if (!FIELDS.contains(path)) {
            skip();
        } else if (value == JsonToken.START_OBJECT) {
            fields.put(path, JsonNodeFactory.instance.objectNode());
            skip();
        } else if (value == JsonToken.START_ARRAY) {
            fields.put(path, JsonNodeFactory.instance.arrayNode());
            skip();
        } else {
            fields.put(path, parser.readValueAsTree());
        }
    }

    private InventoryRecord unreadable(long at, String problem) {
        return new UnreadableRecord(where(at), problem);
    }

    private String where(long at) {
        return file + ": record " + at;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One result's mapped fields. */
    private final class Record implements InventoryRecord {

        private final long at;
        private final Map<String, JsonNode> fields;

        Record(long at, Map<String, JsonNode> fields) {
            this.at = at;
            this.fields = fields;
        }

        @Override
        public String where() {
            return JamfExport.this.where(at);
        }

        @Override
        public Outcome map() {
            try {
                return device();
            } catch (InventoryRecord.UnusableRecord e) {
                return new Unreadable(e.getMessage());
            }
        }

        private Outcome device() {
            String deviceType = string("deviceType");
            String identifier = string("hardware.modelIdentifier");
            if (identifier != null && ModelIdentifiers.notAnIphone(identifier)) {
                return new Skipped(identifier);
            }
            if (deviceType != null && !deviceType.equalsIgnoreCase("iOS")) {
                // tvOS, watchOS, visionOS: no iPhone, whatever the model identifier says.
                return new Skipped(identifier != null ? identifier : deviceType);
            }
            String model = string("hardware.model");
            if (model == null && identifier != null) {
                model = ModelIdentifiers.modelName(identifier);
            }
            String id = KnownDevice.firstNonEmpty(string("hardware.serialNumber"), string("general.udid"));
            return new KnownDevice(id, model, string("general.osVersion"), bool("general.cloudBackupEnabled"),
                    instant("general.lastCloudBackupDate"), asOf(), batteryPercent())
                    .device(settings.latestIos(), "hardware.serialNumber or general.udid");
        }

        /** {@code --as-of}, or else the device's last inventory update. */
        private Instant asOf() {
            return settings.asOf() != null ? settings.asOf() : instant("general.lastInventoryUpdateDate");
        }

        /** Jamf reports the battery as a percentage already. */
        private Integer batteryPercent() {
            JsonNode value = fields.get("hardware.batteryLevel");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber() || !value.canConvertToExactIntegral()) {
                throw new InventoryRecord.UnusableRecord("hardware.batteryLevel must be a whole number from 0 to 100, was " + shown(value));
            }
            BigDecimal percent = value.decimalValue();
            if (percent.compareTo(HUNDRED) > 0) {
                throw new InventoryRecord.UnusableRecord("hardware.batteryLevel must be at most 100, was " + shown(value));
            }
            return percent.signum() < 0 ? null : percent.intValueExact();
        }

        private Instant instant(String path) {
            String text = string(path);
            if (text == null) {
                return null;
            }
            try {
                return InventorySettings.parseInstant(text);
            } catch (DateTimeException notADate) {
                throw new InventoryRecord.UnusableRecord(path + " must be a date-time such as \"2024-05-01T02:11:04.307Z\", was \""
                        + Printable.cut(text) + "\"");
            }
        }

        private Boolean bool(String path) {
            JsonNode value = fields.get(path);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                throw new InventoryRecord.UnusableRecord(path + " must be true or false, was " + shown(value));
            }
            return value.booleanValue();
        }

        private String string(String path) {
            JsonNode value = fields.get(path);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw new InventoryRecord.UnusableRecord(path + " must be a string, was " + shown(value));
            }
            return value.textValue();
        }
    }

    private static String shown(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.isTextual() ? "\"" + Printable.cut(value.textValue()) + "\"" : Printable.cut(value.toString());
    }

}
