package dev.backupdoctor.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way a mistyped word is matched to what it was meant to be: commands, action ids, tried ids. */
class DidYouMeanTest {

    private static final List<String> IDS = List.of("BACK_UP_NOW", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS");

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(DidYouMean.distance("restrat_iphone", "restart_iphone")).isEqualTo(1);
        assertThat(DidYouMean.distance("diagnos", "diagnose")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void theNearestWithinAThirdOfTheWordIsSuggested() {
        assertThat(DidYouMean.closest("RESTRAT_IPHONE", IDS)).contains("RESTART_IPHONE");
        assertThat(DidYouMean.closest("RESTART_IPONE", IDS)).contains("RESTART_IPHONE");
        assertThat(DidYouMean.closest("BACKUP_NOW", IDS)).contains("BACK_UP_NOW");
        assertThat(DidYouMean.closest("restart_iphone", IDS)).as("case aside").contains("RESTART_IPHONE");
        assertThat(DidYouMean.closest("FIX_IT", IDS)).isEmpty();
        assertThat(DidYouMean.closest("X".repeat(65_536), IDS)).as("a huge word costs nothing and matches nothing").isEmpty();
    }

    @Test
    void ofTwoAsNearTheFirstKnownIsSuggested() {
        assertThat(DidYouMean.closest("ab", List.of("ac", "ad"))).contains("ac");
    }
}
