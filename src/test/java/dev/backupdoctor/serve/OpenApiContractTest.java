package dev.backupdoctor.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.Snapshots;
import dev.backupdoctor.cli.Main;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.serve.http.HttpServer;
import dev.backupdoctor.support.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document is the truth about the server: {@code Main serve} runs as a real process on a free
 * port, and every operation the document lists is called with every status it lists, each answer
 * checked for that status, the documented media type and the documented schema. A table of calls
 * says how to provoke each status; a status the document lists that the table lacks fails the test.
 * The time-outs only keep a broken build from hanging.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = OpenApiDocument.document();
    /** Checked by a test of its own, {@link #theConsultPageIsServedAsDocumented}. */
    private static final String CONSULT_PAGE = "consultPage 200";
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+)");
    private static final String WEAK_WIFI = "{\"wifi\": {\"enabled\": true, \"connected\": true, \"signalBars\": 1}}";
    /** A snapshot on which the contract rules throw, or outlast the time limit, once BACK_UP_NOW is tried. */
    private static final String THROWS = "{\"device\": {\"model\": \"Contract THROW\"}, \"tried\": [\"BACK_UP_NOW\"]}";
    private static final String OUTLASTS = "{\"device\": {\"model\": \"Contract SLOW\"}, \"tried\": [\"BACK_UP_NOW\"]}";


    /** An invalid snapshot, and the command line's message for it. */
    private static final String INVALID = "{\"wifi\": {\"signalBars\": 7}}";
    private static final String INVALID_MESSAGE = "$.wifi.signalBars: must be between 0 and 3, was 7";

    @TempDir
    static Path temp;

    private static Process server;
    private static URI base;

    @BeforeAll
    static void startTheServer() throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--rules", "src/test/resources/contract-rules", "--time-limit", "2");
        server = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(temp.resolve("stdout.txt").toFile())
                .start();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (base == null) {
            Matcher listening = LISTENING.matcher(Files.readString(stderr));
            if (listening.find()) {
                base = URI.create(listening.group(1));
            } else if (!server.isAlive() || Instant.now().isAfter(giveUp)) {
                fail("the server did not start: " + Files.readString(stderr));
            } else {
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopTheServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(1, TimeUnit.MINUTES)) {
                server.destroyForcibly();
            }
        }
    }

    /** One call: what to send, and the status it must get. */
    private record Call(String operation, int status, String method, String path, String contentType, String body) {
    }

    /** An answer: its status, media type and body. */
    private record Answer(int status, String mediaType, String body) {
    }

    /** How to provoke each documented status of each operation, by the operation's id. */
    private static List<Call> calls() throws IOException {
        String example = Files.readString(Path.of("examples/snapshots/weak-wifi-iphone-8.json"));
        String fleet = String.join("\n", Files.readAllLines(Path.of("examples/snapshots/fleet.jsonl")).subList(0, 50)) + "\n";
        return List.of(
                new Call("health", 200, "GET", "/healthz", null, null),
                new Call("health", 405, "POST", "/healthz", "application/json", "{}"),
                new Call("openApi", 200, "GET", "/openapi.json", null, null),
                new Call("openApi", 405, "DELETE", "/openapi.json", null, null),
                new Call("consultPage", 405, "PUT", "/", "text/html", "<p>"),

                new Call("diagnose", 200, "POST", "/v1/diagnose", "application/json", example),
                new Call("diagnose", 400, "POST", "/v1/diagnose", "application/json", INVALID),
                new Call("diagnose", 405, "GET", "/v1/diagnose", null, null),
                new Call("diagnose", 415, "POST", "/v1/diagnose", "text/plain", example),
                new Call("diagnose", 503, "POST", "/v1/diagnose", "application/json", OUTLASTS),
                new Call("diagnose", 500, "POST", "/v1/diagnose", "application/json", THROWS),

                new Call("explain", 200, "POST", "/v1/explain/MOVE_CLOSER_TO_ROUTER", "application/json", WEAK_WIFI),
                new Call("explain", 400, "POST", "/v1/explain/MOVE_CLOSER_TO_ROUTER", "application/json", INVALID),
                new Call("explain", 404, "POST", "/v1/explain/NO_SUCH_ACTION", "application/json", WEAK_WIFI),
                new Call("explain", 405, "GET", "/v1/explain/MOVE_CLOSER_TO_ROUTER", null, null),
                new Call("explain", 415, "POST", "/v1/explain/MOVE_CLOSER_TO_ROUTER", "application/xml", WEAK_WIFI),
                new Call("explain", 503, "POST", "/v1/explain/BACK_UP_NOW", "application/json", OUTLASTS),
                new Call("explain", 500, "POST", "/v1/explain/BACK_UP_NOW", "application/json", THROWS),

                new Call("report", 200, "POST", "/v1/report", "application/x-ndjson", fleet),
                new Call("report", 200, "POST", "/v1/report", "application/json", fleet),
                new Call("report", 405, "GET", "/v1/report", null, null),
                new Call("report", 415, "POST", "/v1/report", "text/csv", fleet),

                new Call("consultStart", 200, "POST", "/v1/consultations", "application/json", example),
                new Call("consultStart", 400, "POST", "/v1/consultations", "application/json", INVALID),
                new Call("consultStart", 405, "GET", "/v1/consultations", null, null),
                new Call("consultStart", 415, "POST", "/v1/consultations", "text/plain", example),
                new Call("consultStart", 503, "POST", "/v1/consultations", "application/json", OUTLASTS),
                new Call("consultStart", 500, "POST", "/v1/consultations", "application/json", THROWS));
    }

    @Test
    void everyOperationGivesEveryStatusTheDocumentListsAsItDescribes() throws Exception {
        TreeSet<String> provoked = new TreeSet<>(List.of(CONSULT_PAGE));
        List<Call> calls = new ArrayList<>(calls());
        calls.addAll(nextCalls());
        for (Call call : calls) {
            Answer answer = send(call);
            assertAsDocumented(call, answer);
            if (call.status() == 400 && call.body().equals(INVALID)) {
                assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo(INVALID_MESSAGE);
            }
            provoked.add(call.operation() + " " + call.status());
        }
        for (Call call : tooLargeCalls()) {
            Answer answer = sendHeadersOnly(call);
            assertAsDocumented(call, answer);
            assertTheLimitIsTheDocumented(call, answer);
            provoked.add(call.operation() + " " + call.status());
        }
        assertThat(provoked).containsExactlyElementsOf(documented());
    }

    private static void assertAsDocumented(Call call, Answer answer) {
        assertThat(answer.status()).as(call + " answered " + answer.body()).isEqualTo(call.status());
        assertDocumented(call, answer);
    }

    /** The page is another part of the build: where it is missing, GET / is a 404 and this test says so. */
    @Test
    void theConsultPageIsServedAsDocumented() throws Exception {
        Assumptions.assumeTrue(OpenApiContractTest.class.getClassLoader().getResource("dev/backupdoctor/serve/consult.html") != null,
                "this build has no consult page (dev/backupdoctor/serve/consult.html): GET / is not checked");
        Call page = new Call("consultPage", 200, "GET", "/", null, null);

        assertAsDocumented(page, send(page));
    }

    /** The limit the server names in its refusal is the one the document gives for the body. */
    private static void assertTheLimitIsTheDocumented(Call call, Answer answer) throws IOException {
        Matcher limit = Pattern.compile("the limit is (\\d+)").matcher(JSON.readTree(answer.body()).get("error").asText());
        assertThat(limit.find()).as(answer.body()).isTrue();
        assertThat(operation(call.operation()).at("/requestBody/description").asText()).as(call.toString())
                .contains("at most " + limit.group(1) + " bytes");
    }

    /**
     * What the server refuses before an operation is reached gets the documented default answer:
     * headers past the server's limit, on any path. Twice the limit, no more: small enough to be sent
     * whole before the server answers and closes the connection.
     */
    @Test
    void headersTooLargeGetTheDefaultAnswer() throws Exception {
        Call call = new Call("health", 431, "GET", "/healthz", null, null);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(1).toMillis());
            StringBuilder headers = new StringBuilder();
            for (int i = 0; headers.length() <= 2 * Limits.of(HttpServer.class, "MAX_HEADER_BYTES"); i++) {
                headers.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n" + headers + "\r\n").getBytes(UTF_8));
            out.flush();
            Answer answer = parse(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.mediaType()).isEqualTo("application/json");
            assertThat(JsonSchemas.problems(JsonSchemas.component("Error"), answer.body())).isNull();
            assertThat(DOCUMENT.at("/components/responses/default/description").asText()).contains("431");
            assertThat(operation(call.operation()).at("/responses/default/$ref").asText()).isEqualTo("#/components/responses/default");
        }
    }

    /** Every operation id with every status its responses list, as "diagnose 400". */
    private static TreeSet<String> documented() {
        TreeSet<String> documented = new TreeSet<>();
        DOCUMENT.get("paths").forEach(item -> item.forEach(operation ->
                operation.get("responses").fieldNames().forEachRemaining(status -> {
                    if (!status.equals("default")) {
                        documented.add(operation.get("operationId").asText() + " " + status);
                    }
                })));
        return documented;
    }

    /** The answer has the media type the document gives for the status, and a body its schema accepts. */
    private static void assertDocumented(Call call, Answer answer) {
        JsonNode operation = operation(call.operation());
        JsonNode response = operation.at("/responses/" + call.status());
        if (response.has("$ref")) {
            response = DOCUMENT.at(response.get("$ref").asText().substring(1));
        }
        Iterator<Map.Entry<String, JsonNode>> content = response.get("content").fields();
        Map.Entry<String, JsonNode> media = content.next();
        assertThat(answer.mediaType()).as(call.toString()).isEqualTo(media.getKey());
        JsonNode schema = media.getValue().get("schema");
        if (schema.has("$ref")) {
            String component = schema.get("$ref").asText().substring("#/components/schemas/".length());
            assertThat(JsonSchemas.problems(JsonSchemas.component(component), answer.body())).as(call + ": " + answer.body()).isNull();
        } else if (media.getKey().equals("text/html")) {
            assertThat(answer.body()).as(call.toString()).startsWithIgnoringCase("<!doctype html>");
        } else {
            assertThat(JsonSchemas.problems(JsonSchemas.of(schema), answer.body())).as(call.toString()).isNull();
        }
    }

    private static JsonNode operation(String id) {
        for (JsonNode item : DOCUMENT.get("paths")) {
            for (JsonNode operation : item) {
                if (operation.get("operationId").asText().equals(id)) {
                    return operation;
                }
            }
        }
        throw new AssertionError("the document has no operation " + id);
    }

    /** The replies, with tokens from a consultation started for them. */
    private static List<Call> nextCalls() throws Exception {
        String token = tokenFor("iPhone 15 Pro");
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "B" : "A") + token.charAt(token.length() - 1);
        return List.of(
                new Call("consultReply", 200, "POST", "/v1/consultations/next", "application/json",
                        next(token, "{\"notFixed\": \"BACK_UP_NOW\"}")),
                new Call("consultReply", 400, "POST", "/v1/consultations/next", "application/json",
                        next(altered, "{\"notFixed\": \"BACK_UP_NOW\"}")),
                new Call("consultReply", 405, "GET", "/v1/consultations/next", null, null),
                new Call("consultReply", 415, "POST", "/v1/consultations/next", "text/plain",
                        next(token, "{\"skip\": true}")),
                new Call("consultReply", 503, "POST", "/v1/consultations/next", "application/json",
                        next(tokenFor("Contract SLOW"), "{\"notFixed\": \"BACK_UP_NOW\"}")),
                new Call("consultReply", 500, "POST", "/v1/consultations/next", "application/json",
                        next(tokenFor("Contract THROW"), "{\"notFixed\": \"BACK_UP_NOW\"}")));
    }

    /** Every fact known and fine but the model, as JSON: no question, and the first turn shows BACK_UP_NOW. */
    private static String allFine(String model) {
        DeviceSnapshot fine = Snapshots.allFine();
        return new SnapshotWriter().toJson(fine.with(fine.device().withModel(model)));
    }

    /** The token of a consultation showing BACK_UP_NOW for an iPhone of this model, its question about Back Up Now's message skipped. */
    private static String tokenFor(String model) throws Exception {
        JsonNode started = JSON.readTree(send(new Call("consultStart", 200, "POST", "/v1/consultations", "application/json",
                allFine(model))).body());
        assertThat(started.at("/turn/question/id").asText()).isEqualTo("icloud.backupMessage");
        JsonNode showing = JSON.readTree(send(new Call("consultReply", 200, "POST", "/v1/consultations/next", "application/json",
                next(started.get("token").asText(), "{\"skip\": true}"))).body());
        assertThat(showing.at("/turn/action/id").asText()).isEqualTo("BACK_UP_NOW");
        return showing.get("token").asText();
    }

    private static String next(String token, String reply) {
        return "{\"token\": \"" + token + "\", \"reply\": " + reply + "}";
    }

    /** Bodies over each limit, announced by Content-Length and never sent: the server refuses them from the headers. */
    private static List<Call> tooLargeCalls() {
        List<Call> calls = new ArrayList<>();
        Map<String, String> operations = Map.of("diagnose", "/v1/diagnose", "explain", "/v1/explain/BACK_UP_NOW",
                "consultStart", "/v1/consultations", "consultReply", "/v1/consultations/next", "report", "/v1/report");
        operations.forEach((operation, path) -> calls.add(new Call(operation, 413, "POST", path, "application/json", null)));
        return calls;
    }

    private static Answer send(Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(Duration.ofMinutes(1));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        // A client of its own for each call, so a connection of its own: the server may close one after
        // refusing a body it did not read (a 415 for a fleet in CSV), and a client that reused it would
        // race with the close and, now and then, get no answer at all.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new IOException(call + ": " + e.getMessage(), e);
        }
        return new Answer(response.statusCode(), mediaType(response.headers().firstValue("Content-Type").orElse("")),
                response.body());
    }

    /** A request whose Content-Length is one byte past the largest limit of any body, its body never sent. */
    private static Answer sendHeadersOnly(Call call) throws IOException {
        long length = OpenApiDocument.MAX_REPORT_BYTES + 1;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(1).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((call.method() + " " + call.path() + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: "
                    + call.contentType() + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /** An HTTP/1.1 answer with a Content-Length, read from the stream. */
    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the answer ended inside its headers: " + head.toString(UTF_8));
            }
            head.write(b);
        }
        List<String> lines = head.toString(UTF_8).lines().toList();
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        String mediaType = "";
        int length = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] header = line.split(":", 2);
            if (header.length == 2 && header[0].equalsIgnoreCase("Content-Type")) {
                mediaType = mediaType(header[1].strip());
            } else if (header.length == 2 && header[0].equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header[1].strip());
            }
        }
        return new Answer(status, mediaType, new String(in.readNBytes(length), UTF_8));
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }
}
