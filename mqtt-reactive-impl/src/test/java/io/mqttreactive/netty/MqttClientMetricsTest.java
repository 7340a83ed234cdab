package io.mqttreactive.netty;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OfflineQueueOverflow;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.subscriber.TestSubscriber;

/** The meters of {@link MqttClientMetrics}, against a scripted broker: their values after known traffic. */
class MqttClientMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private void connect(MqttVersion version, FlowControlOptions flowControl) {
        broker = ScriptedBroker.start(version);
        client = broker.newClient(options -> options.flowControl(flowControl).reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        MqttClientMetrics.of(registry).tag("app", "test").bindTo(client);
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
    }

    private CompletableFuture<PublishResult> publish(String payload, MqttQos qos) {
        return client.publish(MqttMessage.of("metrics/" + payload, payload.getBytes(StandardCharsets.UTF_8), qos))
                .toFuture();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    @DisplayName("publishes count by QoS and outcome, acknowledged ones are timed, received PUBLISH count by QoS")
    void publishesAndReceives() {
        connect(MqttVersion.MQTT_5_0, FlowControlOptions.DEFAULT);
        assertThat(publish("zero", AT_MOST_ONCE)).succeedsWithin(WAIT);
        broker.awaitReceived(isPublish(AT_MOST_ONCE));
        CompletableFuture<PublishResult> one = publish("one", AT_LEAST_ONCE);
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));
        assertThat(one).succeedsWithin(WAIT);
        CompletableFuture<PublishResult> refused = publish("refused", AT_LEAST_ONCE);
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId(), 0x87));
        assertThat(refused).failsWithin(WAIT);
        CompletableFuture<PublishResult> two = publish("two", EXACTLY_ONCE);
        int twoId = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        assertThat(gauge("mqtt.client.publishes.inflight")).isEqualTo(1);
        broker.send(pubRec(twoId));
        broker.awaitReceived(isPubRel(twoId));
        broker.send(pubComp(twoId));
        assertThat(two).succeedsWithin(WAIT);

        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe("in/#", EXACTLY_ONCE).subscribe(subscriber);
        broker.send(subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 2));
        broker.send(Packets.publish("in/a", "a", AT_MOST_ONCE, 0), Packets.publish("in/b", "b", AT_LEAST_ONCE, 7),
                Packets.publish("in/c", "c", AT_LEAST_ONCE, 8));
        broker.barrier();

        assertThat(count("mqtt.client.publishes", "qos", "0", "outcome", "success")).isEqualTo(1);
        assertThat(count("mqtt.client.publishes", "qos", "1", "outcome", "success")).isEqualTo(1);
        assertThat(count("mqtt.client.publishes", "qos", "1", "outcome", "rejected")).isEqualTo(1);
        assertThat(count("mqtt.client.publishes", "qos", "2", "outcome", "success")).isEqualTo(1);
        assertThat(count("mqtt.client.publishes", "qos", "2", "outcome", "failed")).isZero();
        Timer qos1 = registry.get("mqtt.client.publish.acknowledgement").tags("qos", "1").timer();
        Timer qos2 = registry.get("mqtt.client.publish.acknowledgement").tags("qos", "2").timer();
        assertThat(qos1.count()).isEqualTo(1);
        assertThat(qos2.count()).isEqualTo(1);
        assertThat(qos2.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(count("mqtt.client.messages.received", "qos", "0")).isEqualTo(1);
        assertThat(count("mqtt.client.messages.received", "qos", "1")).isEqualTo(2);
        assertThat(count("mqtt.client.messages.received", "qos", "2")).isZero();
        assertThat(gauge("mqtt.client.subscription.buffered")).isEqualTo(3);
        assertThat(gauge("mqtt.client.publishes.inflight")).isZero();
        subscriber.request(3);
        broker.barrier();
        assertThat(gauge("mqtt.client.subscription.buffered")).isZero();
        assertThat(count("mqtt.client.connects")).isEqualTo(1);
        assertThat(gauge("mqtt.client.connection.state", "state", "connected")).isEqualTo(1);
        assertThat(gauge("mqtt.client.connection.state", "state", "disconnected")).isZero();
        assertThat(registry.get("mqtt.client.connects").meter().getId().getTag("client.id"))
                .isEqualTo("scripted-client");
        assertThat(registry.get("mqtt.client.connects").meter().getId().getTag("app")).isEqualTo("test");
        subscriber.cancel();
    }

    @Test
    @DisplayName("acknowledged messages a subscription discards as it ends count as dropped, by how many")
    void bufferedMessagesDiscarded() {
        connect(MqttVersion.MQTT_5_0, FlowControlOptions.DEFAULT);
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe(SubscribeRequest.of(Subscription.of("in/#", AT_LEAST_ONCE)), AcknowledgeMode.onBuffer())
                .subscribe(subscriber);
        broker.send(subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 1));
        broker.send(Packets.publish("in/a", "a", AT_LEAST_ONCE, 7), Packets.publish("in/b", "b", AT_LEAST_ONCE, 8));
        broker.awaitReceived(isPubAck(7));
        broker.awaitReceived(isPubAck(8));

        subscriber.cancel();
        broker.awaitReceived(isUnsubscribe("in/#"));
        assertThat(count("mqtt.client.messages.dropped", "reason", "buffered_discarded")).isEqualTo(2);
    }

    @Test
    @DisplayName("a lost connection counts a disconnect by reason; the reconnect counts as connect and reconnect; "
            + "the offline queue's depth and drops are measured")
    void reconnectAndOfflineQueue() {
        connect(MqttVersion.MQTT_3_1_1, FlowControlOptions.builder().offlineQueueSize(1)
                .offlineQueueOverflow(OfflineQueueOverflow.DROP_OLDEST).build());
        broker.closeConnection();
        broker.awaitReceived(isConnect());
        assertThat(gauge("mqtt.client.connection.state", "state", "reconnecting")).isEqualTo(1);
        CompletableFuture<PublishResult> dropped = publish("first", AT_LEAST_ONCE);
        CompletableFuture<PublishResult> kept = publish("second", AT_LEAST_ONCE);
        assertThat(dropped).failsWithin(WAIT);
        assertThat(gauge("mqtt.client.offline.queued")).isEqualTo(1);
        assertThat(count("mqtt.client.messages.dropped", "reason", "offline_queue_full")).isEqualTo(1);
        assertThat(count("mqtt.client.publishes", "qos", "1", "outcome", "buffer_full")).isEqualTo(1);

        broker.send(connAck());
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));
        assertThat(kept).succeedsWithin(WAIT);
        assertThat(gauge("mqtt.client.offline.queued")).isZero();
        assertThat(count("mqtt.client.connects")).isEqualTo(2);
        assertThat(count("mqtt.client.reconnects")).isEqualTo(1);
        assertThat(count("mqtt.client.disconnects", "reason", "connection_closed")).isEqualTo(1);
        assertThat(registry.get("mqtt.client.publish.acknowledgement").tags("qos", "1").timer().count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a refused connect counts a connect failure tagged with the CONNACK reason code")
    void connectFailureByReason() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.newClient(options -> options.reconnect(ReconnectOptions.DISABLED));
        MqttClientMetrics.of(registry).bindTo(client);
        broker.expect(isConnect()).answer(connAck(0x87));
        assertThatThrownBy(() -> client.connect().block(WAIT)).isNotNull();
        assertThat(count("mqtt.client.connect.failures", "reason", "not_authorized")).isEqualTo(1);
        assertThat(count("mqtt.client.connects")).isZero();
    }

    @Test
    @DisplayName("closing the client removes its meters")
    void closeRemovesMeters() {
        connect(MqttVersion.MQTT_5_0, FlowControlOptions.DEFAULT);
        assertThat(registry.getMeters()).isNotEmpty();
        client.close().block(WAIT);
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    @DisplayName("disposing the binding removes the meters and stops measuring; the client goes on")
    void disposeRemovesMeters() {
        connect(MqttVersion.MQTT_5_0, FlowControlOptions.DEFAULT);
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        Disposable binding = MqttClientMetrics.of(other).clientIdTag(false).tags(Tags.of("region", "eu"))
                .bindTo(client);
        Meter.Id connects = other.get("mqtt.client.connects").meter().getId();
        assertThat(connects.getTag("client.id")).isNull();
        assertThat(connects.getTag("region")).isEqualTo("eu");
        binding.dispose();
        assertThat(other.getMeters()).isEmpty();
        assertThat(binding.isDisposed()).isTrue();
        assertThat(publish("after", AT_MOST_ONCE)).succeedsWithin(WAIT);
        assertThat(other.getMeters()).isEmpty();
        assertThat(count("mqtt.client.publishes", "qos", "0", "outcome", "success")).isEqualTo(1);
    }

    @Test
    @DisplayName("binding a client of another implementation is refused before anything is registered")
    void refusesForeignClient() {
        MqttClient foreign = (MqttClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MqttClient.class}, (proxy, method, args) -> null);
        assertThatThrownBy(() -> MqttClientMetrics.of(registry).bindTo(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a client of mqtt-reactive-impl");
        assertThatThrownBy(() -> MqttClientMetrics.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(registry.getMeters()).isEmpty();
    }
}
