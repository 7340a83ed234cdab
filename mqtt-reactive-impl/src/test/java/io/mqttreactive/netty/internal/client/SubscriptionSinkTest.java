package io.mqttreactive.netty.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.routing.InboundDelivery;
import io.mqttreactive.options.OverflowStrategy;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.FluxSink;
import reactor.util.context.Context;

/**
 * {@link SubscriptionSink} against a flux sink whose requested count lags, as Reactor's does while another thread
 * is inside the flux's drain loop (it decrements only after that loop's {@code onNext} calls return). The sink
 * must emit, and so acknowledge, exactly what downstream requested.
 */
class SubscriptionSinkTest {

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final LaggingFluxSink emitter = new LaggingFluxSink();
    private final List<Integer> acknowledged = new ArrayList<>();
    private final List<Integer> abandoned = new ArrayList<>();
    private final List<Integer> discarded = new ArrayList<>();
    private SubscriptionSink<MqttMessage> sink = open(Acknowledgement.ON_DELIVERY);

    @AfterEach
    void closeLoop() {
        loop.finishAndReleaseAll();
    }

    private SubscriptionSink<MqttMessage> open(Acknowledgement acknowledgement) {
        return new SubscriptionSink<>(loop.eventLoop(), emitter, acknowledgement, 8, 1024,
                OverflowStrategy.DROP_OLDEST, new ReadControl(), null, delta -> { },
                new SubscriptionSink.DropListener() {
                    @Override
                    public void dropped(SubscriptionSink<?> sink, MqttMessage message, long totalDropped) {
                    }

                    @Override
                    public void discarded(SubscriptionSink<?> sink, int count) {
                        discarded.add(count);
                    }
                });
    }

    private void deliver(int packetId) {
        deliver(packetId, "m");
    }

    private void deliver(int packetId, String payload) {
        InboundDelivery delivery = new InboundDelivery(packetId, MqttQos.AT_LEAST_ONCE, 0, delivered ->
                (delivered.isAccepted() ? acknowledged : abandoned).add(delivered.packetId()));
        delivery.hold();
        sink.deliver(MqttMessage.of("t/" + packetId, payload.getBytes(StandardCharsets.UTF_8),
                MqttQos.AT_LEAST_ONCE), delivery);
    }

    private void request(long n) {
        emitter.request(n);
        loop.runPendingTasks();
    }

    @Test
    @DisplayName("QoS 1 messages are emitted and released only as far as downstream requested, whatever the flux "
            + "sink's requested count says [MQTT-4.3.2-4] (5.0)")
    void emitsNoMoreThanRequested() {
        for (int id = 1; id <= 5; id++) {
            deliver(id);
        }
        loop.runPendingTasks();
        assertThat(emitter.emitted).isEmpty();

        request(1);
        assertThat(emitter.emitted).hasSize(1);
        assertThat(acknowledged).containsExactly(1);

        request(2);
        assertThat(emitter.emitted).extracting(message -> message.topic().toString())
                .containsExactly("t/1", "t/2", "t/3");
        assertThat(acknowledged).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("an unbounded request lets every message through")
    void unboundedDemand() {
        request(Long.MAX_VALUE);
        for (int id = 1; id <= 5; id++) {
            deliver(id);
        }

        assertThat(emitter.emitted).hasSize(5);
        assertThat(acknowledged).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("buffer mode: messages are released on arrival while the buffer has room; the others wait "
            + "unreleased, and each emission releases the oldest waiting one")
    void bufferModeReleasesOnArrivalWithinItsBound() {
        sink = open(new Acknowledgement(false, 2, 1024));
        for (int id = 1; id <= 5; id++) {
            deliver(id);
        }
        assertThat(acknowledged).containsExactly(1, 2);

        request(1);
        assertThat(emitter.emitted).extracting(message -> message.topic().toString()).containsExactly("t/1");
        assertThat(acknowledged).containsExactly(1, 2, 3);

        request(4);
        assertThat(emitter.emitted).hasSize(5);
        assertThat(acknowledged).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("buffer mode: the payload bytes bound holds too, except that an empty buffer takes one message of "
            + "any size; a later small message does not overtake a waiting large one")
    void bufferModeBoundsPayloadBytes() {
        sink = open(new Acknowledgement(false, 100, 10));
        deliver(1, "12345678");
        deliver(2, "0123456789AB");
        deliver(3, "x");
        assertThat(acknowledged).containsExactly(1);

        request(1);
        assertThat(acknowledged).containsExactly(1, 2);

        request(1);
        assertThat(acknowledged).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("buffer mode: a sink that ends discards the released messages and reports how many; the waiting "
            + "ones are abandoned, left for the broker to send again")
    void bufferModeReportsDiscardedMessagesWhenItEnds() {
        sink = open(new Acknowledgement(false, 2, 1024));
        for (int id = 1; id <= 4; id++) {
            deliver(id);
        }
        request(1);
        assertThat(acknowledged).containsExactly(1, 2, 3);

        sink.complete();
        assertThat(discarded).containsExactly(2);
        assertThat(abandoned).containsExactly(4);
    }

    @Test
    @DisplayName("on delivery: a sink that ends abandons what it holds and discards nothing")
    void onDeliveryDiscardsNothing() {
        deliver(1);
        sink.complete();
        assertThat(abandoned).containsExactly(1);
        assertThat(discarded).isEmpty();
    }

    /** Reports a requested count that stays positive once anything was requested, and never shrinks on next(). */
    private static final class LaggingFluxSink implements FluxSink<MqttMessage> {

        final List<MqttMessage> emitted = new ArrayList<>();
        private LongConsumer onRequest = n -> { };
        private long requested;

        void request(long n) {
            requested = n;
            onRequest.accept(n);
        }

        @Override
        public FluxSink<MqttMessage> next(MqttMessage message) {
            emitted.add(message);
            return this;
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Throwable error) {
        }

        @Override
        @SuppressWarnings("deprecation")
        public Context currentContext() {
            return Context.empty();
        }

        @Override
        public long requestedFromDownstream() {
            return requested;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public FluxSink<MqttMessage> onRequest(LongConsumer consumer) {
            this.onRequest = consumer;
            return this;
        }

        @Override
        public FluxSink<MqttMessage> onCancel(Disposable disposable) {
            return this;
        }

        @Override
        public FluxSink<MqttMessage> onDispose(Disposable disposable) {
            return this;
        }
    }
}
