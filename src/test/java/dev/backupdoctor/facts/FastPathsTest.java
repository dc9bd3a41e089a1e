package dev.backupdoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written hot paths against the library calls they replace, which serve as oracles here. */
class FastPathsTest {

    @Test
    void readableSizesRoundLikeFormat() {
        Random random = new Random(5);
        for (long tenth = 1; tenth < 50_000; tenth++) {
            for (long offset : new long[] {0, 49_999_999, 50_000_000, 50_000_001, 99_999_999}) {
                long bytes = tenth * 100_000_000L + offset;
                assertThat(Sizes.readable(bytes)).isEqualTo(String.format(Locale.ROOT, "%.1f GB", bytes / 1e9));
            }
        }
        for (int i = 0; i < 200_000; i++) {
            long bytes = (long) (random.nextDouble() * 1e15);
            assertThat(Sizes.readable(bytes)).isEqualTo(bytes >= 100_000_000L
                    ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                    : bytes >= 1_000_000L ? String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6)) : bytes + " bytes");
        }
        assertThat(Sizes.readable(999_999)).isEqualTo("999999 bytes");
        assertThat(Sizes.readable(99_500_000)).isEqualTo("100 MB");
        assertThat(Sizes.readable(1_050_000_000)).isEqualTo("1.1 GB");
    }

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
