package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The members of one shared subscription group ({@code $share/<group>/<filter>}, MQTT 5.0 section 4.8.2) in one
 * test, and every numbered message each of them received, recorded in one stream in arrival order. A member may
 * hold its QoS 1 messages unacknowledged, and may leave by cancelling its subscription; a member whose connection
 * ends simply stops receiving.
 */
final class ShareGroup {

    /** One message as a member received it: its number, the payload the publisher gave it. */
    record Delivery(String member, int number) {
    }

    private final String filter;
    private final Sinks.Many<Flux<Delivery>> members = Sinks.many().unicast().onBackpressureBuffer();
    private final Received<Delivery> deliveries = Received.of(Flux.merge(members.asFlux(), Integer.MAX_VALUE));
    private final Map<String, Sinks.Empty<Void>> leave = new LinkedHashMap<>();

    /** @param filter the shared filter, {@code $share/<group>/<filter>} */
    ShareGroup(String filter) {
        this.filter = filter;
    }

    String filter() {
        return filter;
    }

    /** Subscribes {@code client} as member {@code name}; acknowledges each message once received. */
    void join(String name, MqttClient client) {
        join(name, client, request -> client.subscribe(request));
    }

    /** Subscribes {@code client} as member {@code name}, which never acknowledges a QoS 1 or 2 message. */
    void joinWithoutAcknowledging(String name, MqttClient client) {
        join(name, client, request -> client.subscribeAcknowledged(request).map(held -> held.message()));
    }

    /** Subscribes a member, returning once the broker's SUBACK granted the subscription. */
    private void join(String name, MqttClient client,
            Function<SubscribeRequest, Flux<MqttMessage>> subscribe) {
        SubscribeRequest request = SubscribeRequest.of(Subscription.of(filter, MqttQos.AT_LEAST_ONCE));
        CompletableFuture<SubscribeResult> subAck = TestClients.subAck(client, request);
        Sinks.Empty<Void> leaving = Sinks.empty();
        leave.put(name, leaving);
        Flux<Delivery> received = subscribe.apply(request)
                .takeUntilOther(leaving.asMono())
                .map(message -> new Delivery(name, Integer.parseInt(message.payloadAsString())))
                .onErrorResume(connectionLost -> Mono.empty());
        members.emitNext(received, Sinks.EmitFailureHandler.FAIL_FAST);
        SubscribeResult result = Mono.fromFuture(subAck).block(Received.TIMEOUT);
        assertThat(result.isSuccess()).as("the broker granted %s: %s", filter, result).isTrue();
    }

    /** Cancels the subscription of member {@code name}: the client sends UNSUBSCRIBE. */
    void cancel(String name) {
        leave.get(name).tryEmitEmpty();
    }

    /** Returns the next {@code count} deliveries, to all members together, waiting up to {@code timeout}. */
    List<Delivery> next(int count, Duration timeout) {
        return deliveries.next(count, timeout);
    }

    /** Fails if any member receives anything within {@code window}. */
    void assertNothingMoreWithin(Duration window) {
        assertThat(deliveries.nextWithin(window)).as("a delivery after all were expected").isEmpty();
    }

    /** Returns every delivery so far. */
    List<Delivery> all() {
        return deliveries.all();
    }

    /** Returns how many messages each member received so far, by member in joining order. */
    Map<String, Long> countsByMember() {
        Map<String, Long> counts = new LinkedHashMap<>();
        leave.keySet().forEach(name -> counts.put(name, 0L));
        all().forEach(delivery -> counts.merge(delivery.member(), 1L, Long::sum));
        return counts;
    }

    /** Returns the numbers {@code name} received so far, ascending. */
    Set<Integer> numbersOf(String name) {
        return all().stream().filter(delivery -> delivery.member().equals(name)).map(Delivery::number)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Returns the numbers received by more than one member, or more than once, with who received them. */
    static Map<Integer, List<String>> receivedTwice(List<Delivery> deliveries) {
        Map<Integer, List<String>> receivers = new TreeMap<>();
        deliveries.forEach(delivery ->
                receivers.computeIfAbsent(delivery.number(), number -> new ArrayList<>()).add(delivery.member()));
        receivers.values().removeIf(names -> names.size() < 2);
        return receivers;
    }

    /** Returns the numbers from {@code from} (inclusive) to {@code to} (exclusive), as a set. */
    static Set<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    /** Publishes messages numbered {@code from} to {@code to} (exclusive) to {@code topic} at QoS 1, in order. */
    static void publish(MqttClient publisher, String topic, int from, int to, Duration timeout) {
        publisher.publish(Flux.range(from, to - from).map(number -> MqttMessage.of(topic,
                        Integer.toString(number).getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE)))
                .then()
                .block(timeout);
    }
}
