package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of {@code serve} and every status it answers, with its message, through a real HTTP client. */
class ServeTest {

    static final Path RULES = Path.of("src/test/resources/hostile-rules");
    static final String WEAK_WIFI = "examples/snapshots/weak-wifi-iphone-8.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMinutes(1)).build();
    private static HttpServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(Run.DOCTOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(HttpServer server, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET());
    }

    static HttpResponse<String> post(HttpServer server, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static HttpResponse<String> post(HttpServer server, String path, String json) throws IOException, InterruptedException {
        return post(server, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The answer is JSON and is {@code {"error": message}} with that status. */
    static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.createObjectNode().put("error", message));
    }

    private static String snapshot(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    @Test
    void healthz() throws Exception {
        HttpResponse<String> response = get(server, "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\": \"ok\"}"));
    }

    @Test
    void diagnoseAnswersThePlanAsDiagnoseFormatJsonPrintsIt() throws Exception {
        HttpResponse<String> response = post(server, "/v1/diagnose", snapshot(WEAK_WIFI));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(Run.of("", "diagnose", WEAK_WIFI, "--format", "json").out().strip());
        assertThat(response.body()).isEqualTo(new PlanWriter().toJson(Run.DOCTOR.diagnose(new SnapshotReader().read(snapshot(WEAK_WIFI)))));
    }

    @Test
    void anInvalidSnapshotIs400WithTheCommandLinesMessage() throws Exception {
        String invalid = "{\"wifi\": {\"signalBars\": 7}}";
        String malformed = "{\"wifi\": {\"signalBars\": 1}";

        assertError(post(server, "/v1/diagnose", invalid), 400, "$.wifi.signalBars: must be between 0 and 3, was 7");
        assertError(post(server, "/v1/diagnose", malformed), 400, Run.of(malformed, "diagnose").err().strip());
        assertError(post(server, "/v1/consultations", invalid), 400, "$.wifi.signalBars: must be between 0 and 3, was 7");
        assertError(post(server, "/v1/explain/BACK_UP_NOW", "[]"), 400, Run.of("[]", "diagnose").err().strip());
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertError(get(server, "/v1/nothing"), 404, "no such path: /v1/nothing; GET /openapi.json lists the paths");
        assertError(post(server, "/v1/diagnose/more", "{}"), 404, "no such path: /v1/diagnose/more; GET /openapi.json lists the paths");
    }

    @Test
    void aWrongMethodIs405NamingTheOneAllowed() throws Exception {
        HttpResponse<String> response = get(server, "/v1/diagnose");

        assertError(response, 405, "GET /v1/diagnose: method not allowed; allowed: POST");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertError(post(server, "/healthz", "{}"), 405, "POST /healthz: method not allowed; allowed: GET");
    }

    @Test
    void anotherContentTypeIs415() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertError(post(server, "/v1/diagnose", "text/plain", body), 415,
                "Content-Type text/plain is not accepted here; expected application/json");
        assertError(post(server, "/v1/diagnose", null, body), 415, "no Content-Type; expected application/json");
        assertError(post(server, "/v1/consultations", "application/json; charset=ISO-8859-1", body), 415,
                "Content-Type application/json; charset=iso-8859-1 is not accepted here; the body must be UTF-8");
        assertError(post(server, "/v1/report", "text/csv", body), 415,
                "Content-Type text/csv is not accepted here; expected application/x-ndjson or application/json");
        assertThat(post(server, "/v1/diagnose", "Application/JSON; charset=utf-8", body).statusCode()).isEqualTo(200);
    }

    @Test
    void aSnapshotOverTheLimitIs413() throws Exception {
        byte[] huge = new byte[SnapshotReader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertError(post(server, "/v1/diagnose", "application/json", huge), 413,
                "$: snapshot is " + (SnapshotReader.MAX_BYTES + 1) + " bytes, the limit is " + SnapshotReader.MAX_BYTES);
        byte[] atTheLimit = java.util.Arrays.copyOf(huge, SnapshotReader.MAX_BYTES);
        atTheLimit[0] = '{';
        atTheLimit[atTheLimit.length - 1] = '}';
        assertThat(post(server, "/v1/diagnose", "application/json", atTheLimit).statusCode()).isEqualTo(200);
    }

    @Test
    void explainAnswersWhyAndAnUnknownActionIs404() throws Exception {
        HttpResponse<String> response = post(server, "/v1/explain/MOVE_CLOSER_TO_ROUTER", snapshot(WEAK_WIFI));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode explanation = JSON.readTree(response.body());
        assertThat(explanation.get("actionId").textValue()).isEqualTo("MOVE_CLOSER_TO_ROUTER");
        assertThat(explanation.get("inPlan").booleanValue()).isTrue();
        assertThat(explanation.get("action").get("id").textValue()).isEqualTo("MOVE_CLOSER_TO_ROUTER");
        assertThat(String.join("\n", JSON.convertValue(explanation.get("reasons"), String[].class)))
                .isEqualTo(Run.of("", "explain", WEAK_WIFI, "MOVE_CLOSER_TO_ROUTER").out().strip());
        JsonNode notInPlan = JSON.readTree(post(server, "/v1/explain/UPGRADE_ICLOUD_STORAGE", snapshot(WEAK_WIFI)).body());
        assertThat(notInPlan.get("inPlan").booleanValue()).isFalse();
        assertThat(notInPlan.get("action").isNull()).isTrue();

        assertError(post(server, "/v1/explain/MOVE_CLOSER", "{}"), 404, "action MOVE_CLOSER: not an action any loaded rule suggests");
    }

    @Test
    void reportAnswersWhatReportFormatJsonPrints() throws Exception {
        // Part of the bundled fleet, its invalid lines included: enough to show the tally, quick to diagnose.
        byte[] fleet = (String.join("\n", Files.readAllLines(Path.of("examples/snapshots/fleet.jsonl")).subList(0, 400)) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(server, "/v1/report", "application/x-ndjson", fleet);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Run.of(fleet, "report", "--format", "json").out());
        assertThat(post(server, "/v1/report", "application/json", fleet).body()).isEqualTo(response.body());
    }

    @Test
    void aConsultationGoesOnOnAnotherInstanceWithItsToken() throws Exception {
        JsonNode started = JSON.readTree(post(server, "/v1/consultations", "{}").body());
        assertThat(started.get("turn").get("type").textValue()).isEqualTo("ask");
        String reply = "{\"token\": \"" + started.get("token").textValue() + "\", \"reply\": {\"answer\": \"outage\"}}";

        try (HttpServer another = Servers.start(BackupDoctor.create())) {
            HttpResponse<String> there = post(another, "/v1/consultations/next", reply);
            HttpResponse<String> here = post(server, "/v1/consultations/next", reply);

            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).isEqualTo(here.body());
            JsonNode turn = JSON.readTree(there.body()).get("turn");
            assertThat(turn.get("snapshot")).isEqualTo(JSON.readTree("{\"service\": {\"icloudBackup\": \"OUTAGE\"}}"));
        }
    }

    @Test
    void aBadReplyOrTokenIs400() throws Exception {
        String token = JSON.readTree(post(server, "/v1/consultations", "{}").body()).get("token").textValue();
        String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        assertError(post(server, "/v1/consultations/next", "{\"token\": \"" + altered + "\", \"reply\": {\"skip\": true}}"), 400,
                "$.token: not a consultation token, or it was altered");
        assertError(post(server, "/v1/consultations/next", "{\"token\": \"" + token + "\", \"reply\": {\"answer\": \"maybe\"}}"), 400,
                "$.reply.answer: answer available or outage");
        assertError(post(server, "/v1/consultations/next", "{\"reply\": {\"skip\": true}}"), 400,
                "$.token: missing; expected {\"token\": T, \"reply\": REPLY}");
        assertError(post(server, "/v1/consultations/next", "{\"token\": 1, \"reply\": {}}"), 400,
                "$.token: expected the token of the last turn, a string, was a number");
        assertError(post(server, "/v1/consultations/next", "{\"token\": \"t\", \"reply\": {}, \"more\": 1}"), 400,
                "$.more: unknown field; expected {\"token\": T, \"reply\": REPLY}");
        assertError(post(server, "/v1/consultations/next", "{\"token\": "), 400, "$: malformed JSON at line 1, column 11");
        assertError(post(server, "/v1/consultations/next", "[]"), 400, "$: expected {\"token\": T, \"reply\": REPLY}, was an array");
    }

    @Test
    void aRulePastTheTimeLimitIs503AndARuleThatThrowsIs500() throws Exception {
        BackupDoctor slow = BackupDoctor.builder().addRules(RULES.resolve("slow")).timeLimit(Duration.ofMillis(100)).build();
        BackupDoctor throwing = BackupDoctor.builder().addRules(RULES.resolve("throws")).build();
        try (HttpServer slowServer = Servers.start(slow); HttpServer throwingServer = Servers.start(throwing)) {
            HttpResponse<String> overran = post(slowServer, "/v1/diagnose", snapshot(WEAK_WIFI));
            HttpResponse<String> threw = post(throwingServer, "/v1/diagnose", snapshot(WEAK_WIFI));

            assertThat(overran.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(overran.body()).get("error").textValue())
                    .matches("rule \"Dawdle over (weak Wi-Fi|it again)\" \\(.*/slow.drl:\\d+\\) was still running after"
                            + " 100 ms, the time limit for one diagnosis");
            assertError(threw, 500, "rule \"Throw on weak Wi-Fi\" (" + RULES.resolve("throws") + "/throws.drl:5) failed: "
                    + "IllegalStateException: boom");
            assertThat(get(slowServer, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theConsultPageIsServedWhenTheBuildHasIt() throws Exception {
        HttpResponse<String> response = get(server, "/");

        if (ServeTest.class.getClassLoader().getResource("dev/backupdoctor/serve/consult.html") == null) {
            assertError(response, 404, "this build has no consult page");
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        }
    }
}
