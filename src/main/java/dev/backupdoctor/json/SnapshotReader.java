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
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Example;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.Schema;
import dev.backupdoctor.facts.StorageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a device snapshot from JSON (docs/command-line.md describes the fields), strictly: every
 * field is optional and absent or {@code null} means unknown, but a present value must have exactly
 * the right type and range, and an unknown field name anywhere is an error, so that a typo never
 * silently becomes "unknown". Nothing is coerced: {@code "yes"} is not {@code true}, {@code 3.0} is not {@code 3}.
 *
 * <p>Jackson binds the JSON straight to the fact records, as {@link Schema} describes them: the
 * structure, unknown and duplicate fields, nulls and lists are its binding's; each value is read by
 * one deserializer that checks it against its field's kind and range and says what is wrong in
 * our words; the records' own constructors check what spans fields (used bytes within the total).
 * Whatever Jackson throws is translated here to {@code $.path: problem}, the path from the exception.
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

    /** How much of a value or a field name a message quotes. */
    static final int MAX_SHOWN_VALUE_CHARS = 60;
    private static final Pattern JACKSON_ADVICE = Pattern.compile(", from `[^`]*`|: enable `[^`]*` to allow");
    /** Jackson's words for a limit passed: what, how much, and the limit. */
    private static final Pattern OVER_LIMIT =
            Pattern.compile("^(String value length|Name length|Number value length|Document nesting depth) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ObjectMapper mapper;
    private final ObjectReader snapshotReader;

    /**
     * A reader with the strict binding and limits above. Building one sets up Jackson, so build it
     * once and share it; reading is thread-safe.
     */
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
        mapper = JsonMapper.builder(factory)
                .addModule(schemaModule())
                // Strict: nothing is coerced, nothing unknown is skipped, and no type comes from the input.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .build();
        snapshotReader = mapper.readerFor(DeviceSnapshot.class);
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
        try (JsonParser parser = mapper.createParser(json, offset, length)) {
            return bind(parser, json, offset, length);
        } catch (IOException e) {
            // Parsing a byte array does no I/O: closing the parser can't fail.
            throw new UncheckedIOException(e);
        }
    }

    private DeviceSnapshot bind(JsonParser parser, byte[] json, int offset, int length) throws IOException {
        boolean afterSnapshot = false;
        try {
            if (parser.nextToken() == null) {
                throw new InvalidSnapshotException("$", "no JSON found, expected an object");
            }
            DeviceSnapshot snapshot = snapshotReader.readValue(parser);
            afterSnapshot = true;
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidSnapshotException("$", "unexpected content after the snapshot at line "
                        + at.getLineNr() + ", column " + at.getColumnNr());
            }
            return snapshot;
        } catch (JacksonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StreamReadException read && !(cause instanceof StreamConstraintsException)
                        && !read.getOriginalMessage().startsWith("Duplicate field")) {
                    throw MalformedJson.of(read, parser, json, offset, length, afterSnapshot);
                }
            }
            throw translated(e, parser);
        }
    }

    /** Jackson's exception as {@code path: problem}; a parse error wrapped in a binding error is the parse error. */
    private static InvalidSnapshotException translated(JacksonException e, JsonParser parser) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException tooLarge) {
                // Where the parser stopped is where the oversized string or number, or the too-deep nesting, is;
                // while reading a field name, though, the object still holds the previous field's name.
                JsonStreamContext at = parser.getParsingContext();
                if (tooLarge.getOriginalMessage().startsWith("Name length") && at.inObject()) {
                    at = at.getParent();
                }
                return new InvalidSnapshotException(path(at), overLimit(tooLarge.getOriginalMessage()));
            }
            if (cause instanceof StreamReadException read && read.getOriginalMessage().startsWith("Duplicate field")) {
                return new InvalidSnapshotException(path(parser.getParsingContext()), "duplicate field");
            }
        }
        if (!(e instanceof JsonMappingException binding)) {
            return new InvalidSnapshotException(path(parser.getParsingContext()), firstSentence(e.getOriginalMessage()));
        }
        String path = path(binding.getPath());
        if (binding instanceof Problem) {
            return new InvalidSnapshotException(path, binding.getOriginalMessage());
        }
        if (binding instanceof UnrecognizedPropertyException unknown) {
            return new InvalidSnapshotException(path, "unknown field (known fields: " + String.join(", ",
                    Schema.fieldsOf(unknown.getReferringClass()).stream().map(Schema.Field::name).toList()) + ")");
        }
        if (binding instanceof ValueInstantiationException invalid && invalid.getCause() instanceof IllegalArgumentException cause) {
            // The records check what depends on more than one field; their messages start with the field's name.
            String message = cause.getMessage();
            int space = message.indexOf(' ');
            if (space > 0 && Schema.field(invalid.getType().getRawClass(), message.substring(0, space)).isPresent()) {
                return new InvalidSnapshotException(field(path, message.substring(0, space)), message.substring(space + 1));
            }
            return new InvalidSnapshotException(path, message);
        }
        return new InvalidSnapshotException(path, firstSentence(binding.getOriginalMessage()));
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

    private static String path(List<JsonMappingException.Reference> references) {
        String path = "$";
        for (JsonMappingException.Reference reference : references) {
            path = reference.getFieldName() != null ? field(path, reference.getFieldName()) : index(path, Math.max(0, reference.getIndex()));
        }
        return path;
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
            return parent + "[" + TextNode.valueOf(name.substring(0, MAX_SHOWN_VALUE_CHARS)) + "...]";
        }
        return IDENTIFIER.matcher(name).matches()
                ? parent + "." + name
                : parent + "[" + TextNode.valueOf(name) + "]";
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
            case VALUE_STRING -> TextNode.valueOf(parser.getText()).toString();
            // As written: read as a double, 1e400 would show as Infinity.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> token.asString() == null ? token.name() : token.asString();
        };
        return text.length() <= MAX_SHOWN_VALUE_CHARS ? text : text.substring(0, MAX_SHOWN_VALUE_CHARS) + "...";
    }

    /** A problem our deserializers found, its message already in our words. */
    private static final class Problem extends MismatchedInputException {
        Problem(JsonParser parser, String problem) {
            super(parser, problem, (Class<?>) null);
        }
    }

    private static Schema.Field fieldOf(BeanProperty property) {
        if (property == null || property.getMember() == null) {
            return null;
        }
        return Schema.field(property.getMember().getDeclaringClass(), property.getName()).orElse(null);
    }

    /**
     * Reads one value of a snapshot field strictly, as its {@link Schema.Field} says: the right JSON type
     * only, within its range; null and absent are unknown, except in a required field.
     */
    private static final class FieldValue extends StdDeserializer<Object> implements ContextualDeserializer {
        private final transient Schema.Field field;

        FieldValue(Class<?> type, Schema.Field field) {
            super(type);
            this.field = field;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Schema.Field contextual = fieldOf(property);
            return contextual == null || contextual == field ? this : new FieldValue(handledType(), contextual);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (field == null) {
                throw new Problem(p, "not part of a snapshot");
            }
            JsonToken token = p.currentToken();
            switch (field.kind()) {
                case ANSWER -> {
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        return Answer.of(token == JsonToken.VALUE_TRUE);
                    }
                    throw new Problem(p, "must be true, false or null, was " + shown(p));
                }
                case NUMBER -> {
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        throw new Problem(p, "must be a whole number between " + field.min() + " and " + field.max() + ", was " + shown(p));
                    }
                    long number = clampedLong(p);
                    if (number < field.min() || number > field.max()) {
                        throw new Problem(p, "must be between " + field.min() + " and " + field.max() + ", was " + shown(p));
                    }
                    return (int) number;
                }
                case BYTES -> {
                    // A count out of range is told the bound it crossed; a value of another type, both.
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        throw new Problem(p, "must be a whole number between 0 and " + field.max() + ", was " + shown(p));
                    }
                    long number = clampedLong(p);
                    if (number < 0) {
                        throw new Problem(p, "must be at least 0, was " + shown(p));
                    }
                    if (number > field.max()) {
                        throw new Problem(p, "must be at most " + field.max() + ", was " + shown(p));
                    }
                    return number;
                }
                case TEXT -> {
                    if (token == JsonToken.VALUE_STRING) {
                        return p.getText();
                    }
                    throw new Problem(p, "must be a string or null, was " + shown(p));
                }
                case VERSION -> {
                    if (token == JsonToken.VALUE_STRING) {
                        try {
                            return IosVersion.parse(p.getText());
                        } catch (IllegalArgumentException notAVersion) {
                            // reported below, with the path
                        }
                    }
                    throw new Problem(p, "not a version like \"17.1.2\", was " + shown(p));
                }
                case CHOICE -> {
                    if (token == JsonToken.VALUE_STRING) {
                        for (Object constant : field.type().getEnumConstants()) {
                            if (((Enum<?>) constant).name().equals(p.getText())) {
                                return constant;
                            }
                        }
                    }
                    throw new Problem(p, "must be one of " + String.join(", ", field.choices()) + ", was " + shown(p));
                }
                case ACTION_IDS -> {
                    if (token == JsonToken.VALUE_STRING && DeviceSnapshot.isActionId(p.getText())) {
                        return p.getText();
                    }
                    throw notAnActionId(p);
                }
                default -> throw new Problem(p, "unexpected " + shown(p));
            }
        }

        /** The integer at the parser, or the nearest {@code long} when it lies beyond: out of every field's range either way. */
        private static long clampedLong(JsonParser p) throws IOException {
            if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return p.getLongValue();
            }
            return p.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }

        private static Problem notAnActionId(JsonParser p) throws IOException {
            return new Problem(p, "must be an action id in UPPER_SNAKE_CASE such as \"RESTART_IPHONE\", was " + shown(p));
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (field != null && field.kind() == Schema.Kind.ACTION_IDS) {
                throw new Problem(ctxt.getParser(), "must be an action id in UPPER_SNAKE_CASE such as \"RESTART_IPHONE\", was null");
            }
            return getAbsentValue(ctxt);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            if (field != null && field.required()) {
                String entry = Schema.entryName(field.owner());
                throw new Problem(ctxt.getParser(), "required in " + (entry.matches("[aeiou].*") ? "an " : "a ") + entry);
            }
            return null;
        }
    }

    /** A record of the snapshot: an object, or null for unknown; a list entry and the snapshot itself may not be null. */
    private static final class RecordValue extends DelegatingDeserializer {
        private final Class<?> type;

        RecordValue(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new RecordValue(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new Problem(p, expected() + shown(p));
            }
            return super.deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (type == DeviceSnapshot.class || type.isAnnotationPresent(Example.class)) {
                throw new Problem(ctxt.getParser(), expected() + "null");
            }
            return null;
        }

        private String expected() {
            if (type == DeviceSnapshot.class) {
                return "the snapshot must be a JSON object, was ";
            }
            Example example = type.getAnnotation(Example.class);
            return example != null ? "must be an object like " + example.value() + ", was " : "must be an object or null, was ";
        }
    }

    /** A list of the snapshot: an array, or null for unknown, no longer than its field's range allows. */
    private static final class ListValue extends DelegatingDeserializer {
        private final transient Schema.Field field;

        ListValue(JsonDeserializer<?> delegate, Schema.Field field) {
            super(delegate);
            this.field = field;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ListValue(newDelegatee, field);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            ListValue contextual = (ListValue) super.createContextual(ctxt, property);
            return new ListValue(contextual._delegatee, fieldOf(property));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new Problem(p, "must be an array or null, was " + shown(p));
            }
            List<?> list = (List<?>) super.deserialize(p, ctxt);
            if (field != null && list.size() > field.max()) {
                String many = Schema.entryName(field.elementType()) + "s";
                throw new Problem(p, "too many " + many + ": " + list.size() + ", the limit is " + field.max());
            }
            return list;
        }
    }

    private static SimpleModule schemaModule() {
        SimpleModule module = new SimpleModule("snapshot-schema");
        for (Class<?> type : List.of(Answer.class, Integer.class, Long.class, long.class, String.class, IosVersion.class)) {
            addValue(module, type);
        }
        for (Schema.Field field : Schema.fieldsOf(DeviceSnapshot.class)) {
            if (field.kind() == Schema.Kind.SECTION) {
                Schema.fieldsOf(field.type()).stream().filter(f -> f.kind() == Schema.Kind.CHOICE).forEach(f -> addValue(module, f.type()));
            }
        }
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return Schema.describes(type) ? new RecordValue(deserializer, type) : deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ListValue(deserializer, null);
            }
        });
        return module;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addValue(SimpleModule module, Class<?> type) {
        module.addDeserializer((Class) type, new FieldValue(type, null));
    }
}
