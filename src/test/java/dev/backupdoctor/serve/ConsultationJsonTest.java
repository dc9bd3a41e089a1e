package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Snapshots;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.PlanWriter;
import org.junit.jupiter.api.Test;

class ConsultationJsonTest {

    private static final BackupDoctor DOCTOR = BackupDoctor.create();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Every fact known and fine: no question, the walk starts with BACK_UP_NOW. */
    private static final DeviceSnapshot ALL_FINE = Snapshots.allFine();

    private final ConsultationJson consultations = new ConsultationJson(DOCTOR);

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private JsonNode reply(JsonNode answer, String reply) throws Exception {
        return json(consultations.reply(answer.get("token").textValue(), json(reply)));
    }

    @Test
    void aConsultationOfNothingFirstAsksTheMostUsefulQuestion() throws Exception {
        JsonNode answer = json(consultations.start(DeviceSnapshot.unknown()));

        JsonNode turn = answer.get("turn");
        assertThat(turn.get("type").textValue()).isEqualTo("ask");
        assertThat(turn.get("question").get("id").textValue()).isEqualTo("service.icloudBackup");
        assertThat(turn.get("question").get("type").textValue()).isEqualTo("CHOICE");
        assertThat(turn.get("question").get("hint").textValue()).isEqualTo("available, outage");
        assertThat(turn.get("question").get("choices")).hasSize(2);
        assertThat(turn.get("plan")).isEqualTo(json(new PlanWriter().toJson(DOCTOR.diagnose(DeviceSnapshot.unknown()))));
        assertThat(turn.get("snapshot")).isEqualTo(json("{}"));
    }

    @Test
    void anAnswerIsLearnedAndTheNextQuestionAsked() throws Exception {
        JsonNode answered = reply(json(consultations.start(DeviceSnapshot.unknown())), "{\"answer\": \"outage\"}");

        assertThat(answered.get("turn").get("snapshot")).isEqualTo(json("{\"service\": {\"icloudBackup\": \"OUTAGE\"}}"));
        assertThat(answered.get("turn").get("question").get("id").textValue()).isNotEqualTo("service.icloudBackup");
    }

    @Test
    void theWalkShowsAnActionAsAPlanListsItAndEndsFixedByIt() throws Exception {
        JsonNode first = pastTheMessage();

        JsonNode turn = first.get("turn");
        assertThat(turn.get("type").textValue()).isEqualTo("show");
        assertThat(turn.get("action")).isEqualTo(turn.get("plan").get("actions").get(0));
        assertThat(turn.get("action").get("id").textValue()).isEqualTo("BACK_UP_NOW");
        assertThat(turn.get("alternatives")).isEmpty();

        JsonNode fixed = reply(first, "{\"fixed\": \"BACK_UP_NOW\"}").get("turn");
        assertThat(fixed.get("type").textValue()).isEqualTo("end");
        assertThat(fixed.get("why").textValue()).isEqualTo("FIXED");
        assertThat(fixed.get("fixedBy").textValue()).isEqualTo("BACK_UP_NOW");
    }

    @Test
    void notFixedGoesOnAndStopEnds() throws Exception {
        JsonNode next = reply(pastTheMessage(), "{\"notFixed\": \"BACK_UP_NOW\"}");

        assertThat(next.get("turn").get("snapshot").get("tried")).isEqualTo(json("[\"BACK_UP_NOW\"]"));
        assertThat(next.get("turn").get("action").get("id").textValue()).isNotEqualTo("BACK_UP_NOW");
        JsonNode stopped = reply(next, "{\"stop\": true}").get("turn");
        assertThat(stopped.get("why").textValue()).isEqualTo("STOPPED");
        assertThat(stopped.get("fixedBy").isNull()).isTrue();
    }

    @Test
    void aReplyIsExactlyOneMoveOfTheRightShape() throws Exception {
        JsonNode asking = json(consultations.start(DeviceSnapshot.unknown()));
        String moves = "one of {\"answer\": TEXT}, {\"skip\": true}, {\"fixed\": ID}, {\"notFixed\": ID}, {\"stop\": true}";

        assertRefused(asking, "{}", "$.reply: expected " + moves + ", was {}");
        assertRefused(asking, "\"yes\"", "$.reply: expected " + moves + ", was a string");
        assertRefused(asking, "{\"skip\": true, \"stop\": true}", "$.reply: expected " + moves + "; a reply is one move");
        assertRefused(asking, "{\"maybe\": true}", "$.reply.maybe: unknown move; expected " + moves);
        assertRefused(asking, "{\"skip\": false}", "$.reply.skip: expected true, was false");
        assertRefused(asking, "{\"stop\": \"yes\"}", "$.reply.stop: expected true, was a string");
        assertRefused(asking, "{\"answer\": 3}", "$.reply.answer: expected the answer as text, such as \"yes\", was a number");
        assertRefused(asking, "{\"fixed\": null}", "$.reply.fixed: expected the id of the action that fixed it, was null");
        assertRefused(asking, "{\"notFixed\": []}", "$.reply.notFixed: expected the id of the action taken, was an array");
    }

    @Test
    void aMoveThatDoesNotFitTheTurnIsRefusedWithTheConsultationsWords() throws Exception {
        JsonNode asking = json(consultations.start(DeviceSnapshot.unknown()));
        JsonNode showing = pastTheMessage();
        JsonNode ended = reply(showing, "{\"stop\": true}");

        assertRefused(asking, "{\"answer\": \"maybe\"}", "$.reply.answer: answer available or outage");
        assertRefused(asking, "{\"fixed\": \"BACK_UP_NOW\"}", "$.reply.fixed: the consultation can't take that now: a question is asked");
        assertRefused(showing, "{\"answer\": \"yes\"}", "$.reply.answer: the consultation can't take that now: an action is shown");
        assertRefused(showing, "{\"notFixed\": \"CONNECT_TO_WIFI\"}", "$.reply.notFixed: CONNECT_TO_WIFI is not shown; shown: BACK_UP_NOW");
        assertRefused(ended, "{\"skip\": true}", "$.reply.skip: the consultation can't take that now: it has ended");
        assertThat(reply(ended, "{\"stop\": true}").get("turn").get("why").textValue()).isEqualTo("STOPPED");
    }

    @Test
    void aTokenOfAnotherPlanIsRefused() throws Exception {
        JsonNode fixed = reply(pastTheMessage(), "{\"fixed\": \"BACK_UP_NOW\"}");
        BackupDoctor withoutBackUpNow = BackupDoctor.builder().disableRule("Back up now").build();

        assertThatThrownBy(() -> new ConsultationJson(withoutBackUpNow).reply(fixed.get("token").textValue(), json("{\"stop\": true}")))
                .isInstanceOf(BadRequest.class)
                .hasMessage("$.token: BACK_UP_NOW is not in the plan, so it can't be what fixed the backup");
    }

    /** A consultation of everything fine, past its first question, what Back Up Now showed, skipped. */
    private JsonNode pastTheMessage() throws Exception {
        JsonNode asking = json(consultations.start(ALL_FINE));
        assertThat(asking.get("turn").get("question").get("id").textValue()).isEqualTo("icloud.backupMessage");
        return reply(asking, "{\"skip\": true}");
    }

    private void assertRefused(JsonNode answer, String reply, String message) {
        assertThatThrownBy(() -> reply(answer, reply)).as(reply).isInstanceOf(BadRequest.class).hasMessage(message);
    }
}
