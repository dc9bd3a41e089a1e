package dev.backupdoctor.serve.http;

/** A request answered with an error status other than 400: its status and the message of its {@code {"error": ...}} body. */
final class HttpProblem extends RuntimeException {

    private final int status;

    HttpProblem(int status, String message) {
        // No stack trace: a client's request, not a fault of the server.
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
