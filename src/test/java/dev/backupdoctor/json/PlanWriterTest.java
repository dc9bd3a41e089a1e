package dev.backupdoctor.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.Action;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanWriterTest {

    private final PlanWriter writer = new PlanWriter();

    private final Diagnosis plan = new Diagnosis(List.of(
            Action.of(Kind.TRY, "BACK_UP_WITH_COMPUTER", null).title("Back up with a computer")
                    .instructions("Connect the iPhone.", "Say \"yes\".").reason("Works without iCloud.").build()));

    @Test
    void writesTheContractKeysInOrderWithNullsForAbsentStepAndCaution() {
        assertThat(writer.toJson(plan)).isEqualTo("{\"healthy\":true,\"actions\":[{\"id\":\"BACK_UP_WITH_COMPUTER\","
                + "\"kind\":\"TRY\",\"step\":null,\"title\":\"Back up with a computer\","
                + "\"instructions\":[\"Connect the iPhone.\",\"Say \\\"yes\\\".\"],\"reason\":\"Works without iCloud.\","
                + "\"caution\":null,\"rule\":null}]}");
    }

    @Test
    void batchLinesPutTheLineNumberFirst() {
        assertThat(writer.toJsonLine(7, new Diagnosis(List.of()))).isEqualTo("{\"line\":7,\"healthy\":true,\"actions\":[]}");
        assertThat(writer.errorLine(12, "$.wifi: \"bad\"")).isEqualTo("{\"line\":12,\"error\":\"$.wifi: \\\"bad\\\"\"}");
    }
}
