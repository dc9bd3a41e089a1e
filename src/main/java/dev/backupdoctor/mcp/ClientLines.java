package dev.backupdoctor.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's messages, one a line, as the SDK's stdio transport reads them, less the lines it
 * can't read. At a line that is not a JSON-RPC message (or is blank, or longer than its limit) the
 * transport stops reading, logs a stack trace and leaves the process waiting for nothing. Here such
 * a line is answered with a JSON-RPC error, as the specification asks, and not passed on; a blank
 * line is skipped. The latch is counted down when the input ends or fails: the client has gone.
 */
final class ClientLines extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(ClientLines.class);
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper json;
    private final int maxBytes;
    private final CountDownLatch ended;
    private byte[] line = new byte[0];
    private int position;

    /**
     * @param out where the answers go; written while holding its lock, as the SDK's transport writes
     * @param maxBytes the longest line passed on, without its line break
     */
    ClientLines(InputStream in, OutputStream out, McpJsonMapper json, int maxBytes, CountDownLatch ended) {
        this.in = in;
        this.out = out;
        this.json = json;
        this.maxBytes = maxBytes;
        this.ended = ended;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        while (position == line.length) {
            if (!nextLine()) {
                ended.countDown();
                return -1;
            }
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, bytes, offset, count);
        position += count;
        return count;
    }

    /** Reads the next line to pass on, or none (an empty one) for a line answered here; {@code false} at the end. */
    private boolean nextLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b;
        try {
            for (b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (bytes.size() < maxBytes) {
                    bytes.write(b);
                } else {
                    // The rest of the line is read, not kept.
                    tooLong = true;
                }
            }
        } catch (IOException failed) {
            ended.countDown();
            throw failed;
        }
        if (b == -1 && bytes.size() == 0) {
            return false;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        line = new byte[0];
        position = 0;
        if (tooLong) {
            refuse(INVALID_REQUEST, String.format("Invalid Request: a message longer than %,d bytes, the limit", maxBytes));
        } else if (!text.isBlank()) {
            String problem = problem(text);
            if (problem == null) {
                bytes.write('\n');
                line = bytes.toByteArray();
            } else {
                refuse(problem.startsWith("Parse") ? PARSE_ERROR : INVALID_REQUEST, problem);
            }
        }
        return true;
    }

    /** Why the SDK could not read the line, or {@code null}: it reads it as a message exactly as here. */
    private String problem(String text) {
        try {
            json.readValue(text, Map.class);
        } catch (IOException | RuntimeException notJson) {
            return "Parse error: not a JSON object";
        }
        try {
            McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | RuntimeException notMessage) {
            return "Invalid Request: not a JSON-RPC request, notification or response";
        }
        return null;
    }

    private void refuse(int code, String message) throws IOException {
        LOG.warn("A line from the client was refused: {}", message);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", "2.0");
        // Null: no id can be told from a line that isn't a message.
        error.put("id", null);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("code", code);
        what.put("message", message);
        error.put("error", what);
        byte[] answer = json.writeValueAsBytes(error);
        synchronized (out) {
            out.write(answer);
            out.write('\n');
            out.flush();
        }
    }
}
