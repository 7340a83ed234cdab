package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttResponder;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.topic.MqttTopic;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Answers MQTT 5.0 requests (sec 4.10.1): for each request on the subscription, publishes the handler's response
 * to the request's Response Topic with its Correlation Data copied. A failing request is counted and logged (at
 * most one line per {@link LogRateLimiter#INTERVAL_NANOS}), never the end of the responder.
 */
final class ClientResponder implements MqttResponder {

    private static final Logger LOG = Loggers.getLogger(ClientResponder.class);

    private final MqttClient client;
    private final MqttSubscription subscription;
    private final Function<MqttMessage, Mono<MqttMessage>> handler;
    private final LongAdder withoutResponseTopic = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LogRateLimiter logLimit = new LogRateLimiter(System::nanoTime);

    ClientResponder(MqttClient client, MqttSubscription subscription,
            Function<MqttMessage, Mono<MqttMessage>> handler) {
        this.client = client;
        this.subscription = subscription;
        this.handler = handler;
    }

    @Override
    public Flux<PublishResult> responses() {
        return subscription.messages().flatMap(this::answer, MAXIMUM_CONCURRENT_REQUESTS);
    }

    private Mono<PublishResult> answer(MqttMessage request) {
        Optional<MqttTopic> responseTopic = request.responseTopic();
        if (responseTopic.isEmpty()) {
            withoutResponseTopic.increment();
            return Mono.empty();
        }
        byte[] correlationData = request.correlationData().orElse(null);
        return Mono.defer(() -> handler.apply(request))
                .map(response -> response.mutate().topic(responseTopic.get()).correlationData(correlationData)
                        .subscriptionIdentifiers(List.of()).build())
                .flatMap(client::publish)
                .onErrorResume(error -> {
                    failed.increment();
                    long suppressed = logLimit.admit("failed request");
                    if (suppressed != LogRateLimiter.SUPPRESSED) {
                        LOG.warn("No response to a request on {} ({} more since the last line): {}",
                                request.topic(), suppressed, error.toString());
                    }
                    return Mono.empty();
                });
    }

    @Override
    public Mono<SubscribeResult> acknowledged() {
        return subscription.acknowledged();
    }

    @Override
    public long requestsWithoutResponseTopic() {
        return withoutResponseTopic.sum();
    }

    @Override
    public long failedRequests() {
        return failed.sum();
    }
}
