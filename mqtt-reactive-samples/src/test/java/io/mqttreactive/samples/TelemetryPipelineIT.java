package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClientOptions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline sample end to end on an embedded HiveMQ CE broker, with BlockHound installed (see the Failsafe
 * configuration in this module's pom): the pipeline is killed part way and restarted with its durable store, and
 * every reading is still covered by an aggregate, twice only where QoS 1 allows it.
 */
@Timeout(90)
class TelemetryPipelineIT {

    private static final int READINGS = 1000;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void nothingIsLostAcrossTheCrash(@TempDir Path store) {
        StringWriter out = new StringWriter();

        TelemetryPipeline.Result result = TelemetryPipeline.run(MqttClientOptions.parse(broker.uri()),
                new TelemetryPipeline.Settings(4, READINGS, 200, 0.4, 10, Duration.ofMillis(100)), store,
                new PrintWriter(out, true));

        System.out.print(out);
        CoverageCheck.Coverage coverage = result.coverage();
        assertThat(result.passed()).as(out.toString()).isTrue();
        assertThat(coverage.readingsSent()).isEqualTo(READINGS);
        assertThat(coverage.readingsCovered()).isEqualTo(READINGS);
        assertThat(coverage.lost()).isZero();
        assertThat(coverage.coveredTwiceByOneInstance()).isZero();
        assertThat(result.crashedRun()).as("aggregates before the crash").isPositive();
        assertThat(result.restoredRun()).as("aggregates after the restart").isPositive();
        assertThat(result.sessionResumed()).isTrue();
        assertThat(coverage.aggregatesReceivedAgain())
                .as("an aggregate arrives twice only when the store restored it and published it again")
                .isLessThanOrEqualTo(result.restored());
        assertThat(out.toString())
                .contains("Checker:  subscribed to aggregates/# at QoS 1")
                .contains("Crash:    after 400 readings, pipeline run 1 was killed")
                .contains("Pipeline: run 2 connected as telemetry-pipeline-", "session present true")
                .contains("Readings covered:     1000 of 1000")
                .contains("LOST: 0")
                .contains("Nothing was lost, and nothing was duplicated beyond what QoS 1 allows.");
    }
}
