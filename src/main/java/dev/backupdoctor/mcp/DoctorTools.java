package dev.backupdoctor.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.serve.BadRequest;
import dev.backupdoctor.serve.ConsultationJson;
import dev.backupdoctor.serve.ExplanationJson;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four tools, on one doctor. Each answers with JSON, as structured content and as the same
 * text; a call the tool can't answer gets a result marked as an error whose text says why, in the
 * command line's words, never a protocol error.
 */
final class DoctorTools {

    private static final Logger LOG = LoggerFactory.getLogger(DoctorTools.class);
    /** Longer than any action's id, the catalog's longest being 25 characters; as {@code explain} takes. */
    private static final int MAX_ACTION_ID_CHARS = 100;

    private final BackupDoctor doctor;
    private final JacksonMcpJsonMapper json;
    private final ObjectMapper mapper;
    private final SnapshotReader reader = new SnapshotReader();
    private final PlanWriter plans = new PlanWriter();
    private final ExplanationJson explanations = new ExplanationJson();
    private final ConsultationJson consultations;

    DoctorTools(BackupDoctor doctor, JacksonMcpJsonMapper json) {
        this.doctor = doctor;
        this.json = json;
        this.mapper = json.getObjectMapper();
        this.consultations = new ConsultationJson(doctor);
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("diagnose", "Diagnose an iPhone's iCloud backup",
                        "Works out why an iPhone won't back up to iCloud and what to do, in what order: the plan for a device"
                                + " snapshot. Each action is a FIX (the facts show a cause), a CHECK (something unknown to verify)"
                                + " or a TRY (a general remedy), with instructions, the reason and any caution; healthy is true"
                                + " when nothing needs fixing or checking.",
                        InputSchemas.snapshotOnly(), this::diagnose),
                tool("explain", "Explain an action of the plan",
                        "Why an action is in the snapshot's plan (the rule that produced it and the facts it matched), or why"
                                + " not (which condition of which rule was false or unknown, or which rule took it out).",
                        InputSchemas.explain(), this::explain),
                tool("consult_start", "Start a consultation",
                        "Starts talking a person through it, from what the snapshot knows: returns a token and the first turn,"
                                + " a question to ask (type ask), an action to show and ask whether it fixed the backup"
                                + " (type show), or the end (type end). Pass the token and the person's reply to consult_reply.",
                        InputSchemas.snapshotOnly(), this::consultStart),
                tool("consult_reply", "Continue a consultation",
                        "Takes the person's reply to the last turn and returns a new token and the next turn. The reply is one of"
                                + " {\"answer\": TEXT} to a question, {\"skip\": true}, {\"fixed\": ACTION_ID} or {\"notFixed\":"
                                + " ACTION_ID} after an action was shown, or {\"stop\": true}. The token carries the whole"
                                + " consultation: keep only the latest.",
                        InputSchemas.consultReply(), this::consultReply));
    }

    private String diagnose(Map<String, Object> arguments) {
        Arguments given = Arguments.of("diagnose", arguments, List.of("snapshot"));
        return plans.toJson(doctor.diagnose(snapshot(given)));
    }

    private String explain(Map<String, Object> arguments) {
        Arguments given = Arguments.of("explain", arguments, List.of("snapshot", "actionId"));
        String actionId = given.string("actionId");
        if (!DeviceSnapshot.isActionId(actionId)) {
            throw new ToolFailure("$.actionId: must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"" + Arguments.cut(actionId) + "\"");
        }
        if (actionId.length() > MAX_ACTION_ID_CHARS) {
            throw new ToolFailure(String.format("$.actionId: must be at most %d characters, was \"%s\" (%,d characters)",
                    MAX_ACTION_ID_CHARS, Arguments.cut(actionId), actionId.length()));
        }
        DeviceSnapshot snapshot = snapshot(given);
        if (!doctor.proposes(actionId)) {
            throw new ToolFailure("$.actionId: " + actionId + " is not an action any loaded rule suggests");
        }
        return explanations.toJson(doctor.explain(snapshot, actionId));
    }

    private String consultStart(Map<String, Object> arguments) {
        Arguments given = Arguments.of("consult_start", arguments, List.of("snapshot"));
        return consultations.start(snapshot(given));
    }

    private String consultReply(Map<String, Object> arguments) {
        Arguments given = Arguments.of("consult_reply", arguments, List.of("token", "reply"));
        return consultations.reply(given.string("token"), mapper.valueToTree(given.value("reply")));
    }

    /** The snapshot argument, read by the reader the command line uses, from the JSON the call held. */
    private DeviceSnapshot snapshot(Arguments given) {
        try {
            return reader.read(mapper.writeValueAsBytes(given.value("snapshot")));
        } catch (JsonProcessingException cannotHappen) {
            // Written from what Jackson itself parsed.
            throw new IllegalStateException(cannotHappen);
        }
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> inputSchema,
            Function<Map<String, Object>, String> answer) {
        Tool tool = Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema)
                .annotations(ToolAnnotations.builder().readOnlyHint(true).idempotentHint(true).openWorldHint(false).build())
                .build();
        return new SyncToolSpecification(tool, (exchange, request) -> call(name, answer, request.arguments()));
    }

    private CallToolResult call(String name, Function<Map<String, Object>, String> answer, Map<String, Object> arguments) {
        String result;
        try {
            result = answer.apply(arguments);
        } catch (ToolFailure | InvalidSnapshotException | BadRequest | RuleFailedException refused) {
            return failure(refused.getMessage());
        } catch (RuntimeException fault) {
            // One line, as the command line reports an unexpected error; the stack trace at debug level.
            LOG.error("{} failed unexpectedly: {}", name, fault.toString());
            LOG.debug("{} failed unexpectedly", name, fault);
            return failure("unexpected error in " + name + "; the server's log (standard error) has the details");
        }
        return CallToolResult.builder().structuredContent(json, result).addTextContent(result).build();
    }

    private static CallToolResult failure(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
