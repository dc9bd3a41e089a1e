package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.Question;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The HTTP API described as an OpenAPI 3.1 document, served at {@code GET /openapi.json} for
 * help-desk tools to import: every operation, its request body, its answer and each error it can
 * give. The snapshot's schema is generated from the one the reader enforces
 * ({@link SnapshotJsonSchema}); the plan's follows what {@link dev.backupdoctor.json.PlanWriter}
 * writes, which a test checks against every example.
 */
public final class OpenApiDocument {

    /** The media type of JSON Lines that {@code POST /v1/report} takes besides {@code application/json}. */
    static final String NDJSON = "application/x-ndjson";
    /** The most bytes {@code POST /v1/report} takes. */
    static final long MAX_REPORT_BYTES = 64L << 20;
    /** The most bytes {@code POST /v1/consultations/next} takes: the longest token, and room for the reply. */
    static final long MAX_REPLY_BYTES = ConsultationToken.MAX_CHARS + 64 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";

    private static final ObjectNode DOCUMENT = build();
    private static final String TEXT = text(DOCUMENT);

    private OpenApiDocument() {
    }

    /**
     * The document as JSON text, built once.
     *
     * @return the OpenAPI 3.1 document, one line of UTF-8 JSON
     */
    public static String json() {
        return TEXT;
    }

    /**
     * The snapshot's JSON Schema (draft 2020-12), self-contained, as the OpenAPI document and the
     * MCP tools' input schemas use it.
     *
     * @return a fresh copy, which the caller may change
     */
    public static ObjectNode snapshotSchema() {
        return SnapshotJsonSchema.snapshot();
    }

    /** A fresh copy of the whole document, for tests to read and alter. */
    static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Backup Doctor");
        info.put("version", version());
        info.put("description", "Works out why an iPhone won't back up to iCloud and what to do about it, in what order."
                + " Give it what you know about the iPhone (a snapshot: whatever you leave out counts as unknown) and it"
                + " returns a plan of FIX, CHECK and TRY actions. Every error is {\"error\": MESSAGE}; no answer holds a"
                + " stack trace.");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");

        ObjectNode paths = document.putObject("paths");
        paths.putObject("/healthz").set("get", operation("health", "Whether the server is up", null, jsonAnswer("Health"),
                "405"));
        paths.putObject("/openapi.json").set("get", operation("openApi", "This document", null,
                answer("The OpenAPI 3.1 document of this API", JSON, NODES.objectNode().put("type", "object")), "405"));
        paths.putObject("/").set("get", operation("consultPage", "The consult page for support staff", null,
                answer("One self-contained HTML page: nothing is fetched from elsewhere", "text/html",
                        NODES.objectNode().put("type", "string")), "405"));
        paths.putObject("/v1/diagnose").set("post", operation("diagnose", "The plan for a snapshot",
                jsonBody("Snapshot", SnapshotReader.MAX_BYTES), jsonAnswer("Plan"), "400", "405", "413", "415", "503", "500"));
        ObjectNode explain = operation("explain", "Why an action is in the plan, or why not",
                jsonBody("Snapshot", SnapshotReader.MAX_BYTES), jsonAnswer("Explanation"), "400", "404", "405", "413", "415", "503", "500");
        ObjectNode actionId = explain.putArray("parameters").addObject();
        actionId.put("name", "actionId").put("in", "path").put("required", true)
                .put("description", "The action asked about, such as MOVE_CLOSER_TO_ROUTER; an id no loaded rule proposes is a 404.");
        actionId.set("schema", actionIdSchema());
        paths.putObject("/v1/explain/{actionId}").set("post", explain);
        paths.putObject("/v1/report").set("post", operation("report", "The fleet at a glance, from JSON Lines of snapshots",
                reportBody(), jsonAnswer("Report"), "405", "413", "415"));
        paths.putObject("/v1/consultations").set("post", operation("consultStart",
                "Starts a consultation: the first turn, and the token that carries the consultation",
                jsonBody("Snapshot", SnapshotReader.MAX_BYTES), jsonAnswer("ConsultationTurn"), "400", "405", "413", "415", "503", "500"));
        paths.putObject("/v1/consultations/next").set("post", operation("consultReply",
                "The person's reply to the last turn: the next turn, and the token to send with the reply to it",
                jsonBody("ConsultationReply", MAX_REPLY_BYTES), jsonAnswer("ConsultationTurn"), "400", "405", "413", "415", "503", "500"));

        ObjectNode components = document.putObject("components");
        components.set("schemas", schemas());
        components.set("responses", errors());
        return document;
    }

    private static ObjectNode operation(String id, String summary, ObjectNode body, ObjectNode ok, String... errors) {
        ObjectNode operation = NODES.objectNode();
        operation.put("operationId", id);
        operation.put("summary", summary);
        if (body != null) {
            operation.set("requestBody", body);
        }
        ObjectNode responses = operation.putObject("responses");
        responses.set("200", ok);
        for (String status : errors) {
            responses.putObject(status).put("$ref", "#/components/responses/" + status);
        }
        responses.putObject("default").put("$ref", "#/components/responses/default");
        return operation;
    }

    private static ObjectNode jsonBody(String schema, long maxBytes) {
        ObjectNode body = NODES.objectNode();
        body.put("required", true);
        body.put("description", "UTF-8 JSON, at most " + maxBytes + " bytes.");
        body.putObject("content").putObject(JSON).set("schema", ref(schema));
        return body;
    }

    private static ObjectNode reportBody() {
        ObjectNode body = NODES.objectNode();
        body.put("required", true);
        body.put("description", "JSON Lines: one snapshot (a Snapshot object) a line. A line that is not a valid"
                + " snapshot, or whose diagnosis fails, is counted as invalid, never refused. UTF-8, at most " + MAX_REPORT_BYTES + " bytes.");
        ObjectNode lines = NODES.objectNode().put("type", "string");
        ObjectNode content = body.putObject("content");
        content.putObject(NDJSON).set("schema", lines);
        content.putObject(JSON).set("schema", lines.deepCopy());
        return body;
    }

    private static ObjectNode jsonAnswer(String schema) {
        return answer(schema, JSON, ref(schema));
    }

    private static ObjectNode answer(String description, String mediaType, ObjectNode schema) {
        ObjectNode answer = NODES.objectNode();
        answer.put("description", description);
        answer.putObject("content").putObject(mediaType).set("schema", schema);
        return answer;
    }

    private static ObjectNode errors() {
        ObjectNode errors = NODES.objectNode();
        error(errors, "400", "Malformed JSON, an invalid snapshot, reply or token. The message is the command line's,"
                + " naming the JSON path: \"$.wifi.signalBars: must be between 0 and 3, was 7\".");
        error(errors, "404", "No such path, or an action id that no loaded rule proposes.");
        error(errors, "405", "The path exists, but not with this method.");
        error(errors, "413", "The body is over the limit: " + SnapshotReader.MAX_BYTES + " bytes for a snapshot, "
                + MAX_REPLY_BYTES + " bytes for a reply with its token, " + MAX_REPORT_BYTES + " bytes for a report.");
        error(errors, "415", "The body is not application/json (for a report, nor application/x-ndjson).");
        error(errors, "503", "A rule ran past the server's time limit (--time-limit).");
        error(errors, "500", "A fault of the server, or of a rule it loaded.");
        error(errors, "default", "Refused before reaching the operation: 408 for a body that stopped arriving, 414 for a"
                + " path too long, 431 for headers too large; or 503 while the server stops, 500 for a fault of the server.");
        return errors;
    }

    private static void error(ObjectNode errors, String status, String description) {
        errors.set(status, answer(description, JSON, ref("Error")));
    }

    private static ObjectNode schemas() {
        ObjectNode schemas = NODES.objectNode();
        schemas.set("Snapshot", SnapshotJsonSchema.snapshot());
        schemas.set("Plan", plan());
        schemas.set("Action", action());
        schemas.set("Evidence", evidence());
        schemas.set("Explanation", explanation());
        schemas.set("Report", report());
        schemas.set("ConsultationTurn", consultationTurn());
        schemas.set("Turn", turn());
        schemas.set("AskTurn", askTurn());
        schemas.set("ShowTurn", showTurn());
        schemas.set("EndTurn", endTurn());
        schemas.set("ConsultationReply", consultationReply());
        schemas.set("Reply", reply());
        schemas.set("Health", closedObject("status", NODES.objectNode().put("type", "string").put("const", "ok")));
        schemas.set("Error", closedObject("error", NODES.objectNode().put("type", "string")
                .put("description", "What is wrong and where, in one line")));
        return schemas;
    }

    private static ObjectNode plan() {
        ObjectNode plan = closedObject(
                "id", nullable("string").put("description", "The snapshot's id, null when it has none"),
                "healthy", NODES.objectNode().put("type", "boolean")
                        .put("description", "No FIX, no CHECK, and the last backup is not stale"),
                "actions", arrayOf(ref("Action")).put("description", "Every FIX, then every CHECK, then every TRY"));
        plan.put("description", "The plan: what to do, in what order.");
        return plan;
    }

    private static ObjectNode action() {
        ObjectNode kind = enumOf(Kind.values());
        kind.put("description", "FIX: the facts show a cause. CHECK: a fact this step depends on is unknown."
                + " TRY: a general remedy, in escalation order.");
        return closedObject(
                "id", actionIdSchema(),
                "kind", kind,
                "step", nullable("integer").put("minimum", 1).put("maximum", 9)
                        .put("description", "The troubleshooting article's step, null for none"),
                "title", NODES.objectNode().put("type", "string"),
                "instructions", arrayOf(NODES.objectNode().put("type", "string")).put("minItems", 1),
                "reason", NODES.objectNode().put("type", "string"),
                "caution", nullable("string"),
                "alternativeTo", nullable("string").put("pattern", SnapshotJsonSchema.ACTION_ID_PATTERN)
                        .put("description", "The action in the same plan this one is another way to do"),
                "rule", nullable("string").put("description", "The rule that proposed it"),
                "because", arrayOf(ref("Evidence")).put("description", "The facts that rule matched"));
    }

    private static ObjectNode evidence() {
        ObjectNode value = NODES.objectNode();
        value.set("type", NODES.arrayNode().add("boolean").add("integer").add("string").add("null"));
        return closedObject(
                "field", NODES.objectNode().put("type", "string").put("description", "Such as wifi.signalBars"),
                "value", value);
    }

    /** What {@link ExplanationJson} writes. */
    private static ObjectNode explanation() {
        ObjectNode explanation = closedObject(
                "actionId", actionIdSchema(),
                "inPlan", NODES.objectNode().put("type", "boolean"),
                "action", oneOf(ref("Action"), NODES.objectNode().put("type", "null"))
                        .put("description", "The action as the plan lists it; null when it is not in the plan"),
                "reasons", arrayOf(NODES.objectNode().put("type", "string"))
                        .put("description", "Why it is in the plan, or why not: which condition of which rule was false"
                                + " or unknown, or which rule took it out; one sentence each"));
        explanation.put("description", "Why an action is in the plan, or why not.");
        return explanation;
    }

    private static ObjectNode report() {
        ObjectNode count = NODES.objectNode().put("type", "integer").put("minimum", 0);
        ObjectNode ages = closedObject("0-1", count, "2-6", count, "7-13", count, "14+", count, "unknown", count);
        ages.put("description", "The valid snapshots by icloud.lastBackupDaysAgo");
        ObjectNode actionCount = closedObject("id", actionIdSchema(), "FIX", count, "CHECK", count, "TRY", count);
        return closedObject(
                "devices", count.deepCopy().put("description", "Valid snapshots"),
                "invalid", count.deepCopy().put("description", "Invalid lines"),
                "healthy", count.deepCopy().put("description", "Healthy plans"),
                "backupAge", ages,
                "atRisk", count.deepCopy().put("description", "Valid snapshots whose icloud.lastBackupDaysAgo is 150 or more:"
                        + " Apple may delete a device's iCloud backups after 180 days without a backup"),
                "actions", arrayOf(actionCount).put("description", "For each action id in any plan, in how many plans it"
                        + " is a FIX, a CHECK or a TRY"));
    }

    private static ObjectNode consultationTurn() {
        return closedObject(
                "token", token(),
                "turn", ref("Turn"));
    }

    /** What {@link ConsultationJson} writes: one of three turns, told apart by {@code type}. */
    private static ObjectNode turn() {
        ObjectNode turn = oneOf(ref("AskTurn"), ref("ShowTurn"), ref("EndTurn"));
        ObjectNode discriminator = turn.putObject("discriminator").put("propertyName", "type");
        discriminator.putObject("mapping").put("ask", SCHEMAS + "AskTurn").put("show", SCHEMAS + "ShowTurn")
                .put("end", SCHEMAS + "EndTurn");
        turn.put("description", "What to do now: ask a question, show an action (and the other ways to the same end),"
                + " or the end. Every turn also has the plan for what is known now and the snapshot learned so far.");
        return turn;
    }

    private static ObjectNode askTurn() {
        ObjectNode question = closedObject(
                "id", NODES.objectNode().put("type", "string")
                        .put("description", "The snapshot field it asks about, as a path: wifi.connected"),
                "text", NODES.objectNode().put("type", "string"),
                "type", enumOf(Question.Type.values()).put("description", "What kind of reply it takes"),
                "hint", NODES.objectNode().put("type", "string").put("description", "How to reply: \"yes or no\""),
                "choices", arrayOf(NODES.objectNode().put("type", "string"))
                        .put("description", "The accepted replies of a CHOICE question; empty for the others"));
        return turnOf("ask", "question", question);
    }

    private static ObjectNode showTurn() {
        ObjectNode turn = turnOf("show", "action", ref("Action"));
        ((ObjectNode) turn.get("properties")).set("alternatives", arrayOf(ref("Action"))
                .put("description", "Other ways to the same end: the person needs only one"));
        ((ArrayNode) turn.get("required")).add("alternatives");
        return turn;
    }

    private static ObjectNode endTurn() {
        ObjectNode turn = turnOf("end", "why", enumOf(Consultation.Ending.values()));
        ((ObjectNode) turn.get("properties")).set("fixedBy", nullable("string").put("pattern", SnapshotJsonSchema.ACTION_ID_PATTERN)
                .put("description", "The action that fixed the backup, when why is FIXED"));
        ((ArrayNode) turn.get("required")).add("fixedBy");
        return turn;
    }

    /** A turn of this type with one field of its own, then the plan and the snapshot every turn has. */
    private static ObjectNode turnOf(String type, String field, ObjectNode schema) {
        return closedObject(
                "type", NODES.objectNode().put("type", "string").put("const", type),
                field, schema,
                "plan", ref("Plan"),
                "snapshot", ref("Snapshot"));
    }

    private static ObjectNode consultationReply() {
        return closedObject(
                "token", token(),
                "reply", ref("Reply"));
    }

    private static ObjectNode reply() {
        ObjectNode reply = NODES.objectNode();
        ArrayNode moves = reply.putArray("oneOf");
        moves.add(closedObject("answer", NODES.objectNode().put("type", "string").put("maxLength", Consultation.MAX_REPLY_CHARS)));
        moves.add(closedObject("skip", NODES.objectNode().put("const", true)));
        moves.add(closedObject("fixed", actionIdSchema()));
        moves.add(closedObject("notFixed", actionIdSchema()));
        moves.add(closedObject("stop", NODES.objectNode().put("const", true)));
        reply.put("description", "An answer to the question asked; skip it or the action shown; the action shown fixed"
                + " the backup, or not; or stop.");
        return reply;
    }

    private static ObjectNode token() {
        return NODES.objectNode().put("type", "string").put("pattern", "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")
                .put("maxLength", ConsultationToken.MAX_CHARS)
                .put("description", "The whole consultation so far, signed, for the reply to this turn: the server keeps"
                        + " nothing, so any instance can go on with it. An altered token is refused.");
    }

    private static ObjectNode actionIdSchema() {
        return NODES.objectNode().put("type", "string").put("pattern", SnapshotJsonSchema.ACTION_ID_PATTERN);
    }

    private static ObjectNode ref(String schema) {
        return NODES.objectNode().put("$ref", SCHEMAS + schema);
    }

    private static ObjectNode oneOf(ObjectNode... schemas) {
        ObjectNode oneOf = NODES.objectNode();
        oneOf.putArray("oneOf").addAll(List.of(schemas));
        return oneOf;
    }

    private static ObjectNode enumOf(Enum<?>... constants) {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode names = schema.putArray("enum");
        for (Enum<?> constant : constants) {
            names.add(constant.name());
        }
        return schema;
    }

    private static ObjectNode nullable(String type) {
        ObjectNode schema = NODES.objectNode();
        schema.set("type", NODES.arrayNode().add(type).add("null"));
        return schema;
    }

    private static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode array = NODES.objectNode().put("type", "array");
        array.set("items", items);
        return array;
    }

    /** An object with exactly these properties, every one required: {@code name, schema, name, schema, ...}. */
    private static ObjectNode closedObject(Object... namesAndSchemas) {
        ObjectNode object = NODES.objectNode().put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = object.putArray("required");
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.set((String) namesAndSchemas[i], (ObjectNode) namesAndSchemas[i + 1]);
            required.add((String) namesAndSchemas[i]);
        }
        object.put("additionalProperties", false);
        return object;
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream version = OpenApiDocument.class.getResourceAsStream("/dev/backupdoctor/cli/version.properties")) {
            if (version != null) {
                properties.load(version);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    private static String text(ObjectNode document) {
        try {
            return new ObjectMapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a tree of nodes can't fail", e);
        }
    }
}
