package io.mqttreactive.netty;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Connects, publishes at QoS 0 and 1, receives at QoS 0 and 1, and closes a client against a scripted broker;
 * returns the payloads received. Run by {@link MicrometerAbsentTest} in a class loader without Micrometer.
 */
public final class WithoutMicrometerScenario implements Callable<List<String>> {

    @Override
    public List<String> call() {
        try (ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0)) {
            MqttClient client = broker.connectedClient(options -> options);
            client.publish(MqttMessage.of("out/zero", new byte[] {0}, MqttQos.AT_MOST_ONCE)).block(WAIT);
            var one = client.publish(MqttMessage.of("out/one", new byte[] {1}, MqttQos.AT_LEAST_ONCE)).toFuture();
            broker.awaitReceived(isPublish(MqttQos.AT_MOST_ONCE));
            broker.send(Packets.pubAck(broker.awaitReceived(isPublish(MqttQos.AT_LEAST_ONCE)).packetId()));
            one.join();
            var received = client.subscribe("in/#", MqttQos.AT_LEAST_ONCE).take(2)
                    .map(message -> new String(message.payload(), StandardCharsets.UTF_8)).collectList().toFuture();
            broker.send(Packets.subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 1));
            broker.send(Packets.publish("in/a", "zero", MqttQos.AT_MOST_ONCE, 0),
                    Packets.publish("in/b", "one", MqttQos.AT_LEAST_ONCE, 1));
            List<String> payloads = received.join();
            broker.awaitReceived(isPubAck(1));
            client.close().block(WAIT);
            return payloads;
        }
    }
}
