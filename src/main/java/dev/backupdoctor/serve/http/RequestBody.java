package dev.backupdoctor.serve.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * A request's body, accepted only in the media types a route takes and within its size limit: the
 * limit is checked against Content-Length before reading, and again while reading, for a body sent
 * in chunks. A body that stops arriving is cut off by the connection's idle time-out; one that
 * trickles in, a byte now and then, once it has had that long to arrive at {@link #MIN_BYTES_PER_SECOND}.
 */
final class RequestBody {

    /** The slowest a body may arrive, on average, once it has had the idle time-out to start: a worker waits for it. */
    static final long MIN_BYTES_PER_SECOND = 1024;
    static final List<String> JSON = List.of("application/json");
    static final List<String> JSON_LINES = List.of("application/x-ndjson", "application/json");

    private RequestBody() {
    }

    /**
     * The whole body, at most {@code limit} bytes.
     *
     * @param what what the body is, for the messages: "snapshot"
     * @throws HttpProblem 415 for another media type, 413 past the limit, 408 when it stopped arriving
     */
    static byte[] read(Context ctx, List<String> mediaTypes, long limit, String what, Duration grace) {
        try (InputStream body = open(ctx, mediaTypes, limit, what, grace)) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * The body as a stream, for one too large to hold: reading past {@code limit} bytes throws.
     *
     * @throws HttpProblem 415 for another media type, 413 for a Content-Length past the limit
     */
    static InputStream open(Context ctx, List<String> mediaTypes, long limit, String what, Duration grace) {
        requireMediaType(ctx, mediaTypes);
        long length = ctx.req().getContentLengthLong();
        if (length > limit) {
            throw tooLarge(what, String.valueOf(length), limit);
        }
        try {
            return new Limited(ctx.req().getInputStream(), limit, what, grace);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** What reading the body threw, as the answer to give: the client stopped sending, or went away. */
    static HttpProblem failed(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
                return new HttpProblem(408, "the request's body stopped arriving before its end");
            }
            if (cause instanceof HttpProblemIOException problem) {
                return problem.problem;
            }
        }
        return new HttpProblem(400, "the request's body could not be read to its end");
    }

    private static void requireMediaType(Context ctx, List<String> mediaTypes) {
        String contentType = ctx.header("Content-Type");
        String expected = String.join(" or ", mediaTypes);
        if (contentType == null) {
            throw new HttpProblem(415, "no Content-Type; expected " + expected);
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaTypes.contains(mediaType)) {
            throw new HttpProblem(415, "Content-Type " + Shown.cut(contentType) + " is not accepted here; expected " + expected);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw new HttpProblem(415, "Content-Type " + Shown.cut(contentType) + " is not accepted here; the body must be UTF-8");
            }
        }
    }

    private static HttpProblem tooLarge(String what, String size, long limit) {
        return new HttpProblem(413, what + " is " + size + " bytes, the limit is " + limit);
    }

    /** An {@link HttpProblem} on its way through code that only lets {@link IOException}s pass. */
    private static final class HttpProblemIOException extends IOException {

        private final HttpProblem problem;

        HttpProblemIOException(HttpProblem problem) {
            super(problem.getMessage(), problem);
            this.problem = problem;
        }
    }

    /** Throws once more than the limit was read, or when the body arrives too slowly. */
    private static final class Limited extends InputStream {

        private final InputStream in;
        private final long limit;
        private final String what;
        private final long graceNanos;
        private final long start = System.nanoTime();
        private long read;

        Limited(InputStream in, long limit, String what, Duration grace) {
            this.in = in;
            this.limit = limit;
            this.what = what;
            this.graceNanos = grace.toNanos();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new HttpProblemIOException(tooLarge(what, "more than " + limit, limit));
            }
            long elapsed = System.nanoTime() - start;
            if (elapsed > graceNanos && read < MIN_BYTES_PER_SECOND * (elapsed / 1_000_000_000.0)) {
                throw new HttpProblemIOException(new HttpProblem(408, "the request's body is arriving too slowly (less than "
                        + MIN_BYTES_PER_SECOND + " bytes a second)"));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
