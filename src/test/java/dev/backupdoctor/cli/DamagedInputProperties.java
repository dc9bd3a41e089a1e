package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.SnapshotReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Valid snapshot JSON always gives a plan that keeps the plan's invariants; the same JSON with
 * one random piece of damage always gives exit status 2 and one message naming a JSON path, never a
 * stack trace, a hang or an out-of-memory error. Tries: {@code jqwik.tries.default}, set per Maven
 * profile in the pom (more with {@code -Plong}).
 */
class DamagedInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SnapshotReader READER = new SnapshotReader();
    /** Stands for a value that a tree can't hold (1e400, 10,000 brackets); replaced in the text. */
    private static final String HOLE = "@@HOLE@@";

    enum Damage {
        TRUNCATED, WRONG_TYPE, HUGE_NUMBER, DEEP_NESTING, UNKNOWN_FIELD, INVALID_UTF8, LONG_STRING, LONG_FIELD_NAME,
        OVERSIZE, TRAILING_CONTENT, NOT_AN_OBJECT
    }

    @Property
    void validSnapshotJsonGivesAPlanThatKeepsThePlanInvariants(@ForAll long seed) throws Exception {
        ObjectNode snapshot = SnapshotJson.snapshot(seed);

        Run run = diagnose(JSON.writeValueAsBytes(snapshot));

        assertThat(run.status()).as(run.err()).isZero();
        // An extension's id in tried is accepted, with a warning, since no loaded rule suggests it.
        boolean extensionTried = snapshot.path("tried").toString().contains("\"SOME_EXTENSION_REMEDY\"");
        assertThat(run.err()).isEqualTo(extensionTried
                ? "warning: tried: \"SOME_EXTENSION_REMEDY\" is not an action any loaded rule suggests\n" : "");
        assertThat(run.out()).endsWith("\n").hasLineCount(1);
        JsonNode plan = JSON.readTree(run.out());
        List<JsonNode> actions = new ArrayList<>();
        plan.get("actions").forEach(actions::add);
        List<String> kinds = List.of("FIX", "CHECK", "TRY");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            assertThat(ids.add(action.get("id").asText())).as("duplicate %s", action.get("id")).isTrue();
            if (i > 0) {
                JsonNode before = actions.get(i - 1);
                int kindOrder = Integer.compare(kinds.indexOf(before.get("kind").asText()), kinds.indexOf(action.get("kind").asText()));
                assertThat(kindOrder).as("kinds in order").isLessThanOrEqualTo(0);
                if (kindOrder == 0 && !action.get("step").isNull()) {
                    assertThat(before.get("step").isNull()).as("an action without a step comes last").isFalse();
                    assertThat(before.get("step").asInt()).isLessThanOrEqualTo(action.get("step").asInt());
                }
            }
        }
        boolean fixOrCheck = actions.stream().anyMatch(a -> !a.get("kind").asText().equals("TRY"));
        assertThat(plan.get("healthy").asBoolean()).isEqualTo(!fixOrCheck);
        List<String> remedies = actions.stream().filter(a -> a.get("kind").asText().equals("TRY"))
                .map(a -> a.get("id").asText()).toList();
        JsonNode tried = snapshot.path("tried");
        tried.forEach(id -> assertThat(remedies).doesNotContain(id.asText()));
        if (snapshot.path("service").path("icloudBackup").asText().equals("OUTAGE")) {
            assertThat(remedies).isSubsetOf("BACK_UP_WITH_COMPUTER");
            assertThat(ids).contains("WAIT_FOR_ICLOUD_SERVICE");
        }
    }

    @Provide
    Arbitrary<Damage> damages() {
        return Arbitraries.of(Damage.class);
    }

    @Property
    void damagedSnapshotJsonExitsTwoWithOneMessageNamingAJsonPath(@ForAll long seed, @ForAll("damages") Damage damage) {
        byte[] input = damaged(seed, damage);

        Run run = diagnose(input);

        String shown = shown(input);
        assertThat(run.status()).as("%s of %s gave %s", damage, shown, run).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).as(shown).startsWith("$").endsWith("\n").hasLineCount(1)
                .doesNotContain("Exception", "\tat ", "unexpected error", "Source:", "REDACTED", "Feature", "(code", "end-of-input");
    }

    @Provide
    Arbitrary<byte[]> anyInput() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]:,\"\\ 0123456789.eE+-tfnrulasx\u00e9\u2713")
                .ofMaxLength(200).map(text -> text.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> damaged = Arbitraries.longs().flatMap(seed -> damages().map(damage -> damaged(seed, damage)));
        Arbitrary<byte[]> flipped = Arbitraries.longs().map(DamagedInputProperties::withRandomBytes);
        return Arbitraries.oneOf(noise, jsonish, damaged, flipped);
    }

    @Property
    void theReaderReturnsASnapshotOrRejectsTheInputAndNeverFailsOtherwise(@ForAll("anyInput") byte[] input) {
        try {
            assertThat(READER.read(input)).isNotNull();
        } catch (InvalidSnapshotException rejected) {
            assertThat(rejected.getMessage()).startsWith("$").doesNotContain("\n");
        }
    }

    private static Run diagnose(byte[] stdin) {
        return Run.of(stdin, "diagnose", "--format", "json", "-");
    }

    /** A valid snapshot's JSON with one piece of damage, chosen and placed by the seed. */
    static byte[] damaged(long seed, Damage damage) {
        Random random = new Random(seed);
        ObjectNode snapshot = SnapshotJson.snapshot(random.nextLong());
        String raw = null;
        switch (damage) {
            case TRUNCATED -> {
                byte[] whole = bytes(snapshot, null);
                // A proper prefix of one JSON object is never a whole JSON value.
                return Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case WRONG_TYPE -> {
                Place place = pickPlace(random, snapshot);
                place.set(wrongType(random, place.value()));
            }
            case HUGE_NUMBER -> {
                String[] numbers = {"1e400", "-1e400", "99999999999999999999999", "-99999999999999999999999",
                    "9223372036854775808", "9007199254740992", "1" + "0".repeat(SnapshotReader.MAX_NUMBER_CHARS), "-1", "0.5",
                    "-0.0", "1E3", "NaN"};
                raw = numbers[random.nextInt(numbers.length)];
                replace(random, snapshot, TextNode.valueOf(HOLE));
            }
            case DEEP_NESTING -> {
                int depth = SnapshotReader.MAX_NESTING_DEPTH + random.nextInt(10_000);
                raw = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(random.nextInt(depth + 1));
                replace(random, snapshot, TextNode.valueOf(HOLE));
            }
            case UNKNOWN_FIELD -> {
                List<ObjectNode> objects = new ArrayList<>();
                collectObjects(snapshot, objects);
                ObjectNode target = objects.get(random.nextInt(objects.size()));
                String[] names = {"x", "Device", "signal bars", "wifi.enabled", "\u00e9", "", "__proto__", "@class"};
                String name = names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : random.nextInt(100));
                target.putNull(name);
            }
            case INVALID_UTF8 -> {
                byte[][] sequences = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x9C}};
                byte[] whole = bytes(snapshot, null);
                byte[] bad = sequences[random.nextInt(sequences.length)];
                int at = random.nextInt(whole.length + 1);
                byte[] result = new byte[whole.length + bad.length];
                System.arraycopy(whole, 0, result, 0, at);
                System.arraycopy(bad, 0, result, at, bad.length);
                System.arraycopy(whole, at, result, at + bad.length, whole.length - at);
                return result;
            }
            case LONG_STRING -> replace(random, snapshot,
                    TextNode.valueOf("s".repeat(SnapshotReader.MAX_STRING_CHARS + 1 + random.nextInt(100_000))));
            case LONG_FIELD_NAME -> snapshot.putNull("n".repeat(SnapshotReader.MAX_STRING_CHARS + 1 + random.nextInt(100_000)));
            case OVERSIZE -> {
                byte[] whole = bytes(snapshot, null);
                byte[] padded = Arrays.copyOf(whole, SnapshotReader.MAX_BYTES + 1 + random.nextInt(1000));
                Arrays.fill(padded, whole.length, padded.length, (byte) ' ');
                return padded;
            }
            case TRAILING_CONTENT -> {
                String[] trailing = {" {}", " x", "1", " []", ",", " null", "}"};
                return (new String(bytes(snapshot, null), StandardCharsets.UTF_8) + trailing[random.nextInt(trailing.length)])
                        .getBytes(StandardCharsets.UTF_8);
            }
            case NOT_AN_OBJECT -> {
                String text = new String(bytes(snapshot, null), StandardCharsets.UTF_8);
                String[] wrapped = {"[" + text + "]", "\"" + text.replace("\"", "'") + "\"", "null", "true", "42", "[]", ""};
                return wrapped[random.nextInt(wrapped.length)].getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException(damage.toString());
        }
        return bytes(snapshot, raw);
    }

    private static byte[] bytes(ObjectNode snapshot, String raw) {
        String text = snapshot.toString();
        if (raw != null) {
            text = text.replace("\"" + HOLE + "\"", raw);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Place(ContainerNode<?> parent, String field, int index) {

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static Place pickPlace(Random random, ObjectNode snapshot) {
        List<Place> places = new ArrayList<>();
        collectPlaces(snapshot, places);
        if (places.isEmpty()) {
            // {} has no value to damage: give it one to damage.
            snapshot.putNull("device");
            return new Place(snapshot, "device", -1);
        }
        return places.get(random.nextInt(places.size()));
    }

    private static void replace(Random random, ObjectNode snapshot, JsonNode value) {
        pickPlace(random, snapshot).set(value);
    }

    private static void collectPlaces(JsonNode node, List<Place> places) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                places.add(new Place(object, field.getKey(), -1));
                collectPlaces(field.getValue(), places);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                places.add(new Place(array, null, i));
                collectPlaces(array.get(i), places);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    /** A value of a type no field that held {@code original} accepts. */
    private static JsonNode wrongType(Random random, JsonNode original) {
        List<JsonNode> wrong = new ArrayList<>(List.of(JSON.getNodeFactory().numberNode(-1), JSON.getNodeFactory().numberNode(2.5)));
        if (original.isBoolean()) {
            wrong.addAll(List.of(TextNode.valueOf("true"), TextNode.valueOf("yes"), JSON.getNodeFactory().numberNode(1)));
        } else if (original.isTextual()) {
            wrong.addAll(List.of(JSON.getNodeFactory().numberNode(8), JSON.getNodeFactory().booleanNode(true),
                    JSON.createArrayNode().add(original.textValue())));
        } else if (original.isNumber()) {
            wrong.addAll(List.of(TextNode.valueOf(original.asText()), JSON.getNodeFactory().numberNode(original.asDouble() + 0.5),
                    JSON.getNodeFactory().booleanNode(false)));
        } else if (original.isArray()) {
            wrong.addAll(List.of(JSON.createObjectNode(), TextNode.valueOf("RESTART_IPHONE")));
        } else if (original.isObject()) {
            wrong.addAll(List.of(JSON.createArrayNode(), TextNode.valueOf("{}"), JSON.getNodeFactory().booleanNode(true)));
        }
        return wrong.get(random.nextInt(wrong.size()));
    }

    /** Valid snapshot JSON with a few bytes overwritten at random: sometimes still valid, often not. */
    private static byte[] withRandomBytes(long seed) {
        Random random = new Random(seed);
        byte[] bytes = bytes(SnapshotJson.snapshot(random.nextLong()), null);
        for (int i = random.nextInt(4); i >= 0 && bytes.length > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static String shown(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + input.length + " bytes)";
    }
}
