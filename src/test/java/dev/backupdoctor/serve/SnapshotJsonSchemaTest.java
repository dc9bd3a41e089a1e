package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.erosb.jsonsKema.Validator;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The snapshot's JSON Schema says what the reader accepts: the same fields, ranges and limits. */
class SnapshotJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SnapshotReader READER = new SnapshotReader();
    private static final Validator SNAPSHOT = JsonSchemas.of(OpenApiDocument.snapshotSchema());

    @Test
    void everyFieldTheReaderReadsIsInTheSchemaWithItsTypeAndRange() {
        assertFields(DeviceSnapshot.class, OpenApiDocument.snapshotSchema());
    }

    private static void assertFields(Class<?> record, JsonNode schema) {
        List<String> names = Schema.fieldsOf(record).stream().map(Schema.Field::name).toList();
        assertThat(schema.get("properties").fieldNames()).toIterable().containsExactlyElementsOf(names);
        assertThat(schema.get("additionalProperties").asBoolean(true)).as(record.getSimpleName()).isFalse();
        for (Schema.Field field : Schema.fieldsOf(record)) {
            JsonNode property = schema.get("properties").get(field.name());
            String described = field.path() + ": " + property;
            assertThat(types(property)).as(described).containsExactlyElementsOf(expectedTypes(field));
            switch (field.kind()) {
                case SECTION -> assertFields(field.type(), property);
                case NUMBER, BYTES -> {
                    assertThat(property.get("minimum").asLong()).as(described).isEqualTo(field.min());
                    assertThat(property.get("maximum").asLong()).as(described).isEqualTo(field.max());
                }
                case CHOICE -> {
                    List<String> choices = new ArrayList<>(field.choices());
                    assertThat(property.get("enum").toString()).as(described)
                            .isEqualTo(JSON.valueToTree(choices).toString().replace("]", field.required() ? "]" : ",null]"));
                }
                case ENTRIES -> {
                    assertThat(property.get("maxItems").asLong()).as(described).isEqualTo(field.max());
                    assertFields(field.elementType(), property.get("items"));
                    List<String> required = Schema.fieldsOf(field.elementType()).stream()
                            .filter(Schema.Field::required).map(Schema.Field::name).toList();
                    assertThat(property.at("/items/required").toString()).isEqualTo(JSON.valueToTree(required).toString());
                }
                case VERSION -> assertThat(property.get("pattern").asText()).isEqualTo(SnapshotJsonSchema.VERSION_PATTERN);
                case ACTION_IDS -> assertThat(property.at("/items/pattern").asText()).isEqualTo(SnapshotJsonSchema.ACTION_ID_PATTERN);
                case TEXT -> assertThat(property.get("maxLength").asInt()).isEqualTo(field.path().equals("id")
                        ? DeviceSnapshot.MAX_ID_CODE_POINTS : SnapshotReader.MAX_STRING_CHARS);
                case ANSWER -> assertThat(property.get("description").asText()).endsWith(
                        field.ask().opposite() ? "true: no, false: yes." : "true: yes, false: no.");
            }
        }
    }

    private static List<String> types(JsonNode property) {
        JsonNode type = property.get("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static List<String> expectedTypes(Schema.Field field) {
        String type = switch (field.kind()) {
            case SECTION -> "object";
            case ANSWER -> "boolean";
            case NUMBER, BYTES -> "integer";
            case TEXT, VERSION, CHOICE -> "string";
            case ENTRIES, ACTION_IDS -> "array";
        };
        return field.required() ? List.of(type) : List.of(type, "null");
    }

    static Stream<Path> exampleSnapshots() throws IOException {
        return Files.list(Path.of("examples/snapshots")).filter(path -> path.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("exampleSnapshots")
    void everyExampleSnapshotIsValid(Path example) throws IOException {
        String json = Files.readString(example);

        READER.read(json);
        assertThat(JsonSchemas.problems(SNAPSHOT, json)).isNull();
    }

    /** The fleet holds invalid lines on purpose; the one disagreement allowed is the rule JSON Schema can't say. */
    @Test
    void everyLineOfTheExampleFleetIsValidForBothOrForNeither() throws IOException {
        int invalid = 0;
        for (String line : Files.readAllLines(Path.of("examples/snapshots/fleet.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            String refused = refusal(line);
            boolean schemaValid = JsonSchemas.problems(SNAPSHOT, line) == null;
            if (refused != null && schemaValid) {
                assertThat(refused).as(line).matches("\\$\\.storage\\.usedBytes: must not exceed totalBytes \\(\\d+\\), was \\d+");
            } else {
                assertThat(schemaValid).as(line).isEqualTo(refused == null);
            }
            invalid += refused == null ? 0 : 1;
        }
        assertThat(invalid).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"wifi\": {\"signalBars\": 7}}",
        "{\"wifi\": {\"signalBars\": -1}}",
        "{\"wifi\": {\"signalBars\": \"3\"}}",
        "{\"wifi\": {\"signalbars\": 3}}",
        "{\"power\": {\"batteryPercent\": 101}}",
        "{\"power\": {\"cable\": \"apple\"}}",
        "{\"icloud\": {\"signedIn\": \"yes\"}}",
        "{\"icloud\": {\"lastBackupDaysAgo\": 36501}}",
        "{\"device\": {\"iosVersion\": \"seventeen\"}}",
        "{\"device\": {\"iosVersion\": \"17.\"}}",
        "{\"device\": []}",
        "{\"storage\": {\"totalBytes\": 9007199254740992}}",
        "{\"storage\": {\"usedBytes\": -5}}",
        "{\"storage\": {\"appBackups\": [{\"app\": \"WhatsApp\"}]}}",
        "{\"storage\": {\"appBackups\": [{\"app\": null, \"bytes\": 1}]}}",
        "{\"storage\": {\"otherDeviceBackups\": [{\"device\": \"Old iPad\", \"bytes\": 1, \"when\": 2}]}}",
        "{\"tried\": [\"restart\"]}",
        "{\"tried\": [null]}",
        "{\"tried\": \"RESTART_IPHONE\"}",
        "{\"colour\": \"red\"}",
        "[]",
        "null"
    })
    void whatTheReaderRefusesTheSchemaRefuses(String json) {
        assertThatThrownBy(() -> READER.read(json)).isInstanceOf(InvalidSnapshotException.class);
        assertThat(JsonSchemas.problems(SNAPSHOT, json)).isNotNull();
    }

    @Test
    void theLimitsOnIdsAndListsAreTheReaders() {
        String longestId = "{\"id\": \"" + "😀".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS) + "\"}";
        String longerId = "{\"id\": \"" + "x".repeat(DeviceSnapshot.MAX_ID_CODE_POINTS + 1) + "\"}";
        String mostApps = appBackups(SnapshotReader.MAX_APP_BACKUPS);
        String moreApps = appBackups(SnapshotReader.MAX_APP_BACKUPS + 1);

        for (String valid : List.of(longestId, mostApps)) {
            READER.read(valid);
            assertThat(JsonSchemas.problems(SNAPSHOT, valid)).isNull();
        }
        for (String invalid : List.of(longerId, moreApps)) {
            assertThatThrownBy(() -> READER.read(invalid)).isInstanceOf(InvalidSnapshotException.class);
            assertThat(JsonSchemas.problems(SNAPSHOT, invalid)).isNotNull();
        }
    }

    private static String appBackups(int count) {
        ArrayNode apps = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            apps.addObject().put("app", "App " + i).put("bytes", i);
        }
        ObjectNode snapshot = NODES.objectNode();
        snapshot.putObject("storage").set("appBackups", apps);
        return snapshot.toString();
    }

    /**
     * Random documents, valid and not, field by field from the schema the reader binds: the
     * validator accepts exactly what the reader reads. The one rule JSON Schema can't say, used
     * bytes within the total, is kept by the generator.
     */
    @Property
    void theSchemaAcceptsWhatTheReaderReads(@ForAll long seed) {
        String json = SnapshotDocuments.document(new Random(seed)).toString();
        boolean readable = readable(json);

        assertThat(JsonSchemas.problems(SNAPSHOT, json) == null).as(json).isEqualTo(readable);
        Statistics.collect(readable ? "valid" : "invalid");
        // Both kinds must be common, or the property proves little.
        Statistics.coverage(coverage -> {
            coverage.check("valid").percentage(share -> share > 20);
            coverage.check("invalid").percentage(share -> share > 20);
        });
    }

    private static boolean readable(String json) {
        return refusal(json) == null;
    }

    /** The reader's message for the JSON, or {@code null} when it reads it. */
    private static String refusal(String json) {
        try {
            READER.read(json);
            return null;
        } catch (InvalidSnapshotException invalid) {
            return invalid.getMessage();
        }
    }

    @Property
    void theVersionPatternIsTheReadersRule(@ForAll("versionLike") String text) {
        assertThat(text.matches(SnapshotJsonSchema.VERSION_PATTERN)).as(text).isEqualTo(parses(text));
    }

    @Provide
    Arbitrary<String> versionLike() {
        return Arbitraries.strings().withChars("0123456789.a ").ofMaxLength(8);
    }

    private static boolean parses(String version) {
        try {
            IosVersion.parse(version);
            return true;
        } catch (IllegalArgumentException notAVersion) {
            return false;
        }
    }

    @Property
    void theActionIdPatternIsTheReadersRule(@ForAll("actionIdLike") String text) {
        assertThat(text.matches(SnapshotJsonSchema.ACTION_ID_PATTERN)).as(text).isEqualTo(DeviceSnapshot.isActionId(text));
    }

    @Provide
    Arbitrary<String> actionIdLike() {
        return Arbitraries.strings().withChars("AZ09_a-").ofMaxLength(8);
    }

    @Test
    void bytesGoUpToTheLargestExactJsonInteger() {
        assertThat(OpenApiDocument.snapshotSchema().at("/properties/storage/properties/totalBytes/maximum").asLong())
                .isEqualTo(StorageStatus.MAX_BYTES);
    }

    /** Every plan the examples get, and the article's checklist for {@code {}}, is what the Plan schema describes. */
    @Test
    void everyPlanPlanWriterWritesFollowsThePlanSchema() throws IOException {
        BackupDoctor doctor = BackupDoctor.create();
        PlanWriter writer = new PlanWriter();
        Validator plan = JsonSchemas.component("Plan");
        List<String> snapshots = new ArrayList<>(List.of("{}"));
        try (Stream<Path> examples = exampleSnapshots()) {
            for (Iterator<Path> each = examples.iterator(); each.hasNext(); ) {
                snapshots.add(Files.readString(each.next()));
            }
        }
        snapshots.addAll(Files.readAllLines(Path.of("examples/snapshots/fleet.jsonl")).subList(0, 200));
        for (String snapshot : snapshots) {
            String written = writer.toJson(doctor.diagnose(READER.read(snapshot)));
            assertThat(JsonSchemas.problems(plan, written)).as(written).isNull();
        }
    }

    @Test
    void aPlanWithAnUnknownFieldOrAWrongKindIsNotAPlan() {
        Validator plan = JsonSchemas.component("Plan");
        String action = "{\"id\": \"RESTART_IPHONE\", \"kind\": \"TRY\", \"step\": 7, \"title\": \"Restart\","
                + " \"instructions\": [\"Restart it.\"], \"reason\": \"Why not.\", \"caution\": null, \"alternativeTo\": null,"
                + " \"rule\": \"r\", \"because\": [{\"field\": \"wifi.signalBars\", \"value\": 1}]}";

        assertThat(JsonSchemas.problems(plan, "{\"id\": null, \"healthy\": false, \"actions\": [" + action + "]}")).isNull();
        assertThat(JsonSchemas.problems(plan, "{\"id\": null, \"healthy\": false, \"actions\": ["
                + action.replace("\"TRY\"", "\"MAYBE\"") + "]}")).isNotNull();
        assertThat(JsonSchemas.problems(plan, "{\"id\": null, \"healthy\": false, \"extra\": 1, \"actions\": []}")).isNotNull();
    }
}
