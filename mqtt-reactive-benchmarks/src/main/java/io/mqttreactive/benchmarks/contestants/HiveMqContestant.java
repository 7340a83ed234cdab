package io.mqttreactive.benchmarks.contestants;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5RxClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.reactivex.Flowable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** HiveMQ MQTT Client 1.3: a {@code Flowable} of messages through its reactive API, callbacks for subscribing. */
public final class HiveMqContestant implements Contestant {

    @Override
    public String name() {
        return "HiveMQ";
    }

    private static Mqtt5RxClient connect(String host, int port, String clientId, int window) {
        Mqtt5RxClient client = Mqtt5Client.builder()
                .identifier(clientId)
                .serverHost(host)
                .serverPort(port)
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        System.out.println("  HiveMQ client " + clientId + " disconnected by the "
                                + context.getSource().name().toLowerCase(java.util.Locale.ROOT) + ": "
                                + context.getCause());
                    }
                })
                .buildRx();
        client.connectWith()
                .keepAlive(60)
                .cleanStart(true)
                .restrictions().receiveMaximum(window).sendMaximum(window).applyRestrictions()
                .applyConnect()
                .timeout(30, TimeUnit.SECONDS)
                .blockingGet();
        return client;
    }

    @Override
    public BenchPublisher publisher(String host, int port, String clientId, int window) {
        return new Publisher(connect(host, port, clientId, window));
    }

    @Override
    public BenchSubscriber subscriber(String host, int port, String clientId, String topic, int qos, int window,
            MessageListener listener) throws Exception {
        Mqtt5AsyncClient client = connect(host, port, clientId, window).toAsync();
        client.subscribeWith()
                .topicFilter(topic)
                .qos(MqttQos.fromCode(qos))
                .callback(publish -> listener.onMessage(publish.getPayloadAsBytes()))
                .send()
                .get(30, TimeUnit.SECONDS);
        return () -> client.disconnect().get(30, TimeUnit.SECONDS);
    }

    private record Publisher(Mqtt5RxClient client) implements BenchPublisher {

        @Override
        public long publishFor(String topic, byte[] payload, int qos, Duration duration) throws Exception {
            Mqtt5Publish message = Mqtt5Publish.builder().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).build();
            long deadline = System.nanoTime() + duration.toNanos();
            Flowable<Mqtt5Publish> messages = Flowable.generate(emitter -> {
                if (System.nanoTime() < deadline) {
                    emitter.onNext(message);
                } else {
                    emitter.onComplete();
                }
            });
            long published = client.publish(messages)
                    .doOnNext(result -> result.getError().ifPresent(error -> {
                        throw new IllegalStateException(error);
                    }))
                    .count()
                    .blockingGet();
            client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
            return published;
        }

        @Override
        public void publishAsync(String topic, byte[] payload, int qos) {
            client.toAsync().publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).send();
        }

        @Override
        public void close() throws Exception {
            client.toAsync().disconnect().get(30, TimeUnit.SECONDS);
        }
    }
}
