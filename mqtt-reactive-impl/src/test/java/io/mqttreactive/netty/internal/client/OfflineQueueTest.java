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

    private TestSubscriber<PublishResult> add(OfflineQueue queue, String topic) {
        return add(queue, topic, 0);
    }

    private TestSubscriber<PublishResult> add(OfflineQueue queue, String topic, int payloadBytes) {
        TestSubscriber<PublishResult> subscriber = TestSubscriber.create();
        MqttMessage message = MqttMessage.of(topic, new byte[payloadBytes], MqttQos.AT_LEAST_ONCE);
        Mono.<PublishResult>create(sink -> queue.add(message, sink)).subscribe(subscriber);
        return subscriber;
    }

    @Test
    void cancellingAfterTheHandOverRunsTheCancelCallbackOfTheTaker() {
        OfflineQueue queue = new OfflineQueue(4, Long.MAX_VALUE, OfflineQueueOverflow.FAIL_NEW, events::add);
        TestSubscriber<PublishResult> publish = add(queue, "a");
        AtomicBoolean takerCancelled = new AtomicBoolean();

        queue.drainTo(message -> true, (message, sink) -> sink.onCancel(() -> takerCancelled.set(true)), rest -> { });
        publish.cancel();

        assertThat(takerCancelled).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void aPublishCancelledWhileQueuedIsNotHandedOverAndFreesItsPlace() {
        OfflineQueue queue = new OfflineQueue(1, Long.MAX_VALUE, OfflineQueueOverflow.FAIL_NEW, events::add);
        add(queue, "cancelled").cancel();
        TestSubscriber<PublishResult> kept = add(queue, "kept");

        queue.drainTo(message -> true, (message, sink) -> {
            taken.add(sink);
            sink.success(PublishResult.success(message));
        }, rest -> { });

        assertThat(taken).hasSize(1);
        assertThat(kept.getReceivedOnNext()).singleElement()
                .satisfies(result -> assertThat(result.message().topic().value()).isEqualTo("kept"));
    }

    @Test
    void droppingTheOldestCountsEveryDrop() {
        OfflineQueue queue = new OfflineQueue(1, Long.MAX_VALUE, OfflineQueueOverflow.DROP_OLDEST, events::add);
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
    void aPublishPastThePayloadByteBoundFailsButAnEmptyQueueTakesOneOfAnySize() {
        OfflineQueue queue = new OfflineQueue(10, 10, OfflineQueueOverflow.FAIL_NEW, events::add);
        TestSubscriber<PublishResult> large = add(queue, "large", 25);
        TestSubscriber<PublishResult> refused = add(queue, "refused", 1);

        assertThat(large.isTerminated()).isFalse();
        assertThat(refused.expectTerminalError()).isInstanceOf(MqttBufferFullException.class)
                .hasMessageContaining("payload bytes");
        queue.drainTo(message -> true, (message, sink) -> taken.add(sink), rest -> { });
        TestSubscriber<PublishResult> six = add(queue, "six", 6);
        TestSubscriber<PublishResult> four = add(queue, "four", 4);
        TestSubscriber<PublishResult> one = add(queue, "one", 1);

        assertThat(six.isTerminated()).isFalse();
        assertThat(four.isTerminated()).isFalse();
        assertThat(one.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void droppingTheOldestDropsAsManyAsTheByteBoundNeeds() {
        OfflineQueue queue = new OfflineQueue(10, 10, OfflineQueueOverflow.DROP_OLDEST, events::add);
        TestSubscriber<PublishResult> first = add(queue, "first", 4);
        TestSubscriber<PublishResult> second = add(queue, "second", 4);
        TestSubscriber<PublishResult> third = add(queue, "third", 2);
        add(queue, "eight", 8);

        assertThat(first.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(second.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(third.isTerminated()).isFalse();
        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void failAllEmptiesTheQueue() {
        OfflineQueue queue = new OfflineQueue(2, Long.MAX_VALUE, OfflineQueueOverflow.FAIL_NEW, events::add);
        TestSubscriber<PublishResult> publish = add(queue, "a");
        IllegalStateException cause = new IllegalStateException("gone");

        queue.failAll(cause);

        assertThat(publish.expectTerminalError()).isSameAs(cause);
        assertThat(queue.size()).isZero();
    }
}
