package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.engine.Knowledge;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.mcp.StdioServer;
import dev.backupdoctor.serve.ConsultationToken;
import dev.backupdoctor.serve.http.HttpServer;
import dev.backupdoctor.support.Limits;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SECURITY.md's promises that code can break: where rules come from, and the limits. */
class RuleSourcesTest {

    private static final Pattern LIMIT_ROW = Pattern.compile(
            "^\\s*\\|[^|]*\\|\\s*([\\d,]+)[^|]*\\|\\s*`(\\w+\\.M(?:AX|IN)_\\w+)`\\s*\\|\\s*$", Pattern.MULTILINE);

    @Test
    void rulesOnTheClasspathThatNoCallerNamedAreNeverLoaded() {
        // The bait is there: a kmodule.xml naming a valid rule, and broken rule files that would fail the build.
        assertThat(getClass().getClassLoader().getResource("META-INF/kmodule.xml")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("bait/bait.drl")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("broken-rules/syntax-error.drl")).isNotNull();

        for (BackupDoctor doctor : List.of(BackupDoctor.create(), Main.doctor(List.of()))) {
            assertThat(doctor.diagnose(DeviceSnapshot.unknown()).actionIds()).doesNotContain("BAIT_RULE_LOADED");
        }
    }

    @Test
    void theLimitTablesInSecurityMdAndTheCommandLineDocsMatchTheCode() throws Exception {
        Map<String, Long> code = new TreeMap<>();
        for (Field field : SnapshotReader.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("MAX_")) {
                code.put("SnapshotReader." + field.getName(), field.getLong(null));
            }
        }
        code.put("Batch.MAX_LINE_BYTES", (long) Batch.MAX_LINE_BYTES);
        code.put("Knowledge.MAX_FIRINGS", Limits.of(Knowledge.class, "MAX_FIRINGS"));
        code.put("Knowledge.MAX_RULE_FILE_BYTES", Limits.of(Knowledge.class, "MAX_RULE_FILE_BYTES"));
        code.put("Knowledge.MAX_RULE_FOLDER_BYTES", Limits.of(Knowledge.class, "MAX_RULE_FOLDER_BYTES"));
        for (String limit : List.of("MdmResponse.MAX_BYTES", "JamfExport.MAX_STRING_CHARS", "JamfExport.MAX_NESTING_DEPTH",
                "JamfExport.MAX_NUMBER_CHARS")) {
            code.put(limit, Limits.of("dev.backupdoctor.cli.inventory." + limit.split("\\.")[0], limit.split("\\.")[1]));
        }
        code.put("Watchdog.MAX_LIMIT", Watchdog.MAX_LIMIT.toSeconds());
        code.put("Watchdog.MIN_LIMIT", Watchdog.MIN_LIMIT.toMillis());
        code.put("UnknownTried.MAX_SHOWN", Limits.of("dev.backupdoctor.cli.batch.UnknownTried", "MAX_SHOWN"));
        code.put("HttpServer.MAX_HEADER_BYTES", Limits.of(HttpServer.class, "MAX_HEADER_BYTES"));
        code.put("HttpServer.MAX_REPORT_BYTES", Limits.of(HttpServer.class, "MAX_REPORT_BYTES"));
        code.put("HttpServer.MAX_REPLY_BYTES", Limits.of(HttpServer.class, "MAX_REPLY_BYTES"));
        code.put("HttpServer.MAX_THREADS", Limits.of(HttpServer.class, "MAX_THREADS"));
        code.put("HttpServer.MAX_CONNECTIONS", Limits.of(HttpServer.class, "MAX_CONNECTIONS"));
        code.put("ConsultationToken.MAX_CHARS", (long) ConsultationToken.MAX_CHARS);
        code.put("StdioServer.MAX_MESSAGE_BYTES", Limits.of(StdioServer.class, "MAX_MESSAGE_BYTES"));

        assertThat(limitTable(Path.of("SECURITY.md"))).isEqualTo(code);
        assertThat(limitTable(Path.of("docs/command-line.md"))).isEqualTo(code);
    }

    private static Map<String, Long> limitTable(Path document) throws IOException {
        Map<String, Long> limits = new TreeMap<>();
        Matcher row = LIMIT_ROW.matcher(Files.readString(document));
        while (row.find()) {
            limits.put(row.group(2), Long.parseLong(row.group(1).replace(",", "")));
        }
        return limits;
    }
}
