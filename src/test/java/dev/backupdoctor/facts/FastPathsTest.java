package dev.backupdoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written hot paths against the library calls they replace, which serve as oracles here. */
class FastPathsTest {

    @Test
    void actionIdsAreUpperSnakeCaseAsTheRegexSaysIt() {
        Pattern upperSnakeCase = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
        char[] alphabet = {'A', 'Z', '0', '9', '_', 'a', '-', ' '};
        Random random = new Random(9);
        for (int i = 0; i < 300_000; i++) {
            char[] id = new char[random.nextInt(7)];
            for (int c = 0; c < id.length; c++) {
                id[c] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(id);
            assertThat(DeviceSnapshot.isActionId(text)).as(text).isEqualTo(upperSnakeCase.matcher(text).matches());
        }
        assertThat(DeviceSnapshot.isActionId("RESTART_IPHONE")).isTrue();
        assertThat(DeviceSnapshot.isActionId("RESTART__IPHONE")).isFalse();
        assertThat(DeviceSnapshot.isActionId("RESTART_")).isFalse();
        assertThat(DeviceSnapshot.isActionId(null)).isFalse();
    }

    @Test
    void versionsPrintAsParsed() {
        assertThat(IosVersion.parse("17")).hasToString("17");
        assertThat(IosVersion.parse("17.10.0.3")).hasToString("17.10.0.3");
    }
}
