package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttNotConnectedException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * When the client tries to connect and when a publish may wait for a connection: {@code connect()} retried
 * within {@link ReconnectOptions#connectRetry()}, publishes that wait before the first connection and fail at
 * once when nothing will connect the client.
 */
class ConnectAvailabilityFlowTest {

    private static final Duration SHORT_DELAY = Duration.ofMillis(10);
    private static final MqttMessage MESSAGE =
            MqttMessage.of("availability/out", "hello".getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE);

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void aRetriedConnectTriesAgainAfterTheDelayUntilTheBrokerIsReachable() {
        MqttClient client = clientUnreachableFor(2, ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(SHORT_DELAY)).withConnectRetry(Duration.ofMinutes(1)));
        broker.expect(isConnect()).answer(connAck());

        assertThat(client.connect().block(WAIT)).isNotNull();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRetriedConnectGivesUpWithTheLastFailureOnceTheNextAttemptWouldStartTooLate() {
        Duration delay = Duration.ofMillis(100);
        MqttClient client = clientUnreachableFor(Integer.MAX_VALUE, ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(delay)).withConnectRetry(delay.multipliedBy(3)));

        assertThatThrownBy(() -> client.connect().block(WAIT))
                .isInstanceOf(MqttConnectionClosedException.class)
                .hasMessageContaining("cannot connect to");
        assertThat(attempts.get()).as("the first attempt and at most one per delay within the retry time")
                .isBetween(2, 4);
    }

    @Test
    void aRetriedConnectStopsAtARefusalThatWouldRepeat() {
        MqttClient client = broker.newClient(options -> options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(SHORT_DELAY)).withConnectRetry(Duration.ofMinutes(1))));
        broker.expect(isConnect()).answerAndClose(connAck(ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD.code()));

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOf(MqttConnectException.class);
        broker.assertNothingReceivedWithin(SHORT_DELAY.multipliedBy(20));
    }

    @Test
    void aRetriedConnectStopsWhenTheUserDisconnects() {
        MqttClient client = clientUnreachableFor(Integer.MAX_VALUE, ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(SHORT_DELAY)).withConnectRetry(Duration.ofMinutes(1)));
        CompletableFuture<?> connecting = client.connect().toFuture();
        client.events().ofType(MqttClientEvent.ConnectFailed.class).next().block(WAIT);

        client.disconnect().block(WAIT);

        assertThat(connecting).failsWithin(WAIT);
        int attemptsWhenStopped = attempts.get();
        client.events().ofType(MqttClientEvent.ConnectFailed.class).next()
                .timeout(SHORT_DELAY.multipliedBy(20), Mono.empty()).block(WAIT);
        assertThat(attempts).hasValue(attemptsWhenStopped);
    }

    @Test
    void withoutConnectRetryAFailedConnectIsNotTriedAgain() {
        MqttClient client = clientUnreachableFor(1, ReconnectOptions.DEFAULT.withDelay(
                ReconnectDelay.constant(SHORT_DELAY)));

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOf(MqttConnectionClosedException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aPublishBeforeTheFirstConnectWaitsForIt() {
        MqttClient client = broker.newClient(options -> options.reconnect(ReconnectOptions.DISABLED));
        CompletableFuture<PublishResult> publish = client.publish(MESSAGE).toFuture();
        broker.assertNothingReceivedWithin(SHORT_DELAY.multipliedBy(10));
        assertThat(publish).isNotDone();

        broker.expect(isConnect()).answer(connAck());
        broker.expect(isPublish(AT_LEAST_ONCE)).answer(sent -> pubAck(sent.packetId()));
        client.connect().block(WAIT);

        assertThat(publish).succeedsWithin(WAIT);
    }

    @Test
    void aPublishAfterTheConnectionWasLostWithoutReconnectFailsAtOnceUntilTheNextConnect() {
        MqttClient client = broker.connectedClient(options -> options.reconnect(ReconnectOptions.DISABLED));
        Mono<MqttClientEvent.Disconnected> disconnected =
                client.events().ofType(MqttClientEvent.Disconnected.class).next().cache();
        disconnected.subscribe();
        broker.closeConnection();
        disconnected.block(WAIT);

        assertThatThrownBy(() -> client.publish(MESSAGE).block(WAIT)).isInstanceOf(MqttNotConnectedException.class);

        broker.expect(isConnect()).answer(connAck());
        broker.expect(isPublish(AT_LEAST_ONCE)).answer(sent -> pubAck(sent.packetId()));
        client.connect().block(WAIT);
        assertThat(client.publish(MESSAGE).block(WAIT)).isNotNull();
    }

    @Test
    void aPublishAfterDisconnectFailsAtOnce() {
        MqttClient client = broker.connectedClient(options -> options);
        client.disconnect().block(WAIT);

        assertThatThrownBy(() -> client.publish(MESSAGE).block(WAIT)).isInstanceOf(MqttNotConnectedException.class);
    }

    /** A client whose first {@code failures} connection attempts find nothing listening. */
    private MqttClient clientUnreachableFor(int failures, ReconnectOptions reconnect) {
        return broker.newClient(options -> options.reconnect(reconnect), connector ->
                (options, loop, decode, encode) -> attempts.incrementAndGet() <= failures
                        ? Mono.<MqttChannel>error(new ConnectException("Connection refused"))
                        : connector.connect(options, loop, decode, encode));
    }
}
