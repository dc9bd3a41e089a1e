package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Example;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a device snapshot from JSON (docs/command-line.md describes the fields), strictly: every
 * field is optional and absent or {@code null} means unknown, but a present value must have exactly
 * the right type and range, and an unknown field name anywhere is an error, so that a typo never
 * silently becomes "unknown". Nothing is coerced: {@code "yes"} is not {@code true}, {@code 3.0} is not {@code 3}.
 *
 * <p>Jackson's streaming parser reads the JSON, with the limits below and duplicate field names
 * refused; this class walks its tokens into the fact records as {@link Schema} describes them: each
 * value is checked against its field's kind and range and what is wrong is said in our words, and
 * the records' own constructors check what spans fields (used bytes within the total). The order in
 * which problems are found is that of Jackson's data binding, which read snapshots before: a value
 * is checked where it stands, a missing required field and the record's own checks when the record
 * ends (or as soon as all its fields are given), an unknown field after both. Data binding is not
 * used because setting it up was a fifth of a short command's start-up.
 *
 * <p>Thread-safe and cheap: the records' shapes are read from {@link Schema} once, when the class loads.
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

    /** How much of a value or a field name a message quotes. */
    static final int MAX_SHOWN_VALUE_CHARS = 60;
    private static final Pattern JACKSON_ADVICE = Pattern.compile(", from `[^`]*`|: enable `[^`]*` to allow");
    /** Jackson's words for a limit passed: what, how much, and the limit. */
    private static final Pattern OVER_LIMIT =
            Pattern.compile("^(String value length|Name length|Number value length|Document nesting depth) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Map<Class<?>, Shape> SHAPES = new HashMap<>();
    private static final Shape SNAPSHOT = Shape.of(DeviceSnapshot.class);

    /** A reader with the strict reading and limits above; all readers share one set-up. */
    public SnapshotReader() {
    }

    /**
     * Reads one snapshot; absent sections and fields are unknown.
     *
     * @param json the snapshot as JSON text
     * @return the snapshot
     * @throws InvalidSnapshotException naming the JSON path and the problem
     */
    public DeviceSnapshot read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one snapshot; absent sections and fields are unknown.
     *
     * @param json the snapshot as UTF-8 JSON
     * @return the snapshot
     * @throws InvalidSnapshotException naming the JSON path and the problem
     */
    public DeviceSnapshot read(byte[] json) {
        return read(json, 0, json.length);
    }

    /**
     * Reads {@code length} bytes of UTF-8 JSON starting at {@code offset}, such as one line of a batch buffer.
     *
     * @param json the buffer
     * @param offset where the snapshot starts
     * @param length its length in bytes, at most {@link #MAX_BYTES}
     * @return the snapshot
     * @throws InvalidSnapshotException naming the JSON path and the problem
     */
    public DeviceSnapshot read(byte[] json, int offset, int length) {
        if (length > MAX_BYTES) {
            throw tooLarge(length);
        }
        requireUtf8(json, offset, length);
        return bind(json, offset, length);
    }

    /**
     * Reads the whole stream, which must hold one snapshot; at most {@link #MAX_BYTES} + 1 bytes are
     * read before an oversized input is rejected. The stream is not closed.
     *
     * @param json the stream, positioned at the snapshot
     * @return the snapshot
     * @throws IOException if reading the stream fails
     * @throws InvalidSnapshotException naming the JSON path and the problem
     */
    public DeviceSnapshot read(InputStream json) throws IOException {
        byte[] bytes = json.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidSnapshotException("$", "snapshot is more than " + MAX_BYTES + " bytes, the limit is " + MAX_BYTES);
        }
        return read(bytes);
    }

    /**
     * The error for a snapshot over {@link #MAX_BYTES}; for callers that measure input themselves.
     *
     * @param size the input's size in bytes
     * @return the exception to throw, with path {@code $}
     */
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

    private DeviceSnapshot bind(byte[] json, int offset, int length) {
        try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
            return bind(parser, json, offset, length);
        } catch (IOException e) {
            // Parsing a byte array does no I/O: closing the parser can't fail.
            throw new UncheckedIOException(e);
        }
    }

    private DeviceSnapshot bind(JsonParser parser, byte[] json, int offset, int length) throws IOException {
        boolean afterSnapshot = false;
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidSnapshotException("$", "no JSON found, expected an object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidSnapshotException("$", "the snapshot must be a JSON object, was " + shown(parser));
            }
            DeviceSnapshot snapshot = (DeviceSnapshot) SNAPSHOT.read(parser);
            afterSnapshot = true;
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidSnapshotException("$", "unexpected content after the snapshot at line "
                        + at.getLineNr() + ", column " + at.getColumnNr());
            }
            return snapshot;
        } catch (Problem problem) {
            throw new InvalidSnapshotException(problem.path(), problem.getMessage());
        } catch (StreamConstraintsException tooLarge) {
            // Where the parser stopped is where the oversized string or number, or the too-deep nesting, is;
            // while reading a field name, though, the object still holds the previous field's name.
            JsonStreamContext at = parser.getParsingContext();
            if (tooLarge.getOriginalMessage().startsWith("Name length") && at.inObject()) {
                at = at.getParent();
            }
            throw new InvalidSnapshotException(path(at), overLimit(tooLarge.getOriginalMessage()));
        } catch (StreamReadException read) {
            if (read.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidSnapshotException(path(parser.getParsingContext()), "duplicate field");
            }
            throw MalformedJson.of(read, parser, json, offset, length, afterSnapshot);
        } catch (JacksonException e) {
            throw new InvalidSnapshotException(path(parser.getParsingContext()), firstSentence(e.getOriginalMessage()));
        }
    }

    /**
     * One of the snapshot's records: its fields in component order and its canonical constructor.
     * A missing required field, an unknown field and what the constructor rejects are found in the
     * order data binding found them (see the class comment), so that messages stay as they were.
     */
    private static final class Shape {
        private final Class<?> type;
        private final Schema.Field[] fields;
        private final Constructor<?> constructor;
        private final String knownFields;
        private final String requiredIn;

        private Shape(Class<?> type) {
            this.type = type;
            this.fields = Schema.fieldsOf(type).toArray(Schema.Field[]::new);
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                this.constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            this.knownFields = "unknown field (known fields: " + String.join(", ", Schema.fieldsOf(type).stream().map(Schema.Field::name).toList()) + ")";
            String entry = Schema.entryName(type);
            this.requiredIn = "required in " + (entry.matches("[aeiou].*") ? "an " : "a ") + entry;
        }

        /** The shape of a record and of the records its fields hold, made once. */
        static Shape of(Class<?> type) {
            Shape shape = new Shape(type);
            SHAPES.put(type, shape);
            for (Schema.Field field : shape.fields) {
                if (field.kind() == Schema.Kind.SECTION) {
                    of(field.type());
                } else if (field.kind() == Schema.Kind.ENTRIES) {
                    of(field.elementType());
                }
            }
            return shape;
        }

        private int indexOf(String name) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Reads the record whose START_OBJECT the parser is at, up to and including its END_OBJECT. */
        Object read(JsonParser p) throws IOException {
            Object[] values = new Object[fields.length];
            boolean[] given = new boolean[fields.length];
            int needed = fields.length;
            String unknown = null;
            for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                int index = indexOf(name);
                if (index < 0) {
                    // Read through, as data binding did to keep it for later: a syntax error in it comes first.
                    unknown = unknown == null ? name : unknown;
                    skip(p);
                    continue;
                }
                try {
                    values[index] = value(p, fields[index]);
                } catch (Problem problem) {
                    throw problem.at(name);
                }
                given[index] = true;
                if (--needed == 0) {
                    p.nextToken();
                    Object record = build(values, unknown);
                    // A known field again would be a duplicate, which the parser refuses: any field now is unknown.
                    if (p.currentToken() == JsonToken.FIELD_NAME) {
                        String extra = p.currentName();
                        p.nextToken();
                        throw new Problem(knownFields).at(extra);
                    }
                    return record;
                }
            }
            for (int i = 0; i < fields.length; i++) {
                if (!given[i] && fields[i].required()) {
                    throw new Problem(requiredIn).at(fields[i].name());
                }
            }
            return build(values, unknown);
        }

        private Object build(Object[] values, String unknown) {
            Object record;
            try {
                record = constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException invalid) {
                    // The records check what depends on more than one field; their messages start with the field's name.
                    String message = invalid.getMessage();
                    int space = message.indexOf(' ');
                    if (space > 0 && indexOf(message.substring(0, space)) >= 0) {
                        throw new Problem(message.substring(space + 1)).at(message.substring(0, space));
                    }
                    throw new Problem(message);
                }
                throw new IllegalStateException("the " + type.getSimpleName() + " record refused what its reader accepted", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (unknown != null) {
                throw new Problem(knownFields).at(unknown);
            }
            return record;
        }

        /** What an object was expected to be, before what it was. */
        private String expected() {
            if (type == DeviceSnapshot.class) {
                return "the snapshot must be a JSON object, was ";
            }
            Example example = type.getAnnotation(Example.class);
            return example != null ? "must be an object like " + example.value() + ", was " : "must be an object or null, was ";
        }
    }

    /** Reads the value the parser is at, as its field says: the right JSON type only, within its range. */
    private static Object value(JsonParser p, Schema.Field field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            if (field.required()) {
                throw new Problem(SHAPES.get(field.owner()).requiredIn);
            }
            return null;
        }
        switch (field.kind()) {
            case SECTION -> {
                Shape section = SHAPES.get(field.type());
                if (token != JsonToken.START_OBJECT) {
                    throw new Problem(section.expected() + shown(p));
                }
                return section.read(p);
            }
            case ENTRIES, ACTION_IDS -> {
                return list(p, field);
            }
            case ANSWER -> {
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return Answer.of(token == JsonToken.VALUE_TRUE);
                }
                throw new Problem("must be true, false or null, was " + shown(p));
            }
            case NUMBER -> {
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw new Problem("must be a whole number between " + field.min() + " and " + field.max() + ", was " + shown(p));
                }
                long number = clampedLong(p);
                if (number < field.min() || number > field.max()) {
                    throw new Problem("must be between " + field.min() + " and " + field.max() + ", was " + shown(p));
                }
                return (int) number;
            }
            case BYTES -> {
                // A count out of range is told the bound it crossed; a value of another type, both.
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw new Problem("must be a whole number between 0 and " + field.max() + ", was " + shown(p));
                }
                long number = clampedLong(p);
                if (number < 0) {
                    throw new Problem("must be at least 0, was " + shown(p));
                }
                if (number > field.max()) {
                    throw new Problem("must be at most " + field.max() + ", was " + shown(p));
                }
                return number;
            }
            case TEXT -> {
                if (token == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                throw new Problem("must be a string or null, was " + shown(p));
            }
            case VERSION -> {
                if (token == JsonToken.VALUE_STRING) {
                    try {
                        return IosVersion.parse(p.getText());
                    } catch (IllegalArgumentException notAVersion) {
                        // reported below
                    }
                }
                throw new Problem("not a version like \"17.1.2\", was " + shown(p));
            }
            case CHOICE -> {
                if (token == JsonToken.VALUE_STRING) {
                    for (Object constant : field.type().getEnumConstants()) {
                        if (((Enum<?>) constant).name().equals(p.getText())) {
                            return constant;
                        }
                    }
                }
                throw new Problem("must be one of " + String.join(", ", field.choices()) + ", was " + shown(p));
            }
            default -> throw new IllegalStateException(field.path() + ": no reader for a " + field.kind());
        }
    }

    /** An array of list entries or of action ids, no longer than the field's range allows. */
    private static List<Object> list(JsonParser p, Schema.Field field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new Problem("must be an array or null, was " + shown(p));
        }
        Shape entry = field.kind() == Schema.Kind.ENTRIES ? SHAPES.get(field.elementType()) : null;
        List<Object> list = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            try {
                if (entry == null) {
                    if (token != JsonToken.VALUE_STRING || !DeviceSnapshot.isActionId(p.getText())) {
                        throw new Problem("must be an action id in UPPER_SNAKE_CASE such as \"RESTART_IPHONE\", was " + shown(p));
                    }
                    list.add(p.getText());
                } else {
                    if (token != JsonToken.START_OBJECT) {
                        throw new Problem(entry.expected() + shown(p));
                    }
                    list.add(entry.read(p));
                }
            } catch (Problem problem) {
                throw problem.at(list.size());
            }
        }
        if (list.size() > field.max()) {
            throw new Problem("too many " + Schema.entryName(field.elementType()) + "s: " + list.size() + ", the limit is " + field.max());
        }
        return list;
    }

    /** The integer at the parser, or the nearest {@code long} when it lies beyond: out of every field's range either way. */
    private static long clampedLong(JsonParser p) throws IOException {
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return p.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * Reads past the value the parser is at. Its strings are decoded, as data binding did when it
     * kept an unknown field for later, so that one over the length limit is refused here too.
     */
    private static void skip(JsonParser p) throws IOException {
        int depth = 0;
        for (JsonToken token = p.currentToken(); ; token = p.nextToken()) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                p.getTextCharacters();
            }
            if (depth == 0) {
                return;
            }
        }
    }

    /** A value this class refused, its message in our words; its path is gathered on the way out. */
    private static final class Problem extends RuntimeException {
        /** The path's steps from the value outwards: field names and list indices. */
        private final List<Object> steps = new ArrayList<>();

        Problem(String problem) {
            super(problem, null, false, false);
        }

        Problem at(Object step) {
            steps.add(step);
            return this;
        }

        String path() {
            String path = "$";
            for (int i = steps.size() - 1; i >= 0; i--) {
                path = steps.get(i) instanceof Integer index ? index(path, index) : field(path, (String) steps.get(i));
            }
            return path;
        }
    }

    /**
     * Which limit the input went past, in our words: Jackson's ("String value length (65537) exceeds the
     * maximum allowed (65536, from `StreamReadConstraints.getMaxStringLength()`)") names its own settings.
     */
    private static String overLimit(String jackson) {
        Matcher over = OVER_LIMIT.matcher(jackson);
        if (!over.find()) {
            return "too large";
        }
        String what = switch (over.group(1)) {
            case "String value length" -> "string too long: %s characters";
            case "Name length" -> "field name too long: %s characters";
            case "Number value length" -> "number too long: %s characters";
            default -> "nested too deep: %s levels";
        };
        return String.format(what, over.group(2)) + ", the limit is " + over.group(3);
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

    private static String field(String parent, String name) {
        if (name.length() > MAX_SHOWN_VALUE_CHARS) {
            // An unknown field's name is input: a 64 KiB name must not make a 64 KiB message.
            return parent + "[" + quoted(name.substring(0, MAX_SHOWN_VALUE_CHARS)) + "...]";
        }
        return IDENTIFIER.matcher(name).matches()
                ? parent + "." + name
                : parent + "[" + quoted(name) + "]";
    }

    private static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The value at the parser, as it appeared in the JSON, shortened; containers by kind, since their text may be long. */
    static String shown(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        String text = switch (token) {
            case START_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> quoted(parser.getText());
            // As written: read as a double, 1e400 would show as Infinity.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> token.asString() == null ? token.name() : token.asString();
        };
        return text.length() <= MAX_SHOWN_VALUE_CHARS ? text : text.substring(0, MAX_SHOWN_VALUE_CHARS) + "...";
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
