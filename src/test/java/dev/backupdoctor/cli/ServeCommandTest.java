package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What {@code serve} refuses before it listens: one message, exit status 2. */
class ServeCommandTest {

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThat(Run.of("", "serve", "--port", "70000")).isEqualTo(new Run(2, "", "--port must be from 0 to 65535, was 70000\n"));
    }

    @Test
    void anAddressThatIsNoneIsRefused() {
        assertThat(Run.of("", "serve", "--bind", "no-such-host.invalid"))
                .isEqualTo(new Run(2, "", "--bind no-such-host.invalid: not an address or a host name this machine can resolve\n"));
    }

    @Test
    void aPortInUseIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(Run.of("", "serve", "--port", String.valueOf(port))).isEqualTo(new Run(2, "",
                    "cannot listen on 127.0.0.1:" + port + ": the port is in use, or the address is not one of this machine's\n"));
        }
    }

    @Test
    void aTimeLimitOutOfRangeIsRefused() {
        Run run = Run.of("", "serve", "--time-limit", "0");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--time-limit': must be a number of seconds from 0.001 to 86400");
    }
}
