package dev.backupdoctor.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code Main mcp} starts and ends, as a process: the end of its input, a rule that never
 * returns, a class path without the SDK. The timeout only keeps a broken build from hanging.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDSHAKE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            """;

    @TempDir
    Path temp;

    private record Exit(int status, String out, String err) {
    }

    private Process start(String classPath, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "dev.backupdoctor.cli.Main", "mcp"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(temp.resolve("stderr.txt").toFile()).start();
    }

    /** Writes {@code input} and, when {@code closeInput}, ends it; then waits for the process to end by itself. */
    private Exit run(Process server, String input, boolean closeInput) throws Exception {
        OutputStream stdin = server.getOutputStream();
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        if (closeInput) {
            stdin.close();
        }
        byte[] out;
        try (InputStream stdout = server.getInputStream()) {
            out = stdout.readAllBytes();
        }
        int status = server.waitFor();
        return new Exit(status, new String(out, StandardCharsets.UTF_8), Files.readString(temp.resolve("stderr.txt")));
    }

    @Test
    void theEndOfStandardInputEndsTheServerQuietly() throws Exception {
        Exit exit = run(start(System.getProperty("java.class.path")), "", true);

        assertThat(exit).isEqualTo(new Exit(0, "", ""));
    }

    @Test
    void aLineThatIsNoMessageIsAnsweredWithAnErrorAndTheServerGoesOn() throws Exception {
        Process server = start(System.getProperty("java.class.path"));
        String tooLong = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"" + "a".repeat(StdioServer.MAX_MESSAGE_BYTES) + "\"}";
        String lines = HANDSHAKE + "not json\n\n{}\n" + tooLong + "\n{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}\n";
        List<JsonNode> answers = new ArrayList<>();
        try (OutputStream stdin = server.getOutputStream();
                BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            stdin.write(lines.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // Standard input stays open until the last answer: the end of input ends the server.
            while (answers.isEmpty() || answers.get(answers.size() - 1).get("id").asInt() != 3) {
                answers.add(JSON.readTree(stdout.readLine()));
            }
        }

        assertThat(server.waitFor()).isZero();
        assertThat(answers).extracting(answer -> answer.get("id").isNull() ? answer.get("error").toString() : answer.get("id").asText())
                .containsExactlyInAnyOrder("1", "3",
                        "{\"code\":-32700,\"message\":\"Parse error: not a JSON object\"}",
                        "{\"code\":-32600,\"message\":\"Invalid Request: not a JSON-RPC request, notification or response\"}",
                        "{\"code\":-32600,\"message\":\"Invalid Request: a message longer than 8,388,608 bytes, the limit\"}");
        assertThat(Files.readAllLines(temp.resolve("stderr.txt"))).extracting(line -> line.replaceFirst("^\\[[^]]*] ", ""))
                .containsExactly("WARN dev.backupdoctor.mcp.ClientLines - A line from the client was refused: Parse error: not a JSON object",
                        "WARN dev.backupdoctor.mcp.ClientLines - A line from the client was refused: Invalid Request: not a JSON-RPC"
                                + " request, notification or response",
                        "WARN dev.backupdoctor.mcp.ClientLines - A line from the client was refused: Invalid Request: a message longer"
                                + " than 8,388,608 bytes, the limit");
    }

    @Test
    void aRuleThatNeverReturnsEndsTheServerNamingIt() throws Exception {
        String rules = "src/test/resources/hostile-rules/spin";
        String weakWifi = Files.readString(Path.of("examples/snapshots/weak-wifi-iphone-8.json")).replace("\n", "");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"diagnose\",\"arguments\":{\"snapshot\":"
                + weakWifi + "}}}\n";

        // Standard input stays open, as a client keeps it: only the watchdog ends the server.
        Exit exit = run(start(System.getProperty("java.class.path"), "--rules", rules, "--time-limit", "0.5"), HANDSHAKE + call, false);

        assertThat(exit.status()).isEqualTo(2);
        assertThat(exit.err()).isEqualTo("rule \"Spin forever\" (" + rules + "/spin.drl:5) was still running after 500 ms,"
                + " the time limit for one diagnosis (--time-limit); the MCP server stopped\n");
        List<String> answers = exit.out().lines().toList();
        assertThat(answers).hasSize(1);
        JsonNode initialized = JSON.readTree(answers.get(0));
        assertThat(initialized.get("id").asInt()).isEqualTo(1);
        assertThat(initialized.get("result").get("serverInfo").get("name").asText()).isEqualTo("backup-doctor");
    }

    @Test
    void withoutTheSdkTheCommandSaysWhatToAdd() throws Exception {
        String withoutSdk = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("modelcontextprotocol"))
                .collect(Collectors.joining(File.pathSeparator));

        Exit exit = run(start(withoutSdk), "", true);

        assertThat(exit).isEqualTo(new Exit(2, "", "mcp needs io.modelcontextprotocol.sdk:mcp-json-jackson2 on the class path"
                + " (it is an optional dependency of backup-doctor)\n"));
    }
}
