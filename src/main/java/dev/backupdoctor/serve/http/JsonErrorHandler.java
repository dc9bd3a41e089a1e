package dev.backupdoctor.serve.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches a route (a request line that is not
 * HTTP, headers past the limit, a connection that went idle), as {@code {"error": "..."}} in our
 * words, like every other error: never Jetty's HTML page, its wording or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "the request is not valid HTTP",
            408, "the request did not arrive in time",
            413, "the request is too large",
            414, "the request's path is too long",
            431, "the request's headers are too large (the limit is " + HttpServer.MAX_HEADER_BYTES + " bytes in all)",
            500, "the server failed; the request may be tried again",
            503, "the server is stopping or overloaded; try again later");

    static String message(int status) {
        return MESSAGES.getOrDefault(status, "the request could not be served (HTTP status " + status + ")");
    }

    static String json(int status) {
        // The messages are constants without quotes or backslashes.
        return "{\"error\": \"" + message(status) + "\"}";
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(json(status).getBytes(StandardCharsets.UTF_8));
    }
}
