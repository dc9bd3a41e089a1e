package dev.backupdoctor.serve.http;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.serve.ConsultationToken;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API of {@code serve} (docs/command-line.md lists its routes), on Javalin and Jetty. It
 * keeps no conversation: a consultation travels in its token, so any instance with the same rules
 * continues it. Limits against slow or oversized requests: a bounded worker pool and queue, a cap
 * on the request's headers and on each route's body, and an idle time-out on every connection.
 * Every answer that is not a success is {@code {"error": "..."}}, never a stack trace. Each request
 * is logged on one line to the SLF4J logger {@value #ACCESS_LOG}, at INFO, without its body.
 */
public final class HttpServer implements AutoCloseable {

    /** The SLF4J logger of the access log. */
    public static final String ACCESS_LOG = "dev.backupdoctor.serve.access";
    /** The most bytes of a request's line and headers together. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** The largest body of {@code POST /v1/report}, in bytes; a snapshot's is the snapshot reader's limit. */
    static final long MAX_REPORT_BYTES = 64L << 20;
    /** The largest body of {@code POST /v1/consultations/next}, in bytes: the longest token and a reply. */
    static final long MAX_REPLY_BYTES = ConsultationToken.MAX_CHARS + 64 * 1024;
    /** Worker threads at most; connections waiting for their next request hold none. */
    static final int MAX_THREADS = 32;
    /** Connections open at once at most; past that, the server accepts no more until one closes. */
    static final int MAX_CONNECTIONS = 4096;
    private static final int MIN_THREADS = 4;
    /** Requests in flight get this long to finish when the server stops. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** One line a request: client, request line (no body), status, bytes sent, time taken. */
    private static final String ACCESS_LOG_FORMAT = "%{client}a \"%r\" %s %O %{ms}Tms";

    /**
     * Where and how to listen.
     *
     * @param bind the address to listen on, such as 127.0.0.1
     * @param port the port, 0 for any free one
     * @param idleTimeout how long a connection may send nothing, in the middle of a request or between two;
     *     and how long a body has before it must arrive at 1,024 bytes a second on average
     */
    public record Settings(InetAddress bind, int port, Duration idleTimeout) {

        /** The default idle time-out: long enough for a slow network, short enough against slow clients. */
        public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

        /**
         * @param bind the address to listen on
         * @param port the port, 0 for any free one
         * @param idleTimeout how long a connection may send nothing
         */
        public Settings {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
        }
    }

    /** What {@code POST /v1/report} answers: the fleet report of JSON Lines, as {@code report --format json} prints it. */
    @FunctionalInterface
    public interface FleetReporter {

        /**
         * @param jsonLines the request's body, one snapshot a line
         * @return the report as JSON
         * @throws IOException if reading the body fails
         * @throws InterruptedException if the server is stopping
         */
        String report(InputStream jsonLines) throws IOException, InterruptedException;
    }

    private final Javalin app;
    private final String url;

    private HttpServer(Javalin app, String url) {
        this.app = app;
        this.url = url;
    }

    /**
     * Starts a server; it accepts connections when this returns.
     *
     * @param doctor the doctor every request uses
     * @param reporter what {@code POST /v1/report} answers
     * @param settings where and how to listen
     * @return the running server
     * @throws IllegalArgumentException if it can't listen there (the port is taken, the address is not this machine's)
     */
    public static HttpServer start(BackupDoctor doctor, FleetReporter reporter, Settings settings) {
        Api api = new Api(doctor, reporter, settings.idleTimeout());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setIdleTimeout(settings.idleTimeout().toMillis());
                // A route looks at the headers first: a body past the limit is refused before any of it arrives.
                http.setDelayDispatchUntilContent(false);
            });
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.bind().getHostAddress());
                connector.setPort(settings.port());
                connector.setIdleTimeout(settings.idleTimeout().toMillis());
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
                Slf4jRequestLogWriter accessLog = new Slf4jRequestLogWriter();
                accessLog.setLoggerName(ACCESS_LOG);
                server.setRequestLog(new CustomRequestLog(accessLog, ACCESS_LOG_FORMAT));
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            api.register(config);
        });
        try {
            app.start();
        } catch (RuntimeException failed) {
            app.stop();
            throw new IllegalArgumentException("cannot listen on " + hostPort(settings.bind(), settings.port()) + ": "
                    + (bindFailure(failed) ? "the port is in use, or the address is not one of this machine's" : "the server failed to start"));
        }
        return new HttpServer(app, "http://" + hostPort(settings.bind(), app.port()));
    }

    private static boolean bindFailure(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static String hostPort(InetAddress bind, int port) {
        String host = bind.getHostAddress();
        return (bind instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return where it listens, such as {@code http://127.0.0.1:8080} */
    public String url() {
        return url;
    }

    /**
     * Stops accepting connections, lets the requests in flight finish (for up to 30 seconds), then
     * stops. Calling it again does nothing.
     */
    @Override
    public void close() {
        app.stop();
    }
}
