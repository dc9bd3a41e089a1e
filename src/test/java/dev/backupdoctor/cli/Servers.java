package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test servers on a free port of the loopback address, as {@code serve} starts them, and a raw client for what HttpClient won't send. */
final class Servers {

    /** Only a safety net: a broken server fails the test rather than hanging it. */
    static final int SAFETY_TIMEOUT_MILLIS = 120_000;

    private Servers() {
    }

    static HttpServer start(BackupDoctor doctor) {
        return start(doctor, HttpServer.Settings.IDLE_TIMEOUT);
    }

    static HttpServer start(BackupDoctor doctor, Duration idleTimeout) {
        return HttpServer.start(doctor, jsonLines -> ServeCommand.report(doctor, jsonLines),
                new HttpServer.Settings(InetAddress.getLoopbackAddress(), 0, idleTimeout));
    }

    /** A connection to the server, for requests written byte by byte. */
    static Socket connect(HttpServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.url()).getPort());
        socket.setSoTimeout(SAFETY_TIMEOUT_MILLIS);
        return socket;
    }

    /** Everything the server sends until it closes the connection, or the response whose headers say how long it is. */
    static String response(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            int length = headersEnd < 0 ? -1 : contentLength(text.substring(0, headersEnd));
            if (length >= 0 && read.size() >= headersEnd + 4 + length) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return -1;
    }
}
