package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Kind;
import dev.backupdoctor.Plans;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanWriterTest {

    private static Diagnosis lastResort;
    private final PlanWriter writer = new PlanWriter();

    @BeforeAll
    static void diagnose() {
        BackupDoctor doctor = BackupDoctor.create();
        DeviceSnapshot outage = DeviceSnapshot.unknown()
                .with(new ServiceStatus(ServiceState.OUTAGE))
                .with(new ICloudSettings(Answer.YES, Answer.YES, Answer.NO))
                .with(new WifiStatus(Answer.YES, Answer.YES, 3));
        lastResort = doctor.diagnose(outage);
    }

    @Test
    void writesTheContractKeysInOrderWithNullsForAbsentStepCautionAndAlternativeThenTheEvidence() {
        String json = writer.toJson(lastResort);
        assertThat(json).startsWith("{\"healthy\":false,\"actions\":[{\"id\":\"WAIT_FOR_ICLOUD_SERVICE\",\"kind\":\"FIX\",\"step\":5,");
        assertThat(json).contains("\"caution\":null,\"alternativeTo\":null,\"rule\":\"Apple reports an outage\","
                + "\"because\":[{\"field\":\"service.icloudBackup\",\"value\":\"OUTAGE\"}]}");
        assertThat(json).contains("{\"id\":\"BACK_UP_WITH_COMPUTER\",\"kind\":\"TRY\",\"step\":null,"
                + "\"title\":\"Back up with a computer instead\",\"instructions\":[\"Connect the iPhone");
        assertThat(json).endsWith("\"rule\":\"Back up with a computer\","
                + "\"because\":[{\"field\":\"service.icloudBackup\",\"value\":\"OUTAGE\"}]}]}");
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
    void batchLinesPutTheLineNumberFirst() {
        assertThat(writer.toJsonLine(7, lastResort)).startsWith("{\"line\":7,\"healthy\":false,\"actions\":[{");
        assertThat(writer.errorLine(12, "$.wifi: \"bad\"")).isEqualTo("{\"line\":12,\"error\":\"$.wifi: \\\"bad\\\"\"}");
    }
}
