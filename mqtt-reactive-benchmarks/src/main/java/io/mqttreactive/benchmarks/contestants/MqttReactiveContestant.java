package io.mqttreactive.benchmarks.contestants;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** mqtt-reactive: a stream of messages through {@code publish(Publisher)}, a {@code Flux} per subscription. */
public final class MqttReactiveContestant implements Contestant {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "mqtt-reactive";
    }

    public static MqttClientOptions options(String host, int port, String clientId, int window) {
        return MqttClientOptions.builder()
                .serverHost(host)
                .serverPort(port)
                .clientId(clientId)
                .version(MqttVersion.MQTT_5_0)
                .keepAlive(Duration.ofSeconds(60))
                .reconnect(ReconnectOptions.DISABLED)
                .flowControl(FlowControlOptions.builder()
                        .maximumInflightPublishes(window)
                        .receiveMaximum(window)
                        .build())
                .build();
    }

    @Override
    public BenchPublisher publisher(String host, int port, String clientId, int window) {
        MqttClient client = MqttClients.create(options(host, port, clientId, window));
        client.connect().block(TIMEOUT);
        return new Publisher(client);
    }

    @Override
    public BenchSubscriber subscriber(String host, int port, String clientId, String topic, int qos, int window,
            MessageListener listener) {
        MqttClient client = MqttClients.create(options(host, port, clientId, window));
        client.connect().block(TIMEOUT);
        Mono<MqttClientEvent> subscribed = client.events()
                .filter(event -> event instanceof MqttClientEvent.Subscribed)
                .next()
                .cache();
        subscribed.subscribe();
        Disposable subscription = client.subscribe(topic, MqttQos.fromCode(qos))
                .subscribe(message -> listener.onMessage(message.payload()));
        subscribed.block(TIMEOUT);
        return () -> {
            subscription.dispose();
            client.disconnect().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            client.close().block(TIMEOUT);
        };
    }

    private record Publisher(MqttClient client) implements BenchPublisher {

        @Override
        public long publishFor(String topic, byte[] payload, int qos, Duration duration) {
            MqttMessage message = MqttMessage.of(topic, payload, MqttQos.fromCode(qos));
            long deadline = System.nanoTime() + duration.toNanos();
            Flux<MqttMessage> messages = Flux.generate(sink -> {
                if (System.nanoTime() < deadline) {
                    sink.next(message);
                } else {
                    sink.complete();
                }
            });
            Long published = client.publish(messages).count().block(duration.plus(TIMEOUT));
            client.publish(MqttMessage.of(topic, new byte[0], MqttQos.AT_LEAST_ONCE)).block(TIMEOUT);
            return published == null ? 0 : published;
        }

        @Override
        public void publishAsync(String topic, byte[] payload, int qos) {
            client.publish(MqttMessage.of(topic, payload, MqttQos.fromCode(qos))).subscribe();
        }

        @Override
        public void close() {
            client.disconnect().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            client.close().block(TIMEOUT);
        }
    }
}
