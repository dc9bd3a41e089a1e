package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve} as a real process, for what only a whole JVM shows: its first line, and SIGTERM. The timeout only keeps a broken build from hanging. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServeProcessTest {

    /** Standard error's lines as they come, so that the access log never fills the pipe. */
    private static BlockingQueue<String> lines(InputStream stderr) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // The child is gone.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static Process serve() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0"));
        return new ProcessBuilder(command).start();
    }

    private static int port(BlockingQueue<String> stderr) throws InterruptedException {
        String line = stderr.poll(Servers.SAFETY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(line).as("the first line on standard error").matches("Listening on http://127\\.0\\.0\\.1:\\d+");
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    @Test
    void onSigtermTheRequestInFlightFinishesAndTheServerExits0() throws Exception {
        Process child = serve();
        BlockingQueue<String> stderr = lines(child.getErrorStream());
        int port = port(stderr);
        byte[] snapshot = Files.readAllBytes(Path.of(ServeTest.WEAK_WIFI));

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(Servers.SAFETY_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            // With Expect: 100-continue, the server says "100 Continue" once the route reads the body: then the request is in flight.
            out.write(("POST /v1/diagnose HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + snapshot.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(new String(socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length()), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

            child.destroy();
            out.write(snapshot);
            out.flush();
            String response = Servers.response(socket);

            assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"MOVE_CLOSER_TO_ROUTER\"");
        }
        assertThat(child.waitFor(Servers.SAFETY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void theAccessLogIsOneLineARequestWithoutTheBody() throws Exception {
        Process child = serve();
        BlockingQueue<String> stderr = lines(child.getErrorStream());
        int port = port(stderr);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(Servers.SAFETY_TIMEOUT_MILLIS);
            socket.getOutputStream().write("POST /v1/diagnose HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n{\"id\": \"secret-device-id\"}\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(Servers.response(socket)).startsWith("HTTP/1.1 200 ");
        }

        String logged = stderr.poll(Servers.SAFETY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        child.destroy();

        assertThat(logged).matches(".* INFO dev\\.backupdoctor\\.serve\\.access - 127\\.0\\.0\\.1 \"POST /v1/diagnose HTTP/1\\.1\" 200 \\d+ \\d+ms")
                .doesNotContain("secret-device-id");
        assertThat(child.waitFor(Servers.SAFETY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }
}
