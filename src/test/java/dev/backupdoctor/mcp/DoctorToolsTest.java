package dev.backupdoctor.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a tool refuses a call, in process: a result marked as an error, with one line saying what and where. */
class DoctorToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SyncToolSpecification> TOOLS =
            new DoctorTools(BackupDoctor.create(), new JacksonMcpJsonMapper(JSON)).specifications();
    private static final Map<String, Object> WEAK_WIFI = Map.of("wifi", Map.of("enabled", true, "connected", true, "signalBars", 1));

    private static CallToolResult call(List<SyncToolSpecification> tools, String tool, Map<String, Object> arguments) {
        SyncToolSpecification specification = tools.stream().filter(spec -> spec.tool().name().equals(tool)).findFirst().orElseThrow();
        return specification.callHandler().apply(null, new CallToolRequest(tool, arguments));
    }

    private static CallToolResult call(String tool, Map<String, Object> arguments) {
        return call(TOOLS, tool, arguments);
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().get(0)).text();
    }

    private static void assertRefused(CallToolResult result, String message) {
        assertThat(text(result)).isEqualTo(message);
        assertThat(result.isError()).isTrue();
        assertThat(result.structuredContent()).isNull();
    }

    private static JsonNode answer(CallToolResult result) throws Exception {
        assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
        JsonNode json = JSON.readTree(text(result));
        assertThat((JsonNode) JSON.valueToTree(result.structuredContent())).isEqualTo(json);
        return json;
    }

    @Test
    void anArgumentTheToolDoesNotTakeIsRefusedNamingWhatItTakes() {
        assertRefused(call("diagnose", Map.of("snapshot", Map.of(), "snapshots", Map.of())),
                "$.snapshots: unknown argument; diagnose takes snapshot");
        assertRefused(call("explain", Map.of("snapshot", Map.of(), "actionId", "UPDATE_IOS", "action id", 1)),
                "$[\"action id\"]: unknown argument; explain takes snapshot and actionId");
        assertRefused(call("consult_start", Map.of("snapshot", Map.of(), "x".repeat(100), 1)),
                "$[\"" + "x".repeat(60) + "\"...]: unknown argument; consult_start takes snapshot");
    }

    @Test
    void aMissingOrNullArgumentIsRefused() {
        assertRefused(call("diagnose", null), "$.snapshot: missing; diagnose takes snapshot");
        Map<String, Object> nullSnapshot = new HashMap<>();
        nullSnapshot.put("snapshot", null);
        assertRefused(call("diagnose", nullSnapshot), "$.snapshot: missing; diagnose takes snapshot");
        assertRefused(call("explain", Map.of("actionId", "UPDATE_IOS")), "$.snapshot: missing; explain takes snapshot and actionId");
        assertRefused(call("explain", Map.of("snapshot", Map.of())), "$.actionId: missing; explain takes snapshot and actionId");
        assertRefused(call("consult_reply", Map.of("token", "t")), "$.reply: missing; consult_reply takes token and reply");
    }

    @Test
    void anInvalidSnapshotIsRefusedWithTheCommandLinesMessage() {
        assertRefused(call("diagnose", Map.of("snapshot", List.of())), "$: the snapshot must be a JSON object, was an array");
        assertRefused(call("consult_start", Map.of("snapshot", "{}")), "$: the snapshot must be a JSON object, was \"{}\"");
        assertRefused(call("diagnose", Map.of("snapshot", Map.of("power", Map.of("cable", "apple")))),
                "$.power.cable: must be one of APPLE, THIRD_PARTY, UNKNOWN, was \"apple\"");
        assertRefused(call("explain", Map.of("snapshot", Map.of("tried", List.of("restart")), "actionId", "UPDATE_IOS")),
                "$.tried[0]: must be an action id in UPPER_SNAKE_CASE such as \"RESTART_IPHONE\", was \"restart\"");
        assertRefused(call("diagnose", Map.of("snapshot", Map.of("device", Map.of("model", "x".repeat(dev.backupdoctor.json.SnapshotReader.MAX_STRING_CHARS + 1))))),
                "$.device.model: string too long: 65537 characters, the limit is 65536");
    }

    @Test
    void anActionIdIsCheckedAsExplainChecksIt() {
        assertRefused(call("explain", Map.of("snapshot", WEAK_WIFI, "actionId", 7)), "$.actionId: must be a string, was a number");
        assertRefused(call("explain", Map.of("snapshot", WEAK_WIFI, "actionId", "restart")),
                "$.actionId: must be UPPER_SNAKE_CASE, like RESTART_IPHONE, was \"restart\"");
        assertRefused(call("explain", Map.of("snapshot", WEAK_WIFI, "actionId", "A".repeat(101))),
                "$.actionId: must be at most 100 characters, was \"" + "A".repeat(60) + "…\" (101 characters)");
        assertRefused(call("explain", Map.of("snapshot", WEAK_WIFI, "actionId", "RESTART_IPONE")),
                "$.actionId: RESTART_IPONE is not an action any loaded rule suggests");
    }

    @Test
    void aTokenOrAReplyThatIsNotOneIsRefused() throws Exception {
        String token = answer(call("consult_start", Map.of("snapshot", WEAK_WIFI))).get("token").asText();

        assertRefused(call("consult_reply", Map.of("token", 42, "reply", Map.of("skip", true))), "$.token: must be a string, was a number");
        assertRefused(call("consult_reply", Map.of("token", "x" + token, "reply", Map.of("skip", true))),
                "$.token: not a consultation token, or it was altered");
        assertRefused(call("consult_reply", Map.of("token", token, "reply", "yes")),
                "$.reply: expected one of {\"answer\": TEXT}, {\"skip\": true}, {\"fixed\": ID}, {\"notFixed\": ID}, {\"stop\": true}, was a string");
        assertRefused(call("consult_reply", Map.of("token", token, "reply", Map.of("fixed", "RESTART_IPHONE"))),
                "$.reply.fixed: the consultation can't take that now: a question is asked");
    }

    @Test
    void aReplyMovesTheConsultationOn() throws Exception {
        JsonNode started = answer(call("consult_start", Map.of("snapshot", WEAK_WIFI)));
        JsonNode stopped = answer(call("consult_reply", Map.of("token", started.get("token").asText(), "reply", Map.of("stop", true))));

        assertThat(stopped.get("turn").get("type").asText()).isEqualTo("end");
        assertThat(stopped.get("turn").get("why").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("turn").get("fixedBy").isNull()).isTrue();
    }

    @Test
    void aRuleThatFailsIsAnErrorResultNamingIt() {
        String rules = "src/test/resources/hostile-rules/throws";
        List<SyncToolSpecification> tools = new DoctorTools(BackupDoctor.builder().addRules(Path.of(rules)).build(),
                new JacksonMcpJsonMapper(JSON)).specifications();

        assertRefused(call(tools, "diagnose", Map.of("snapshot", WEAK_WIFI)),
                "rule \"Throw on weak Wi-Fi\" (" + rules + "/throws.drl:5) failed: IllegalStateException: boom");
    }

    @Test
    void aFaultOfTheServerIsAnErrorResultPointingToTheLog() {
        // No JSON-RPC message can hold an Object; a call in process can, and nothing in the server expects it.
        assertRefused(call("diagnose", Map.of("snapshot", new Object())),
                "unexpected error in diagnose; the server's log (standard error) has the details");
    }
}
