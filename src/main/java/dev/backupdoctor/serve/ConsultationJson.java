package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.Question;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.plan.Action;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A consultation over a stateless protocol: each answer is {@code {"token": T, "turn": TURN}}, the
 * token carrying the consultation ({@link ConsultationToken}) and TURN saying what to do now.
 *
 * <ul>
 *   <li>{@code {"type": "ask", "question": {"id", "text", "type", "hint", "choices"}, ...}}: ask the
 *       question ({@link Question}'s fields; {@code type} is one of {@link Question.Type});</li>
 *   <li>{@code {"type": "show", "action": ACTION, "alternatives": [ACTION...], ...}}: show the action,
 *       as a plan lists it, and the actions that are another way to the same end;</li>
 *   <li>{@code {"type": "end", "why": "FIXED"|"PLAN_DONE"|"STOPPED", "fixedBy": ID or null, ...}}.</li>
 * </ul>
 * Every turn also has {@code "plan"}, the plan for what is known now (as {@code diagnose --format
 * json} writes it), and {@code "snapshot"}, what was learned so far, to save.
 *
 * <p>A reply is exactly one of {@code {"answer": "TEXT"}}, {@code {"skip": true}}, {@code {"fixed": ID}},
 * {@code {"notFixed": ID}} and {@code {"stop": true}}: the moves of {@link Consultation}.
 *
 * <p>Thread-safe.
 */
public final class ConsultationJson {

    private static final String MOVES = "one of {\"answer\": TEXT}, {\"skip\": true}, {\"fixed\": ID}, {\"notFixed\": ID},"
            + " {\"stop\": true}";

    private static final String REQUEST = "{\"token\": T, \"reply\": REPLY}";
    private static final Set<String> REQUEST_FIELDS = Set.of("token", "reply");

    /** Each move, by the reply's one field, from its value (checked) to the next consultation. */
    private static final Map<String, BiFunction<Consultation, JsonNode, Consultation>> MOVE_BY_FIELD = Map.of(
            "answer", (consultation, value) -> consultation.answer(text(value, "answer", "the answer as text, such as \"yes\"")),
            "skip", (consultation, value) -> consultation.skip(),
            "fixed", (consultation, value) -> consultation.fixed(text(value, "fixed", "the id of the action that fixed it")),
            "notFixed", (consultation, value) -> consultation.notFixed(text(value, "notFixed", "the id of the action taken")),
            "stop", (consultation, value) -> consultation.stop());

    private final BackupDoctor doctor;
    private final ConsultationToken tokens = new ConsultationToken();
    private final PlanWriter plans = new PlanWriter();
    private final SnapshotWriter snapshots = new SnapshotWriter();
    private final JsonFactory json = new JsonFactory();

    /**
     * @param doctor the doctor every consultation of this server uses; a token continues only on one with the same rules
     */
    public ConsultationJson(BackupDoctor doctor) {
        this.doctor = doctor;
    }

    /**
     * Starts a consultation.
     *
     * @param known what is known about the device
     * @return {@code {"token": T, "turn": TURN}}
     * @throws dev.backupdoctor.problems.RuleFailedException if a rule fails
     */
    public String start(DeviceSnapshot known) {
        return answer(doctor.consult(known));
    }

    /**
     * Takes a reply and goes on.
     *
     * @param token the token of the turn replied to
     * @param reply one move, such as {@code {"answer": "yes"}}
     * @return {@code {"token": T2, "turn": TURN}}, the consultation one step on
     * @throws BadRequest if the token is not one, the reply is not one move, or the move doesn't fit
     *     the turn (an answer that doesn't fit the question, an action that is not shown)
     * @throws dev.backupdoctor.problems.RuleFailedException if a rule fails
     */
    public String reply(String token, JsonNode reply) {
        Consultation consultation = resume(token);
        String move = move(reply);
        JsonNode value = reply.get(move);
        try {
            return answer(MOVE_BY_FIELD.get(move).apply(consultation, value));
        } catch (IllegalArgumentException | IllegalStateException doesNotFit) {
            throw new BadRequest("$.reply." + move + ": " + doesNotFit.getMessage());
        }
    }

    /**
     * Takes a reply as {@code POST /v1/consultations/next} receives it.
     *
     * @param request {@code {"token": T, "reply": REPLY}} as UTF-8 JSON
     * @return {@code {"token": T2, "turn": TURN}}, as {@link #reply(String, JsonNode)}
     * @throws BadRequest if the request is not JSON of that shape, or as {@link #reply(String, JsonNode)}
     * @throws dev.backupdoctor.problems.RuleFailedException if a rule fails
     */
    public String next(byte[] request) {
        JsonNode body = RequestJson.parse(request);
        RequestJson.requireObject(body, "$", REQUEST_FIELDS, REQUEST);
        for (String field : List.of("token", "reply")) {
            if (!body.has(field)) {
                throw new BadRequest("$." + field + ": missing; expected " + REQUEST);
            }
        }
        JsonNode token = body.get("token");
        if (!token.isTextual()) {
            throw new BadRequest("$.token: expected the token of the last turn, a string, was " + RequestJson.kind(token));
        }
        return reply(token.textValue(), body.get("reply"));
    }

    private Consultation resume(String token) {
        Consultation.State state = tokens.decode(token);
        try {
            return doctor.resume(state);
        } catch (IllegalArgumentException notThisPlan) {
            throw new BadRequest("$.token: " + notThisPlan.getMessage());
        }
    }

    /** The reply's one field, its value checked to be the right kind. */
    private static String move(JsonNode reply) {
        if (!reply.isObject() || reply.size() != 1) {
            throw new BadRequest("$.reply: expected " + MOVES + (reply.isObject() && reply.size() > 1
                    ? "; a reply is one move" : ", was " + (reply.isObject() ? "{}" : RequestJson.kind(reply))));
        }
        String move = reply.fieldNames().next();
        if (!MOVE_BY_FIELD.containsKey(move)) {
            throw new BadRequest("$.reply." + RequestJson.shown(move) + ": unknown move; expected " + MOVES);
        }
        JsonNode value = reply.get(move);
        if ((move.equals("skip") || move.equals("stop")) && !value.isBoolean() || value.isBoolean() && !value.booleanValue()) {
            throw new BadRequest("$.reply." + move + ": expected true, was " + (value.isBoolean() ? "false" : RequestJson.kind(value)));
        }
        return move;
    }

    private static String text(JsonNode value, String move, String expected) {
        if (!value.isTextual()) {
            throw new BadRequest("$.reply." + move + ": expected " + expected + ", was " + RequestJson.kind(value));
        }
        return value.textValue();
    }

    private String answer(Consultation consultation) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("token", tokens.encode(consultation.state()));
            out.writeObjectFieldStart("turn");
            turn(out, consultation);
            out.writeFieldName("plan");
            out.writeRawValue(plans.toJson(consultation.diagnosis()));
            out.writeFieldName("snapshot");
            out.writeRawValue(snapshots.toJsonLine(consultation.snapshot()).strip());
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.toString();
    }

    private void turn(JsonGenerator out, Consultation consultation) throws IOException {
        Consultation.Step next = consultation.next();
        if (next instanceof Consultation.Ask ask) {
            Question question = ask.question();
            out.writeStringField("type", "ask");
            out.writeObjectFieldStart("question");
            out.writeStringField("id", question.id());
            out.writeStringField("text", question.text());
            out.writeStringField("type", question.type().name());
            out.writeStringField("hint", question.hint());
            out.writeArrayFieldStart("choices");
            for (String choice : question.choices()) {
                out.writeString(choice);
            }
            out.writeEndArray();
            out.writeEndObject();
        } else if (next instanceof Consultation.Show show) {
            List<Action> ways = show.ways();
            out.writeStringField("type", "show");
            out.writeFieldName("action");
            out.writeRawValue(plans.toJson(ways.get(0)));
            out.writeArrayFieldStart("alternatives");
            for (Action alternative : ways.subList(1, ways.size())) {
                out.writeRawValue(plans.toJson(alternative));
            }
            out.writeEndArray();
        } else {
            Consultation.End end = (Consultation.End) next;
            out.writeStringField("type", "end");
            out.writeStringField("why", end.why().name());
            out.writeStringField("fixedBy", end.fixedBy().map(Action::id).orElse(null));
        }
    }
}
