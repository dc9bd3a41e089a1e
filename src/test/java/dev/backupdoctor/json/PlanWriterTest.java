package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Plans;
import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import dev.backupdoctor.plan.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanWriterTest {

    private static BackupDoctor doctor;
    private static Diagnosis lastResort;
    private final PlanWriter writer = new PlanWriter();

    @BeforeAll
    static void diagnose() {
        doctor = BackupDoctor.create();
        DeviceSnapshot outage = DeviceSnapshot.unknown()
                .with(ServiceStatus.UNKNOWN.withIcloudBackup(ServiceState.OUTAGE))
                .with(new ICloudSettings(Answer.YES, Answer.YES, Answer.NO))
                .with(new WifiStatus(Answer.YES, Answer.YES, 3));
        lastResort = doctor.diagnose(outage);
    }

    @Test
    void writesTheDocumentedKeysInOrderWithNullsForAbsentStepCautionAndAlternativeThenTheEvidence() {
        String json = writer.toJson(lastResort);
        assertThat(json).startsWith("{\"id\":null,\"healthy\":false,\"actions\":[{\"id\":\"WAIT_FOR_ICLOUD_SERVICE\",\"kind\":\"FIX\",\"step\":5,");
        assertThat(json).contains("\"caution\":null,\"alternativeTo\":null,\"rule\":\"Apple reports an outage\","
                + "\"because\":[{\"field\":\"service.icloudBackup\",\"value\":\"OUTAGE\"}]}");
        assertThat(json).contains("{\"id\":\"BACK_UP_WITH_COMPUTER\",\"kind\":\"TRY\",\"step\":null,"
                + "\"title\":\"Back up with a computer instead\",\"instructions\":[\"Connect the iPhone");
        assertThat(json).endsWith("\"rule\":\"Back up with a computer\",\"because\":["
                + "{\"field\":\"otherRemedies.listed\",\"value\":false},{\"field\":\"icloud.backupStale\",\"value\":false}]}]}");
    }

    @Test
    void writesTheSnapshotsIdFirstAndAStaleBackupIsNotHealthy() throws IOException {
        Diagnosis stale = Plans.of("F2LXK3ABHG7F \"\uD83D\uDCF1\"", List.of(), 14);

        assertThat(writer.toJson(stale)).isEqualTo("{\"id\":\"F2LXK3ABHG7F \\\"\uD83D\uDCF1\\\"\",\"healthy\":false,\"actions\":[]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PlanWriter.JsonLines lines = writer.jsonLines(out)) {
            lines.plan(3, Plans.of("", List.of(), 13));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"line\":3,\"id\":\"\",\"healthy\":true,\"actions\":[]}\n");
        assertThat(writer.toJson(doctor.diagnose(DeviceSnapshot.unknown().withId("asset 42")))).startsWith("{\"id\":\"asset 42\",");
    }

    @Test
    void anAlternativeNamesTheActionItReplacesBetweenCautionAndRule() {
        Diagnosis plan = Plans.of(List.of(
                Plans.action("CONNECT_TO_WIFI", Kind.FIX, 2, "Connect to Wi-Fi", null, null),
                Plans.action("TURN_ON_CELLULAR_BACKUP", Kind.FIX, 2, "Turn on Back Up Over Cellular", "Uses mobile data.",
                        "CONNECT_TO_WIFI")));

        assertThat(writer.toJson(plan))
                .contains("\"id\":\"CONNECT_TO_WIFI\",")
                .contains("\"caution\":null,\"alternativeTo\":null,\"rule\":\"rule for CONNECT_TO_WIFI\"")
                .contains("\"caution\":\"Uses mobile data.\",\"alternativeTo\":\"CONNECT_TO_WIFI\","
                        + "\"rule\":\"rule for TURN_ON_CELLULAR_BACKUP\",\"because\":[]}]}");
    }

    @Test
    void batchLinesPutTheLineNumberFirstAndEndInANewline() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PlanWriter.JsonLines lines = writer.jsonLines(out)) {
            lines.plan(7, lastResort);
            lines.error(12, "$.wifi: \"bad\"");
        }

        String[] written = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(written).hasSize(3);
        assertThat(written[0]).startsWith("{\"line\":7,\"id\":null,\"healthy\":false,");
        assertThat(written[0]).isEqualTo("{\"line\":7," + writer.toJson(lastResort).substring(1));
        assertThat(written[1]).isEqualTo("{\"line\":12,\"error\":\"$.wifi: \\\"bad\\\"\"}");
        assertThat(written[2]).isEmpty();
    }

    /**
     * {@code batch} writes UTF-8 bytes straight from Jackson's UTF-8 generator; {@code diagnose}
     * writes text that Java's encoder turns into UTF-8. Both must give the same bytes, whatever the
     * text: escapes, characters outside the BMP and broken surrogate pairs included.
     */
    @Test
    void batchBytesAreTheTextPlanEncodedAsUtf8ForManyPlansAndAwkwardText() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long line = 0;
        try (PlanWriter.JsonLines lines = writer.jsonLines(fast);
                Writer encoded = new OutputStreamWriter(text, StandardCharsets.UTF_8)) {
            for (DeviceSnapshot snapshot : RandomSnapshots.generate(4242L, 2000)) {
                Diagnosis plan = doctor.diagnose(snapshot);
                lines.plan(++line, plan);
                encoded.write("{\"line\":" + line + "," + writer.toJson(plan).substring(1) + "\n");
            }
            for (String awkward : AWKWARD) {
                Diagnosis plan = Plans.of(List.of(awkwardAction(awkward)));
                lines.plan(++line, plan);
                encoded.write("{\"line\":" + line + "," + writer.toJson(plan).substring(1) + "\n");
                lines.error(++line, awkward);
                ObjectNode error = json.createObjectNode().put("line", line).put("error", awkward);
                encoded.write(json.writeValueAsString(error) + "\n");
            }
        }

        assertThat(fast.toByteArray()).isEqualTo(text.toByteArray());
        assertThat(line).isEqualTo(2000 + 2 * AWKWARD.size());
    }

    /** A server's bytes, with the encoded texts kept from call to call, are the text plan's, through the store's emptying too. */
    @Test
    void utf8BytesAreTheTextPlanEncodedForManyPlansAndAwkwardText() {
        int plans = 0;
        for (int round = 0; round < 2; round++) {
            for (DeviceSnapshot snapshot : RandomSnapshots.generate(4243L + round, 1500)) {
                Diagnosis plan = doctor.diagnose(snapshot);
                assertThat(writer.toUtf8(plan)).isEqualTo(writer.toJson(plan).getBytes(StandardCharsets.UTF_8));
                plans++;
            }
            for (String awkward : AWKWARD) {
                Diagnosis plan = Plans.of(List.of(awkwardAction(awkward)));
                assertThat(writer.toUtf8(plan)).as(awkward).isEqualTo(writer.toJson(plan).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(plans).isEqualTo(3000);
    }

    @Test
    void textIsWrittenAsJavasUtf8EncoderWouldEncodeIt() {
        for (String text : AWKWARD) {
            String wellFormed = PlanWriter.wellFormed(text);

            assertThat(wellFormed.getBytes(StandardCharsets.UTF_8)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(wellFormed.codePoints().noneMatch(point -> Character.getType(point) == Character.SURROGATE)).as(text).isTrue();
        }
        assertThat(PlanWriter.wellFormed("plain")).isSameAs("plain");
    }

    private static final List<String> AWKWARD = List.of(
            "plain", "quote \" backslash \\ slash /", "controls \u0000\u0001\t\n\r\u001f\u007f end",
            "line separators \u2028\u2029", "accents é ü ß, CJK 日本語, euro €", "emoji 😀👍🏽 and a flag 🇫🇷",
            "lone high \uD83D then text", "lone low \uDE00 then text", "high at the end \uD83D", "\uDE00",
            "high high low \uD83D\uD83D\uDE00", "low high \uDE00\uD83D", "x".repeat(20_000) + "😀",
            "$.wifi[\"" + "n".repeat(59) + "\uD83D...]: unknown field");

    private static Action awkwardAction(String text) {
        return new Action("AWKWARD", Kind.FIX, 3, text, List.of(text, "then " + text), text, text, "CONNECT_TO_WIFI", text,
                List.of(new Evidence("device.model", text), new Evidence("wifi.signalBars", 1),
                        new Evidence("icloud.signedIn", true), new Evidence("storage.totalBytes", 5_000_000_000L),
                        new Evidence("device.iosVersion", null)));
    }
}
