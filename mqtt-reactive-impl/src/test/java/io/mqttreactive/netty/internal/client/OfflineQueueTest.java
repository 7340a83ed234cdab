package io.mqttreactive.netty.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.options.OfflineQueueOverflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.test.subscriber.TestSubscriber;

class OfflineQueueTest {

    private final List<MqttClientEvent> events = new ArrayList<>();
    private final List<MonoSink<PublishResult>> taken = new ArrayList<>();

    private static MqttMessage message(String topic) {
        return MqttMessage.of(topic, new byte[0], MqttQos.AT_LEAST_ONCE);
    }

    private TestSubscriber<PublishResult> add(OfflineQueue queue, String topic) {
        TestSubscriber<PublishResult> subscriber = TestSubscriber.create();
        Mono.<PublishResult>create(sink -> queue.add(message(topic), sink)).subscribe(subscriber);
        return subscriber;
    }

    @Test
    void cancellingAfterTheHandOverRunsTheCancelCallbackOfTheTaker() {
        OfflineQueue queue = new OfflineQueue(4, OfflineQueueOverflow.FAIL_NEW, events::add);
        TestSubscriber<PublishResult> publish = add(queue, "a");
        AtomicBoolean takerCancelled = new AtomicBoolean();

        queue.drainTo((message, sink) -> sink.onCancel(() -> takerCancelled.set(true)));
        publish.cancel();

        assertThat(takerCancelled).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void aPublishCancelledWhileQueuedIsNotHandedOverAndFreesItsPlace() {
        OfflineQueue queue = new OfflineQueue(1, OfflineQueueOverflow.FAIL_NEW, events::add);
        add(queue, "cancelled").cancel();
        TestSubscriber<PublishResult> kept = add(queue, "kept");

        queue.drainTo((message, sink) -> {
            taken.add(sink);
            sink.success(PublishResult.success(message));
        });

        assertThat(taken).hasSize(1);
        assertThat(kept.getReceivedOnNext()).singleElement()
                .satisfies(result -> assertThat(result.message().topic().value()).isEqualTo("kept"));
    }

    @Test
    void droppingTheOldestCountsEveryDrop() {
        OfflineQueue queue = new OfflineQueue(1, OfflineQueueOverflow.DROP_OLDEST, events::add);
        TestSubscriber<PublishResult> first = add(queue, "first");
        TestSubscriber<PublishResult> second = add(queue, "second");
        add(queue, "third");

        assertThat(first.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(second.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(events).extracting(event -> ((MqttClientEvent.OfflinePublishDropped) event).totalDropped())
                .containsExactly(1L, 2L);
    }

    @Test
    void failAllEmptiesTheQueue() {
        OfflineQueue queue = new OfflineQueue(2, OfflineQueueOverflow.FAIL_NEW, events::add);
        TestSubscriber<PublishResult> publish = add(queue, "a");
        IllegalStateException cause = new IllegalStateException("gone");

        queue.failAll(cause);

        assertThat(publish.expectTerminalError()).isSameAs(cause);
        assertThat(queue.size()).isZero();
    }
}
