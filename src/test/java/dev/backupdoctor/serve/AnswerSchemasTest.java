package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.erosb.jsonsKema.Validator;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.plan.CatalogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the serving codecs write follows the document's schemas, turn after turn. */
class AnswerSchemasTest {

    private static final BackupDoctor DOCTOR = BackupDoctor.create();
    private static final SnapshotReader READER = new SnapshotReader();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<DeviceSnapshot> examples() throws IOException {
        List<DeviceSnapshot> snapshots = new ArrayList<>(List.of(DeviceSnapshot.unknown()));
        try (var paths = Files.list(Path.of("examples/snapshots"))) {
            for (Path path : paths.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                snapshots.add(READER.read(Files.readString(path)));
            }
        }
        return snapshots;
    }

    /**
     * Each example consulted to the end, one way answering what it can (the first choice, "yes", 2, "17", ...)
     * and the other skipping, then every action not fixing it: every turn of every kind is a ConsultationTurn.
     */
    @Test
    void everyTurnOfAConsultationFollowsTheTurnSchema() throws Exception {
        Validator turns = JsonSchemas.component("ConsultationTurn");
        ConsultationJson consultations = new ConsultationJson(DOCTOR);
        Set<String> seen = new LinkedHashSet<>();
        for (DeviceSnapshot example : examples()) {
            for (boolean answering : new boolean[] {true, false}) {
                String answer = consultations.start(example);
                for (int turn = 0; turn < 200; turn++) {
                    assertThat(JsonSchemas.problems(turns, answer)).as(answer).isNull();
                    JsonNode next = JSON.readTree(answer).get("turn");
                    String type = next.get("type").textValue();
                    seen.add(type + (type.equals("end") ? " " + next.get("why").textValue() : ""));
                    if (type.equals("end")) {
                        break;
                    }
                    String reply = type.equals("show") ? "{\"notFixed\": \"" + next.at("/action/id").textValue() + "\"}"
                            : answering ? "{\"answer\": \"" + answerTo(next.get("question")) + "\"}" : "{\"skip\": true}";
                    answer = consultations.reply(JSON.readTree(answer).get("token").textValue(), JSON.readTree(reply));
                }
            }
        }
        String stopped = consultations.reply(JSON.readTree(consultations.start(DeviceSnapshot.unknown())).get("token").textValue(),
                JSON.readTree("{\"stop\": true}"));
        assertThat(JsonSchemas.problems(turns, stopped)).isNull();
        assertThat(seen).contains("ask", "show", "end PLAN_DONE");
    }

    private static String answerTo(JsonNode question) {
        return switch (question.get("type").textValue()) {
            case "YES_NO" -> "yes";
            case "NUMBER" -> "2";
            case "SIZE" -> "5 GB";
            case "VERSION" -> "17.1";
            case "CHOICE" -> question.get("choices").get(0).textValue();
            default -> "iPhone 15 Pro";
        };
    }

    @Test
    void aConsultationFixedByAnActionEndsAsTheSchemaSays() throws Exception {
        ConsultationJson consultations = new ConsultationJson(DOCTOR);
        String answer = consultations.start(READER.read(Files.readString(Path.of("examples/snapshots/backup-switched-off.json"))));
        while (JSON.readTree(answer).at("/turn/type").textValue().equals("ask")) {
            answer = consultations.reply(JSON.readTree(answer).get("token").textValue(), JSON.readTree("{\"skip\": true}"));
        }
        JsonNode shown = JSON.readTree(answer);
        String fixed = consultations.reply(shown.get("token").textValue(),
                JSON.readTree("{\"fixed\": \"" + shown.at("/turn/action/id").textValue() + "\"}"));

        assertThat(JSON.readTree(fixed).at("/turn/why").textValue()).isEqualTo("FIXED");
        assertThat(JsonSchemas.problems(JsonSchemas.component("ConsultationTurn"), fixed)).isNull();
    }

    @Test
    void everyExplanationFollowsTheExplanationSchema() throws Exception {
        Validator explanations = JsonSchemas.component("Explanation");
        ExplanationJson writer = new ExplanationJson();
        Set<Boolean> inPlan = new LinkedHashSet<>();
        for (DeviceSnapshot example : examples()) {
            for (CatalogEntry entry : DOCTOR.catalog()) {
                String explanation = writer.toJson(DOCTOR.explain(example, entry.id()));
                assertThat(JsonSchemas.problems(explanations, explanation)).as(explanation).isNull();
                inPlan.add(JSON.readTree(explanation).get("inPlan").booleanValue());
            }
        }
        assertThat(inPlan).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aTurnWithoutWhatItsTypeNeedsIsNotATurn() throws Exception {
        Validator turns = JsonSchemas.component("ConsultationTurn");
        JsonNode asked = JSON.readTree(new ConsultationJson(DOCTOR).start(DeviceSnapshot.unknown()));
        ((ObjectNode) asked.get("turn")).remove("question");

        assertThat(JsonSchemas.problems(turns, asked.toString())).isNotNull();
        ((ObjectNode) asked.get("turn")).put("type", "show");
        assertThat(JsonSchemas.problems(turns, asked.toString())).isNotNull();
    }

    @Test
    void theRepliesOfTheSchemaAreTheMovesOfTheCodec() {
        Validator replies = JsonSchemas.component("Reply");
        for (String reply : List.of("{\"answer\": \"yes\"}", "{\"skip\": true}", "{\"fixed\": \"BACK_UP_NOW\"}",
                "{\"notFixed\": \"BACK_UP_NOW\"}", "{\"stop\": true}")) {
            assertThat(JsonSchemas.problems(replies, reply)).as(reply).isNull();
        }
        for (String reply : List.of("{}", "{\"skip\": false}", "{\"answer\": 3}", "{\"skip\": true, \"stop\": true}",
                "{\"maybe\": true}", "{\"answer\": \"" + "y".repeat(Consultation.MAX_REPLY_CHARS + 1) + "\"}")) {
            assertThat(JsonSchemas.problems(replies, reply)).as(reply).isNotNull();
        }
    }
}
