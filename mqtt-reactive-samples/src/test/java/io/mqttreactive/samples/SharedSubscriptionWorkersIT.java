package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClientOptions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared subscription sample end to end on an embedded HiveMQ CE broker, with BlockHound installed (see the
 * Failsafe configuration in this module's pom): every job is processed by exactly one worker of the group.
 */
@Timeout(60)
class SharedSubscriptionWorkersIT {

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
    void everyJobIsProcessedByExactlyOneWorker() {
        StringWriter out = new StringWriter();

        SharedSubscriptionWorkers.Result result = SharedSubscriptionWorkers.run(
                MqttClientOptions.parse(broker.uri()), 3, 200, Duration.ofMillis(1), new PrintWriter(out, true));

        System.out.print(out);
        assertThat(result.everyJobProcessedOnce()).as(out.toString()).isTrue();
        assertThat(result.byWorker()).hasSize(3);
        assertThat(result.byWorker().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(out.toString())
                .contains("Workers:  3 in group \"workers\", each subscribed to $share/workers/jobs/# at QoS 1")
                .contains("Producer: published 200 jobs")
                .contains("Every one of the 200 jobs was processed exactly once.");
        assertThat(out.toString().lines().filter(line -> line.contains(" processed ") && line.endsWith(" jobs")))
                .hasSize(3);
    }
}
