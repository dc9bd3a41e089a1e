package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.Consultation;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.WifiStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsultationTokenTest {

    private static final String NOT_A_TOKEN = "$.token: not a consultation token, or it was altered";

    private final ConsultationToken tokens = new ConsultationToken();

    private static Consultation.State walking() {
        DeviceSnapshot snapshot = DeviceSnapshot.unknown()
                .with(DeviceInfo.UNKNOWN.withModel("iPhone 15 Pro \uD83D\uDCF1 \uD800"))
                .with(WifiStatus.UNKNOWN.withSignalBars(1))
                .withTried("RESTART_IPHONE");
        return new Consultation.State(snapshot, Set.of("wifi.connected", "power.connected"), Set.of("BACK_UP_NOW"), true,
                null, null);
    }

    @Test
    void aTokenCarriesTheWholeStateAndOneStateGivesOneToken() {
        Consultation.State state = walking();

        String token = tokens.encode(state);

        assertThat(tokens.decode(token)).isEqualTo(state);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(new ConsultationToken().encode(new Consultation.State(state.snapshot(), Set.of("power.connected",
                "wifi.connected"), state.actionsSettled(), true, null, null))).isEqualTo(token);
    }

    @Test
    void anEndingTravelsToo() {
        Consultation.State fixed = new Consultation.State(DeviceSnapshot.unknown(), Set.of(), Set.of(), true,
                Consultation.Ending.FIXED, "BACK_UP_NOW");

        assertThat(tokens.decode(tokens.encode(fixed))).isEqualTo(fixed);
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = tokens.encode(walking());
        int dot = token.indexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
        String edited = new String(payload, StandardCharsets.UTF_8).replace("\"signalBars\":1", "\"signalBars\":3");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        char last = token.charAt(token.length() - 1);
        String otherTag = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadRequest.class).hasMessage(NOT_A_TOKEN);
        assertThatThrownBy(() -> tokens.decode(otherTag)).isInstanceOf(BadRequest.class).hasMessage(NOT_A_TOKEN);
        assertThatThrownBy(() -> tokens.decode(token.substring(0, token.length() - 3))).isInstanceOf(BadRequest.class)
                .hasMessage(NOT_A_TOKEN);
        assertThatThrownBy(() -> tokens.decode(token.substring(0, dot))).isInstanceOf(BadRequest.class).hasMessage(NOT_A_TOKEN);
    }

    @Test
    void garbageIsNoToken() {
        for (String garbage : new String[] {"", ".", "hello", "not base64!.x", "eyJ2IjoxfQ.AAAA", "a.b.c"}) {
            assertThatThrownBy(() -> tokens.decode(garbage)).as(garbage).isInstanceOf(BadRequest.class).hasMessage(NOT_A_TOKEN);
        }
    }

    @Test
    void aTokenLongerThanAnyIsRefusedBeforeDecoding() {
        String huge = "A".repeat(ConsultationToken.MAX_CHARS + 1);

        assertThatThrownBy(() -> tokens.decode(huge)).isInstanceOf(BadRequest.class)
                .hasMessage("$.token: longer than any consultation token (" + (ConsultationToken.MAX_CHARS + 1)
                        + " characters, the limit is " + ConsultationToken.MAX_CHARS + ")");
    }
}
