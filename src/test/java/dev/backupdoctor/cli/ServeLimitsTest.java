package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and oversized requests, written byte by byte as no well-behaved client would: each is refused
 * with a JSON error, and another client is served meanwhile. The timeout only keeps a broken server from hanging the build.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServeLimitsTest {

    /** Short, so that a stalled request is cut off soon; the tests wait for it, never for a fixed time. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    private static HttpServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(Run.DOCTOR, IDLE_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = Servers.connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Servers.response(socket);
        }
    }

    private static void assertServedMeanwhile() throws Exception {
        assertThat(ServeTest.get(server, "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aContentLengthOf2GibIsRefusedBeforeAnyOfTheBodyArrives() throws Exception {
        String response = exchange("POST /v1/diagnose HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2147483648\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413 ")
                .endsWith("{\"error\": \"$: snapshot is 2147483648 bytes, the limit is " + SnapshotReader.MAX_BYTES + "\"}");
        assertServedMeanwhile();
    }

    @Test
    void aReportOver64MibIsRefused() throws Exception {
        String response = exchange("POST /v1/report HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: 67108865\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413 ").endsWith("{\"error\": \"the body is 67108865 bytes, the limit is 67108864\"}");
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        try (Socket socket = Servers.connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/diagnose HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // The server answers once past the limit, and may close while the rest is on its way: sent beside the reading.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
                    for (int sent = 0; sent <= SnapshotReader.MAX_BYTES; sent += chunk.length) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // Expected once the server has answered.
                }
            });

            assertThat(Servers.response(socket)).startsWith("HTTP/1.1 413 ")
                    .endsWith("{\"error\": \"$: snapshot is more than " + SnapshotReader.MAX_BYTES + " bytes, the limit is "
                            + SnapshotReader.MAX_BYTES + "\"}");
            sending.join();
        }
    }

    @Test
    void tenThousandHeadersAreRefusedWithJson() throws Exception {
        StringBuilder request = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: test\r\n");
        for (int i = 0; i < 10_000; i++) {
            request.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
        }

        String response = exchange(request.append("\r\n").toString());

        assertThat(response).startsWith("HTTP/1.1 431 ")
                .contains("Content-Type: application/json")
                .endsWith("{\"error\": \"the request's headers are too large (the limit is 8192 bytes in all)\"}");
        assertServedMeanwhile();
    }

    @Test
    void aRequestThatIsNotHttpIsRefusedWithJson() throws Exception {
        String response = exchange("GARBAGE\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("{\"error\": \"the request is not valid HTTP\"}");
    }

    @Test
    void aBodyThatNeverEndsIsCutOffAndOthersAreServedMeanwhile() throws Exception {
        try (Socket socket = Servers.connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/diagnose HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"wifi\": ").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertServedMeanwhile();
            String response = Servers.response(socket);

            assertThat(response).startsWith("HTTP/1.1 408 ")
                    .endsWith("{\"error\": \"the request's body stopped arriving before its end\"}");
        }
    }

    @Test
    void aBodyThatTricklesInIsCutOffAndOthersAreServedMeanwhile() throws Exception {
        try (Socket socket = Servers.connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/report HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // A byte of a body that never ends, a few times a second: never idle long enough for the idle time-out.
            CompletableFuture<Void> trickling = CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        out.write("1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(IDLE_TIMEOUT.toMillis() / 4);
                    }
                } catch (IOException | InterruptedException closedByTheServer) {
                    // The server has answered and closed the connection.
                }
            });

            assertServedMeanwhile();
            String response = Servers.response(socket);

            assertThat(response).startsWith("HTTP/1.1 408 ")
                    .endsWith("{\"error\": \"the request's body is arriving too slowly (less than 1024 bytes a second)\"}");
            socket.close();
            trickling.join();
        }
    }
}
