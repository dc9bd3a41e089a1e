package dev.backupdoctor.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.json.SnapshotReader;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A Model Context Protocol server on a pair of streams, standard input and output for
 * {@code Main mcp}: JSON-RPC messages, one a line. It answers until its input ends.
 */
public final class StdioServer {

    /**
     * The longest message read, in bytes. A snapshot at its limit fits with every character written
     * as a six-character escape, and the message around it; a longer line is answered with an error
     * without being kept in memory.
     */
    static final int MAX_MESSAGE_BYTES = 8 * SnapshotReader.MAX_BYTES;

    private static final String INSTRUCTIONS = "Backup Doctor works out why an iPhone won't back up to iCloud and what to do,"
            + " in what order. Give it what you know about the device as a snapshot; anything left out counts as unknown."
            + " diagnose returns the plan; explain says why an action is in it or not; consult_start and consult_reply"
            + " talk a person through it, one question or action at a time.";

    private StdioServer() {
    }

    /**
     * Serves the tools on these streams until {@code in} ends.
     *
     * @param doctor the doctor every tool asks
     * @param name the server's name, as clients show it
     * @param version the server's version
     * @param in where the client's messages come from
     * @param out where the answers go, and nothing else
     * @throws InterruptedException if the thread is interrupted while serving
     */
    public static void serve(BackupDoctor doctor, String name, String version, InputStream in, OutputStream out)
            throws InterruptedException {
        // Numbers in arguments stay as written (3.0 is not 3, 1e400 is not infinity) until the snapshot's reader judges them.
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
        CountDownLatch inputEnded = new CountDownLatch(1);
        // The SDK's limit counts characters, never more than the bytes ClientLines lets through.
        ClientLines lines = new ClientLines(in, out, json, MAX_MESSAGE_BYTES, inputEnded);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, lines, out, MAX_MESSAGE_BYTES))
                .serverInfo(name, version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // The tools check their own arguments, so that a call gets the command line's message.
                .validateToolInputs(false)
                .tools(new DoctorTools(doctor, json).specifications())
                .build();
        try {
            inputEnded.await();
        } finally {
            server.closeGracefully();
        }
    }
}
