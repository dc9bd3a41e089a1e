package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Example;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot's JSON Schema (draft 2020-12), written from {@link Schema}, the description the
 * reader binds and checks against: the same fields, kinds, ranges, choices and list limits, so that
 * a new field or a changed range reaches the schema without anyone restating it. What JSON Schema
 * cannot say (an integer written as {@code 3.0} is refused, {@code usedBytes} at most
 * {@code totalBytes}) is said in a description.
 */
final class SnapshotJsonSchema {

    /** {@link dev.backupdoctor.facts.IosVersion#parse}'s rule: dot-separated ASCII digits. */
    static final String VERSION_PATTERN = "^[0-9]+(\\.[0-9]+)*$";
    /** {@link DeviceSnapshot#isActionId}'s rule: UPPER_SNAKE_CASE. */
    static final String ACTION_ID_PATTERN = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper EXAMPLES = new ObjectMapper();

    private SnapshotJsonSchema() {
    }

    /** A fresh copy of the whole snapshot's schema, self-contained (no {@code $ref}). */
    static ObjectNode snapshot() {
        ObjectNode schema = record(DeviceSnapshot.class, false);
        schema.put("title", "Snapshot");
        schema.put("description", "What is known about one iPhone whose iCloud backup fails. Every section and field is"
                + " optional: absent or null means unknown, never false. Unknown field names are refused. At most "
                + SnapshotReader.MAX_BYTES + " bytes of UTF-8.");
        return schema;
    }

    private static ObjectNode record(Class<?> record, boolean nullable) {
        ObjectNode schema = NODES.objectNode();
        schema.set("type", nullable ? types("object", "null") : NODES.textNode("object"));
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Schema.Field field : Schema.fieldsOf(record)) {
            properties.set(field.name(), field(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        if (record == StorageStatus.class) {
            schema.put("description", "usedBytes may not exceed totalBytes.");
        }
        return schema;
    }

    private static ObjectNode field(Schema.Field field) {
        boolean nullable = !field.required();
        ObjectNode schema = switch (field.kind()) {
            case SECTION -> record(field.type(), nullable);
            case ANSWER -> typed("boolean", nullable);
            case NUMBER, BYTES -> {
                ObjectNode number = typed("integer", nullable);
                number.put("minimum", field.min());
                number.put("maximum", field.max());
                yield number;
            }
            case TEXT -> {
                ObjectNode text = typed("string", nullable);
                text.put("maxLength", field.owner() == DeviceSnapshot.class && field.name().equals("id")
                        ? DeviceSnapshot.MAX_ID_CODE_POINTS : SnapshotReader.MAX_STRING_CHARS);
                yield text;
            }
            case VERSION -> {
                ObjectNode version = typed("string", nullable);
                version.put("pattern", VERSION_PATTERN);
                version.put("maxLength", SnapshotReader.MAX_STRING_CHARS);
                version.putArray("examples").add("17.1.2");
                yield version;
            }
            case CHOICE -> {
                ObjectNode choice = typed("string", nullable);
                ArrayNode choices = choice.putArray("enum");
                field.choices().forEach(choices::add);
                if (nullable) {
                    choices.addNull();
                }
                yield choice;
            }
            case ENTRIES -> {
                ObjectNode list = typed("array", nullable);
                list.put("maxItems", field.max());
                ObjectNode entry = record(field.elementType(), false);
                Example example = field.elementType().getAnnotation(Example.class);
                if (example != null) {
                    entry.putArray("examples").add(parsed(example.value()));
                }
                list.set("items", entry);
                yield list;
            }
            case ACTION_IDS -> {
                ObjectNode list = typed("array", nullable);
                ObjectNode id = list.putObject("items");
                id.put("type", "string");
                id.put("pattern", ACTION_ID_PATTERN);
                yield list;
            }
        };
        String description = description(field);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    /** The question {@code consult} asks about the field, and what JSON Schema's "integer" does not say. */
    private static String description(Schema.Field field) {
        List<String> sentences = new ArrayList<>();
        if (field.ask() != null) {
            sentences.add(field.ask().value());
            if (field.kind() == Schema.Kind.ANSWER) {
                // The question may ask the opposite of what the field says: "restricted?" for backupAllowed.
                sentences.add(field.ask().opposite() ? "true: no, false: yes." : "true: yes, false: no.");
            }
        }
        if (field.kind() == Schema.Kind.NUMBER || field.kind() == Schema.Kind.BYTES) {
            sentences.add("A JSON integer, written without fraction or exponent.");
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    private static ObjectNode typed(String type, boolean nullable) {
        ObjectNode schema = NODES.objectNode();
        schema.set("type", nullable ? types(type, "null") : NODES.textNode(type));
        return schema;
    }

    private static ArrayNode types(String type, String other) {
        return NODES.arrayNode().add(type).add(other);
    }

    private static ObjectNode parsed(String json) {
        try {
            return (ObjectNode) EXAMPLES.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an @Example is not JSON: " + json, e);
        }
    }
}
