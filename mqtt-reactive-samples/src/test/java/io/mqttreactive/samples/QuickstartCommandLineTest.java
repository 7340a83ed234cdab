package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The command line alone: help and invalid options, which start neither a broker nor a client. */
class QuickstartCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheOptions() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: quickstart", "--broker=URI", "--version=VERSION", "--devices=N",
                "--rate=PER_SECOND", "--duration=TIME", "--window=TIME", "--keep-running", "default: 10s");
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        assertThat(execute("--devices", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("devices must be 1 to 1000, was 0", "Usage: quickstart");
    }

    @Test
    void invalidBrokerUrisAreUsageErrors() {
        assertThat(execute("--broker", "http://localhost")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--broker'");
    }

    @Test
    void invalidDurationsAreUsageErrors() {
        assertThat(execute("--duration", "forever")).isEqualTo(2);
        assertThat(err.toString()).contains("'forever' is not a duration");
    }

    private int execute(String... args) {
        return Quickstart.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
