package io.mqttreactive.netty;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.util.context.Context;

/**
 * {@link MqttClientObservations} against a scripted MQTT 5 broker, with a handler that injects and extracts trace
 * context as a tracing bridge does: observations of publishes and deliveries, and the trace context in user
 * properties both ways.
 */
class MqttClientObservationsTest {

    private static final String SENT_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String RECEIVED_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<String> extracted = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;
    private MqttClient client;
    private Disposable binding;

    @BeforeEach
    void connect() {
        registry.observationConfig().observationHandler(new PropagatingHandler());
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.connectedClient(options -> options);
        binding = MqttClientObservations.of(registry).bindTo(client);
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    @DisplayName("a publish is observed until its PUBACK, under the parent in the Reactor context, and carries the "
            + "injected trace context as user properties, replacing a stale one")
    void publishCarriesTraceContext() {
        Observation parent = Observation.start("parent", registry);
        MqttMessage message = MqttMessage.builder().topic("out/a").payload(new byte[] {1}).qos(MqttQos.AT_LEAST_ONCE)
                .userProperties(UserProperties.builder().add("app", "1").add("traceparent", "stale").build()).build();
        CompletableFuture<PublishResult> result = client.publish(message)
                .contextWrite(Context.of("micrometer.observation", parent)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(MqttQos.AT_LEAST_ONCE));
        assertThat(sent.userProperties()).containsExactly(new UserProperty("app", "1"),
                new UserProperty("traceparent", SENT_TRACEPARENT), new UserProperty("tracestate", "vendor=1"));
        assertThat(registry).hasObservationWithNameEqualTo("mqtt.client.publish").that().hasBeenStarted()
                .isNotStopped();
        broker.send(Packets.pubAck(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT);
        assertThat(result.join().message().userProperties().first("traceparent")).hasValue(SENT_TRACEPARENT);
        assertThat(registry).hasObservationWithNameEqualTo("mqtt.client.publish").that().hasBeenStopped()
                .hasContextualNameEqualTo("mqtt publish")
                .hasLowCardinalityKeyValue("mqtt.qos", "1").hasLowCardinalityKeyValue("messaging.system", "mqtt")
                .hasHighCardinalityKeyValue("messaging.destination.name", "out/a")
                .hasParentObservationEqualTo(parent)
                .doesNotHaveError();
        parent.stop();
    }

    @Test
    @DisplayName("a refused publish ends its observation with the error")
    void refusedPublishIsAnError() {
        CompletableFuture<PublishResult> result = client.publish(MqttMessage.of("out/b", new byte[0],
                MqttQos.AT_LEAST_ONCE)).toFuture();
        broker.send(Packets.pubAck(broker.awaitReceived(isPublish(MqttQos.AT_LEAST_ONCE)).packetId(), 0x87));
        assertThat(result).failsWithin(WAIT);
        assertThat(registry).hasObservationWithNameEqualTo("mqtt.client.publish").that().hasBeenStopped()
                .hasError();
    }

    @Test
    @DisplayName("a received message is observed around its hand-over, with the sender's trace context extracted "
            + "from its user properties, and is the current observation in onNext")
    void receiveExtractsTraceContext() {
        List<Observation> currentInOnNext = new CopyOnWriteArrayList<>();
        CompletableFuture<MqttMessage> received = client.subscribe("in/#", MqttQos.AT_LEAST_ONCE)
                .doOnNext(message -> currentInOnNext.add(registry.getCurrentObservation())).next().toFuture();
        broker.send(Packets.subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 1));
        broker.send(new PublishPacket("in/x", "payload".getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE,
                false, false, 5, PublishPacket.NO_MESSAGE_EXPIRY, false, null, null, null,
                List.of(new UserProperty("traceparent", RECEIVED_TRACEPARENT)), 0, List.of()));
        assertThat(received).succeedsWithin(WAIT);
        broker.barrier();
        assertThat(extracted).containsExactly(RECEIVED_TRACEPARENT);
        assertThat(currentInOnNext).singleElement().satisfies(current ->
                assertThat(current.getContext().getName()).isEqualTo("mqtt.client.receive"));
        assertThat(registry).hasObservationWithNameEqualTo("mqtt.client.receive").that().hasBeenStopped()
                .hasLowCardinalityKeyValue("mqtt.qos", "1")
                .hasHighCardinalityKeyValue("messaging.destination.name", "in/x");
    }

    @Test
    @DisplayName("after the binding is disposed nothing is observed; a second binding at a time is refused")
    void disposeStopsObserving() {
        assertThatThrownBy(() -> MqttClientObservations.of(registry).bindTo(client))
                .isInstanceOf(IllegalStateException.class);
        binding.dispose();
        CompletableFuture<PublishResult> result = client.publish(MqttMessage.of("out/c", new byte[0],
                MqttQos.AT_MOST_ONCE)).toFuture();
        assertThat(result).succeedsWithin(WAIT);
        assertThat(broker.awaitReceived(isPublish(MqttQos.AT_MOST_ONCE)).userProperties()).isEmpty();
        assertThat(registry).doesNotHaveAnyObservation();
    }

    /** Injects and extracts trace context the way a tracing bridge's propagating handlers do. */
    private final class PropagatingHandler implements ObservationHandler<Observation.Context> {

        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            if (context instanceof SenderContext<?> sender) {
                SenderContext<Object> typed = (SenderContext<Object>) sender;
                typed.getSetter().set(typed.getCarrier(), "traceparent", SENT_TRACEPARENT);
                typed.getSetter().set(typed.getCarrier(), "tracestate", "vendor=1");
            } else if (context instanceof ReceiverContext<?> receiver) {
                ReceiverContext<Object> typed = (ReceiverContext<Object>) receiver;
                extracted.add(typed.getGetter().get(typed.getCarrier(), "traceparent"));
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
