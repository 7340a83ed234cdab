package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The subscriber of {@link PublishStreamsOutageIT}, in a child JVM of its own: a client with a persistent session
 * subscribes to {@code outage/#} at QoS 1 and records each stream's messages in a {@link DeliveryLog}.
 *
 * <p>Arguments: the broker's port, the number of streams, the messages per stream, how long to wait for them all
 * in seconds. Prints {@code subscribed}, every second {@code received <distinct messages>}, and at the end
 * {@code received-all <yes|no> missing <n> out-of-order <n> duplicates <n>}, then the first missing numbers of
 * each stream that has any.
 */
public final class PublishStreamsOutageSubscriberChild {

    static final String SUBSCRIBED = "subscribed";
    static final String RECEIVED_ALL = "received-all ";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PublishStreamsOutageSubscriberChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int streams = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        List<DeliveryLog> deliveries = IntStream.range(0, streams).mapToObj(stream -> new DeliveryLog(messages))
                .toList();
        MqttClient client = MqttClients.create(MqttClientOptions.builder().serverHost("127.0.0.1")
                .serverPort(port).version(MqttVersion.MQTT_3_1_1).clientId("outage-subscriber")
                .session(SessionOptions.DEFAULT.withCleanStart(false))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                .build());
        client.connect().block(TIMEOUT);
        MqttSubscription subscription = client.subscription(
                SubscribeRequest.of(Subscription.of("outage/#", MqttQos.AT_LEAST_ONCE)));
        subscription.messages().subscribe(message -> {
            ByteBuffer payload = message.payloadAsBuffer();
            deliveries.get(payload.getInt()).record(payload.getInt());
        });
        subscription.acknowledged().block(TIMEOUT);
        System.out.println(SUBSCRIBED);

        while (!deliveries.stream().allMatch(DeliveryLog::isComplete) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            System.out.println("received " + deliveries.stream().mapToInt(DeliveryLog::distinct).sum());
        }
        int missing = deliveries.stream().mapToInt(log -> messages - log.distinct()).sum();
        System.out.println(RECEIVED_ALL + (missing == 0 ? "yes" : "no") + " missing " + missing + " out-of-order "
                + deliveries.stream().mapToInt(DeliveryLog::outOfOrderFirstDeliveries).sum() + " duplicates "
                + deliveries.stream().mapToInt(DeliveryLog::duplicates).sum());
        for (int stream = 0; stream < streams; stream++) {
            if (!deliveries.get(stream).isComplete()) {
                System.out.println("stream " + stream + " missing " + deliveries.get(stream).missing());
            }
        }
        client.close().block(TIMEOUT);
    }
}
