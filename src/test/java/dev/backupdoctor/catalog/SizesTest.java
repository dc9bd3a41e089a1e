package dev.backupdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written rounding against {@code String.format}, which serves as its oracle here. */
class SizesTest {

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
}
