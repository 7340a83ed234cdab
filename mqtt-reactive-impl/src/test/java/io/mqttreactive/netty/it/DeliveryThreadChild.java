package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import java.time.Duration;

/**
 * A client made with {@link MqttClients#create(MqttClientOptions)}, the global resources, in a child JVM of
 * {@link SharedEventLoopsIT}, which may leave reactor-netty-http off its class path. Arguments: the broker's TCP
 * port and a topic. Prints {@code http resources present: <true|false>}, then {@code delivered on <thread name>}
 * or {@code failed <cause>}.
 */
public final class DeliveryThreadChild {

    static final String PRESENT = "http resources present: ";
    static final String DELIVERED = "delivered on ";
    static final String FAILED = "failed ";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private DeliveryThreadChild() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(PRESENT + isPresent("reactor.netty.http.HttpResources"));
            MqttClientOptions options = MqttClientOptions.builder().serverHost("127.0.0.1")
                    .serverPort(Integer.parseInt(args[0])).version(MqttVersion.MQTT_5_0).clientId("loops-child")
                    .build();
            System.out.println(DELIVERED + deliveryThread(MqttClients.create(options), args[1]));
            System.exit(0);
        } catch (Throwable e) {
            System.out.println(FAILED + e);
            System.exit(1);
        }
    }

    /**
     * Connects the client, publishes a retained message to the topic, subscribes to it and returns the name of the
     * thread the message is delivered on; closes the client.
     */
    static String deliveryThread(MqttClient client, String topic) {
        try {
            client.connect().block(TIMEOUT);
            client.publish(MqttMessage.builder().topic(topic).payload("where").qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true).build()).block(TIMEOUT);
            return client.subscribe(topic, MqttQos.AT_LEAST_ONCE)
                    .map(message -> Thread.currentThread().getName())
                    .next()
                    .block(TIMEOUT);
        } finally {
            client.close().block(TIMEOUT);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, DeliveryThreadChild.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
