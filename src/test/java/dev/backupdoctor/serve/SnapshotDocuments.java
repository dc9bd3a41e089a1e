package dev.backupdoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.schema.Schema;
import java.util.List;
import java.util.Random;

/**
 * Random snapshot documents, written field by field from {@link Schema}: each field absent, null, a
 * valid value or, now and then, an invalid one (out of range, of another type, an unknown field, an
 * incomplete list entry), so that about half the documents are valid.
 */
final class SnapshotDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double INVALID = 0.02;
    private static final List<String> TEXTS = List.of("", "iPhone 8", "Émilie's iPhone 😀", "a\"quote\\and\nbreak");
    private static final List<String> VERSIONS = List.of("17", "17.1.2", "007.01", "0.0.0.1");
    private static final List<String> NOT_VERSIONS = List.of("17.", ".1", "1..2", "seventeen", "", "17 .1");
    private static final List<String> ACTION_IDS = List.of("RESTART_IPHONE", "SOME_EXTENSION", "A1_B2");
    private static final List<String> NOT_ACTION_IDS = List.of("restart", "RESTART__IPHONE", "_A", "A_", "");

    private SnapshotDocuments() {
    }

    static ObjectNode document(Random random) {
        return record(random, DeviceSnapshot.class);
    }

    private static ObjectNode record(Random random, Class<?> record) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : Schema.fieldsOf(record)) {
            boolean invalid = random.nextDouble() < INVALID;
            if (invalid) {
                object.set(field.name(), invalid(random, field));
            } else if (field.required() || random.nextInt(3) > 0) {
                object.set(field.name(), field.required() || random.nextInt(6) > 0 ? valid(random, field) : NODES.nullNode());
            }
        }
        if (random.nextDouble() < INVALID) {
            object.put("unknownField", 1);
        }
        keepUsedWithinTotal(object);
        return object;
    }

    /** The reader's one rule across fields, which JSON Schema can't say: swap the two when used is the larger. */
    private static void keepUsedWithinTotal(ObjectNode object) {
        JsonNode total = object.get("totalBytes");
        JsonNode used = object.get("usedBytes");
        if (total != null && used != null && total.isIntegralNumber() && used.isIntegralNumber()
                && used.asLong() > total.asLong()) {
            object.set("totalBytes", used);
            object.set("usedBytes", total);
        }
    }

    private static JsonNode valid(Random random, Schema.Field field) {
        return switch (field.kind()) {
            case SECTION -> record(random, field.type());
            case ANSWER -> NODES.booleanNode(random.nextBoolean());
            case NUMBER, BYTES -> NODES.numberNode(switch (random.nextInt(4)) {
                case 0 -> field.min();
                case 1 -> field.max();
                default -> field.min() + (long) (random.nextDouble() * Math.min(field.max() - field.min(), 10_000_000_000L));
            });
            case TEXT -> NODES.textNode(field.path().equals("id") && random.nextInt(4) == 0
                    ? "😀".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS) : pick(random, TEXTS));
            case VERSION -> NODES.textNode(pick(random, VERSIONS));
            case CHOICE -> NODES.textNode(pick(random, field.choices()));
            case ENTRIES -> {
                ArrayNode entries = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    entries.add(record(random, field.elementType()));
                }
                yield entries;
            }
            case ACTION_IDS -> {
                ArrayNode ids = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    ids.add(pick(random, ACTION_IDS));
                }
                yield ids;
            }
        };
    }

    private static JsonNode invalid(Random random, Schema.Field field) {
        if (field.required() && random.nextBoolean()) {
            return NODES.nullNode();
        }
        return switch (field.kind()) {
            case SECTION -> random.nextBoolean() ? NODES.arrayNode() : NODES.textNode("x");
            case ANSWER -> random.nextBoolean() ? NODES.textNode("yes") : NODES.numberNode(1);
            case NUMBER -> pick(random, List.of(NODES.numberNode(field.min() - 1), NODES.numberNode(field.max() + 1),
                    NODES.numberNode(1.5), NODES.textNode("1")));
            case BYTES -> pick(random, List.of(NODES.numberNode(-1), NODES.numberNode(StorageStatus.MAX_BYTES + 1),
                    NODES.numberNode(2.5), NODES.textNode("5")));
            case TEXT -> field.path().equals("id") && random.nextBoolean()
                    ? NODES.textNode("x".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS + 1)) : NODES.numberNode(8);
            case VERSION -> random.nextInt(4) == 0 ? NODES.numberNode(17) : NODES.textNode(pick(random, NOT_VERSIONS));
            case CHOICE -> random.nextBoolean() ? NODES.textNode(field.choices().get(0).toLowerCase()) : NODES.numberNode(0);
            case ENTRIES -> {
                ArrayNode entries = NODES.arrayNode();
                ObjectNode entry = record(random, field.elementType());
                entry.remove(Schema.fieldsOf(field.elementType()).get(random.nextInt(2)).name());
                entries.add(random.nextBoolean() ? entry : NODES.nullNode());
                yield random.nextInt(4) == 0 ? NODES.textNode("x") : entries;
            }
            case ACTION_IDS -> {
                ArrayNode ids = NODES.arrayNode();
                ids.add(random.nextInt(4) == 0 ? NODES.nullNode() : NODES.textNode(pick(random, NOT_ACTION_IDS)));
                yield random.nextInt(4) == 0 ? NODES.textNode("RESTART_IPHONE") : ids;
            }
        };
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
