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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A Model Context Protocol server on a pair of streams, standard input and output for
 * {@code Main mcp}: JSON-RPC messages, one a line. It answers until its input ends.
 */
public final class StdioServer {

    /**
     * The longest message read, in characters. A snapshot at its limit fits with every character
     * written as a six-character escape, and the message around it; a longer line is not read
     * into memory (the SDK then ends the session, as for any message it can't read).
     */
    public static final int MAX_MESSAGE_CHARS = 8 * SnapshotReader.MAX_BYTES;

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
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, new EndWatch(in, inputEnded), out, MAX_MESSAGE_CHARS))
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

    /** Counts the latch down when the stream ends, or fails: the client has gone. */
    private static final class EndWatch extends FilterInputStream {

        private final CountDownLatch ended;

        EndWatch(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(bytes, offset, length);
            } catch (IOException failed) {
                ended.countDown();
                throw failed;
            }
            if (read < 0) {
                ended.countDown();
            }
            return read;
        }
    }
}
