package dev.backupdoctor.serve;

/**
 * A request a server refuses, with the message for its client: {@code $.path: problem}, the path in
 * the request's JSON, as the command line words a snapshot's problems. An HTTP server answers it
 * with 400, the MCP server with a tool result marked as an error.
 */
public final class BadRequest extends RuntimeException {

    /**
     * @param message what is wrong and where, such as {@code $.reply: expected exactly one move}
     */
    public BadRequest(String message) {
        // No stack trace: a client's mistake is an expected outcome.
        super(message, null, false, false);
    }
}
