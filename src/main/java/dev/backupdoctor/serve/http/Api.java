package dev.backupdoctor.serve.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.PlanWriter;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.serve.BadRequest;
import dev.backupdoctor.serve.ConsultationJson;
import dev.backupdoctor.serve.ExplanationJson;
import dev.backupdoctor.serve.OpenApiDocument;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The routes of the HTTP API, and how each failure is answered. */
final class Api {

    /** The consult page, if this build has it. */
    static final String PAGE = "dev/backupdoctor/serve/consult.html";

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final String JSON = "application/json";

    private final BackupDoctor doctor;
    private final HttpServer.FleetReporter reporter;
    private final SnapshotReader reader = new SnapshotReader();
    private final PlanWriter plans = new PlanWriter();
    private final ExplanationJson explanations = new ExplanationJson();
    private final ConsultationJson consultations;
    private final byte[] page;
    /** How long a body has to start arriving before it must keep up a minimum rate. */
    private final Duration bodyGrace;

    Api(BackupDoctor doctor, HttpServer.FleetReporter reporter, Duration bodyGrace) {
        this.doctor = doctor;
        this.bodyGrace = bodyGrace;
        this.reporter = reporter;
        this.consultations = new ConsultationJson(doctor);
        this.page = page();
    }

    void register(JavalinConfig config) {
        config.routes.get("/healthz", ctx -> json(ctx, "{\"status\": \"ok\"}"));
        config.routes.get("/", this::consultPage);
        config.routes.get("/openapi.json", ctx -> json(ctx, OpenApiDocument.json()));
        config.routes.post("/v1/diagnose", ctx -> ctx.contentType(JSON).result(plans.toUtf8(doctor.diagnose(snapshot(ctx)))));
        config.routes.post("/v1/explain/{actionId}", this::explain);
        config.routes.post("/v1/report", this::report);
        config.routes.post("/v1/consultations", ctx -> json(ctx, consultations.start(snapshot(ctx))));
        config.routes.post("/v1/consultations/next",
                ctx -> json(ctx, consultations.next(
                        RequestBody.read(ctx, RequestBody.JSON, HttpServer.MAX_REPLY_BYTES, "$: request", bodyGrace))));
        config.routes.exception(HttpResponseException.class, this::refused);
        config.routes.exception(Exception.class, this::failed);
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("request failed", error);
            response.setStatus(500);
            response.setContentType(JSON);
            try {
                response.getOutputStream().write(JsonErrorHandler.json(500).getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientGone) {
                // Nobody to tell.
            }
        });
    }

    private DeviceSnapshot snapshot(Context ctx) {
        return reader.read(RequestBody.read(ctx, RequestBody.JSON, SnapshotReader.MAX_BYTES, "$: snapshot", bodyGrace));
    }

    private void explain(Context ctx) {
        String actionId = ctx.pathParam("actionId");
        if (!doctor.proposes(actionId)) {
            throw new HttpProblem(404, "action " + Shown.cut(actionId) + ": not an action any loaded rule suggests");
        }
        json(ctx, explanations.toJson(doctor.explain(snapshot(ctx), actionId)));
    }

    private void report(Context ctx) throws InterruptedException {
        try (InputStream jsonLines = RequestBody.open(ctx, RequestBody.JSON_LINES, HttpServer.MAX_REPORT_BYTES, "the body",
                bodyGrace)) {
            json(ctx, reporter.report(jsonLines));
        } catch (IOException e) {
            throw RequestBody.failed(e);
        }
    }

    private void consultPage(Context ctx) {
        if (page == null) {
            throw new HttpProblem(404, "this build has no consult page");
        }
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** Javalin's own refusals, in our words: a path no route has, a method its route doesn't take. */
    private void refused(HttpResponseException refusal, Context ctx) {
        if (refusal instanceof MethodNotAllowedResponse notAllowed) {
            String allowed = notAllowed.getDetails().values().stream().findFirst().orElse("");
            ctx.header("Allow", allowed);
            error(ctx, 405, ctx.method() + " " + Shown.cut(ctx.path()) + ": method not allowed; allowed: " + allowed);
        } else if (refusal instanceof NotFoundResponse) {
            error(ctx, 404, "no such path: " + Shown.cut(ctx.path()) + "; GET /openapi.json lists the paths");
        } else {
            error(ctx, refusal.getStatus(), JsonErrorHandler.message(refusal.getStatus()));
        }
    }

    private void failed(Exception failure, Context ctx) {
        if (failure instanceof HttpProblem problem) {
            error(ctx, problem.status(), problem.getMessage());
        } else if (failure instanceof BadRequest || failure instanceof InvalidSnapshotException) {
            error(ctx, 400, failure.getMessage());
        } else if (failure instanceof RuleFailedException rule) {
            boolean overran = rule.reason() == RuleFailedException.Reason.TIME_LIMIT || rule.reason() == RuleFailedException.Reason.RUNAWAY;
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), rule.getMessage());
            error(ctx, overran ? 503 : 500, rule.getMessage());
        } else if (failure instanceof InterruptedException) {
            error(ctx, 503, JsonErrorHandler.message(503));
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), failure);
            error(ctx, 500, JsonErrorHandler.message(500));
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        json(ctx, "{\"error\": \"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}");
    }

    private static void json(Context ctx, String json) {
        ctx.contentType(JSON).result(json);
    }

    private static byte[] page() {
        try (InputStream html = Api.class.getClassLoader().getResourceAsStream(PAGE)) {
            return html == null ? null : html.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + PAGE + " from the classpath failed", e);
        }
    }
}
