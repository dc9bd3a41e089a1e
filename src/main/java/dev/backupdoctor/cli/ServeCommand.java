package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.cli.batch.LineReader;
import dev.backupdoctor.cli.common.OptionalDependency;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.cli.report.FleetReport;
import dev.backupdoctor.cli.report.FleetTally;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serves the HTTP API: diagnose, explain, report and consult over HTTP, the consult page at /,"
                + " and the OpenAPI document at /openapi.json.",
                "Writes 'Listening on http://HOST:PORT' to standard error once it accepts connections, and one line a request"
                        + " (the access log). On SIGTERM or Ctrl-C it stops accepting, lets the requests in flight finish,"
                        + " and exits 0.",
                "--time-limit: a diagnosis that runs longer is stopped at its next rule firing and answered 503."})
final class ServeCommand implements Callable<Integer> {

    private final Main.Context context;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for every network."
                    + " Read SECURITY.md before listening beyond this machine.")
    private String bind;

    @Mixin
    private RulesOption rules;

    ServeCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be from 0 to 65535, was " + port);
        }
        InetAddress address = address(bind);
        OptionalDependency.JAVALIN.require();
        BackupDoctor doctor = Main.builder(rules.folders).timeLimit(rules.timeLimit()).build();
        HttpServer server;
        try {
            server = HttpServer.start(doctor, jsonLines -> report(doctor, jsonLines),
                    new HttpServer.Settings(address, port, HttpServer.Settings.IDLE_TIMEOUT));
        } catch (IllegalArgumentException cannotListen) {
            throw new UsageException(cannotListen.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Handled rather than left to the JVM's shutdown, which would exit 143 rather than 0 once the server stopped.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        context.err().println("Listening on " + server.url());
        context.err().flush();
        try (server) {
            stop.await();
        }
        return Main.OK;
    }

    /** What {@code report --format json} prints for these lines, diagnosed on every core. */
    static String report(BackupDoctor doctor, InputStream jsonLines) throws IOException, InterruptedException {
        FleetTally fleet = new FleetTally();
        LineReader lines = new LineReader(jsonLines, Batch.MAX_LINE_BYTES);
        new Batch(doctor, Runtime.getRuntime().availableProcessors(), null, "line").run(lines::next, fleet.adding());
        return new FleetReport(fleet, "line").render(FleetReport.Format.json);
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException | SecurityException notAnAddress) {
            throw new UsageException("--bind " + Printable.cut(bind) + ": not an address or a host name this machine can resolve");
        }
    }
}
