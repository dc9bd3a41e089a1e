package dev.backupdoctor.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.serve.OpenApiDocument;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Main mcp} as an assistant meets it: a child JVM on this test's classpath, driven by the
 * SDK's own client over its standard input and output. The server loads a rule that prints to
 * {@code System.out} on every diagnosis, so every call also shows that nothing but the protocol
 * reaches standard output. The timeouts only keep a broken build from hanging.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerTest {

    static final Path PRINTS = Path.of("src/test/resources/hostile-rules/prints");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULL_APP_BACKUPS = "examples/snapshots/icloud-full-app-backups.json";
    private static final String WEAK_WIFI = "examples/snapshots/weak-wifi-iphone-8.json";

    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    /** The same plans as the server's, whose extra rule adds no action, without its printing. */
    private final BackupDoctor doctor = BackupDoctor.create();
    private McpSyncClient client;
    private InitializeResult initialized;

    @BeforeAll
    void startServer() {
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), "dev.backupdoctor.cli.Main", "mcp", "--rules", PRINTS.toString())
                .build();
        StdioClientTransport transport = new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(serverErrors::add);
        // Generous: the child compiles the rules before it answers, on a machine that may be busy.
        client = McpClient.sync(transport).initializationTimeout(Duration.ofMinutes(3)).requestTimeout(Duration.ofMinutes(2)).build();
        initialized = client.initialize();
    }

    @AfterAll
    void stopServer() {
        client.closeGracefully();
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    private static Map<String, Object> snapshot(String file) throws Exception {
        return Map.of("snapshot", JSON.readValue(Files.readString(Path.of(file)), Map.class));
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().get(0)).text();
    }

    /** A successful result: its text is JSON, and the structured content is the same JSON. */
    private static JsonNode answer(CallToolResult result) throws Exception {
        assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
        JsonNode json = JSON.readTree(text(result));
        assertThat((JsonNode) JSON.valueToTree(result.structuredContent())).isEqualTo(json);
        return json;
    }

    private static void assertRefused(CallToolResult result, String message) {
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo(message);
        assertThat(result.structuredContent()).isNull();
    }

    @Test
    void theHandshakeNamesTheServerAndAProtocolVersionFrom2025_06_18() {
        assertThat(initialized.protocolVersion()).isGreaterThanOrEqualTo("2025-06-18");
        assertThat(initialized.serverInfo().name()).isEqualTo("backup-doctor");
        assertThat(initialized.serverInfo().version()).isNotBlank().isNotEqualTo("(unknown version)");
        assertThat(initialized.capabilities().tools()).isNotNull();
    }

    @Test
    void theFourToolsEachRequireTheirArgumentsAndNoOthersWithTheSnapshotsGeneratedSchema() throws Exception {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactly("diagnose", "explain", "consult_start", "consult_reply");
        assertThat(tools).extracting(tool -> tool.inputSchema().get("required")).containsExactly(
                List.of("snapshot"), List.of("snapshot", "actionId"), List.of("snapshot"), List.of("token", "reply"));
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.annotations().readOnlyHint()).isTrue();
        });
        ObjectNode generated = OpenApiDocument.snapshotSchema();
        generated.remove("description");
        for (Tool tool : tools.subList(0, 3)) {
            ObjectNode snapshot = (ObjectNode) JSON.valueToTree(tool.inputSchema()).get("properties").get("snapshot");
            snapshot.remove("description");
            // As text: the same number may be read back as another kind of node.
            assertThat(snapshot.toString()).as(tool.name()).isEqualTo(generated.toString());
        }
        JsonNode reply = JSON.valueToTree(tools.get(3).inputSchema()).get("properties").get("reply");
        assertThat(reply.get("oneOf")).extracting(move -> move.get("required").get(0).asText())
                .containsExactly("answer", "skip", "fixed", "notFixed", "stop");
    }

    @Test
    void diagnoseAnswersThePlanAsStructuredContentAndAsText() throws Exception {
        DeviceSnapshot weakWifi = new SnapshotReader().read(Files.readString(Path.of(WEAK_WIFI)));

        JsonNode plan = answer(call("diagnose", snapshot(WEAK_WIFI)));

        assertThat(plan).isEqualTo(JSON.readTree(new PlanWriter().toJson(doctor.diagnose(weakWifi))));
        assertThat(plan.get("actions").get(0).get("id").asText()).isEqualTo("MOVE_CLOSER_TO_ROUTER");
    }

    @Test
    void diagnoseRefusesAnInvalidSnapshotWithTheCommandLinesMessage() {
        assertRefused(call("diagnose", Map.of("snapshot", Map.of("wifi", Map.of("signalBars", 7)))),
                "$.wifi.signalBars: must be between 0 and 3, was 7");
        assertRefused(call("diagnose", Map.of("snapshot", Map.of("wifi", Map.of("signalbars", 1)))),
                "$.wifi.signalbars: unknown field (known fields: "
                        + Stream.of(WifiStatus.class.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "))
                        + ")");
    }

    @Test
    void explainSaysWhyAnActionIsInThePlanOrNot() throws Exception {
        JsonNode inPlan = answer(call("explain", Map.of("snapshot", snapshot(WEAK_WIFI).get("snapshot"), "actionId", "MOVE_CLOSER_TO_ROUTER")));
        assertThat(inPlan.get("actionId").asText()).isEqualTo("MOVE_CLOSER_TO_ROUTER");
        assertThat(inPlan.get("inPlan").asBoolean()).isTrue();
        assertThat(inPlan.get("action").get("rule").asText()).isEqualTo("Wi-Fi signal is weak");

        JsonNode notInPlan = answer(call("explain", Map.of("snapshot", snapshot(WEAK_WIFI).get("snapshot"), "actionId", "RESTART_IPHONE")));
        assertThat(notInPlan.get("inPlan").asBoolean()).isFalse();
        assertThat(notInPlan.get("action").isNull()).isTrue();
        assertThat(notInPlan.get("reasons").get(0).asText()).contains("RESTART_IPHONE is among the remedies already tried");
    }

    @Test
    void explainRefusesAnActionNoRuleSuggests() throws Exception {
        assertRefused(call("explain", Map.of("snapshot", Map.of(), "actionId", "RESTART_IPONE")),
                "$.actionId: RESTART_IPONE is not an action any loaded rule suggests");
    }

    @Test
    void aConsultationGoesFromQuestionsThroughThePlanToTheActionThatFixedIt() throws Exception {
        Map<String, Object> known = snapshot(FULL_APP_BACKUPS);
        Consultation expected = doctor.consult(new SnapshotReader().read(Files.readString(Path.of(FULL_APP_BACKUPS))));

        JsonNode answer = answer(call("consult_start", known));
        int asked = 0;
        int shown = 0;
        while (!answer.get("turn").get("type").asText().equals("end")) {
            JsonNode turn = answer.get("turn");
            Map<String, Object> reply;
            if (turn.get("type").asText().equals("ask")) {
                assertThat(expected.next()).isInstanceOf(Consultation.Ask.class);
                assertThat(turn.get("question").get("id").asText()).isEqualTo(((Consultation.Ask) expected.next()).question().id());
                // The first question (what Back Up Now showed) answered as a person types it, the others skipped.
                String id = turn.get("question").get("id").asText();
                String said = id.equals("icloud.backupMessage") ? "\"The last backup could not be completed.\"" : "no";
                reply = asked++ == 0 ? Map.of("answer", said) : Map.of("skip", true);
                expected = asked == 1 ? expected.answer(said) : expected.skip();
            } else {
                assertThat(turn.get("type").asText()).isEqualTo("show");
                String actionId = turn.get("action").get("id").asText();
                assertThat(((Consultation.Show) expected.next()).ways().get(0).id()).isEqualTo(actionId);
                // The first action didn't fix it, the second did.
                reply = shown++ == 0 ? Map.of("notFixed", actionId) : Map.of("fixed", actionId);
                expected = shown == 1 ? expected.notFixed(actionId) : expected.fixed(actionId);
            }
            answer = answer(call("consult_reply", Map.of("token", answer.get("token").asText(), "reply", reply)));
        }

        assertThat(asked).isPositive();
        assertThat(shown).isEqualTo(2);
        Consultation.End end = (Consultation.End) expected.next();
        assertThat(end.why()).isEqualTo(Consultation.Ending.FIXED);
        assertThat(answer.get("turn").get("fixedBy").asText()).isEqualTo(end.fixedBy().orElseThrow().id());
    }

    @Test
    void consultReplyRefusesATokenThatIsNotOneAndAReplyThatIsNoMove() throws Exception {
        String token = answer(call("consult_start", Map.of("snapshot", Map.of()))).get("token").asText();

        assertThat(call("consult_reply", Map.of("token", token + "x", "reply", Map.of("skip", true))).isError()).isTrue();
        assertRefused(call("consult_reply", Map.of("token", token, "reply", Map.of("skip", false))),
                "$.reply.skip: expected true, was false");
    }

    @Test
    void whatARulePrintsGoesToStandardErrorAndNothingIsLoggedForRefusedCalls() throws Exception {
        answer(call("diagnose", Map.of("snapshot", Map.of())));
        assertRefused(call("diagnose", Map.of()), "$.snapshot: missing; diagnose takes snapshot");

        // The client's reader of the child's standard error runs on its own thread: wait for the printed line.
        while (!serverErrors.contains("printed by a rule")) {
            Thread.sleep(10);
        }
        assertThat(serverErrors).containsOnly("printed by a rule");
    }
}
