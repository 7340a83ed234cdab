package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line alone: help and invalid options, which start neither a broker nor a client. */
class TelemetryPipelineCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheOptions() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: telemetry-pipeline", "--broker=URI", "--devices=N",
                "--readings=N", "--rate=N", "--crash-after=FRACTION", "--window=N", "--window-time=TIME",
                "--store=DIR", "default: 100ms");
    }

    @Test
    void outOfRangeSettingsAreUsageErrors() {
        assertThat(execute("--crash-after", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--crash-after must be between 0 and 1", "Usage: telemetry-pipeline");
        assertThat(execute("--devices", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--devices must be 1 to 256");
    }

    @Test
    void brokersWithTlsAreUsageErrors() {
        assertThat(execute("--broker", "mqtts://broker.example:8883")).isEqualTo(2);
        assertThat(err.toString()).contains("--broker must not use TLS");
    }

    private int execute(String... args) {
        return new CommandLine(new TelemetryPipeline())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
