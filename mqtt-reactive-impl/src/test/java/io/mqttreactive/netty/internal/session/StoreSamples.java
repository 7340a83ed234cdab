package io.mqttreactive.netty.internal.session;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.spi.StoredPublish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Messages and stored publishes for the session store tests. */
final class StoreSamples {

    /** The longest MQTT 5.0 Message Expiry Interval, 4,294,967,295 seconds: all bits of the u32 set. */
    static final Duration MAX_EXPIRY = Duration.ofSeconds(4_294_967_295L);

    private StoreSamples() {
    }

    /**
     * A QoS 2 message with every field set, values at their edges (non-ASCII text, duplicate user properties), topic
     * aliases not allowed.
     */
    static MqttMessage fullMessage(int n) {
        return MqttMessage.builder()
                .topic("sensors/\u00e9t\u00e9/" + n)
                .payload(("{\"n\":" + n + ",\"text\":\"\u00fcber \uD83D\uDE00\"}").getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.EXACTLY_ONCE)
                .retain(true)
                .messageExpiryInterval(MAX_EXPIRY)
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                .contentType("application/json; charset=utf-8")
                .responseTopic("replies/\uD83D\uDE00/" + n)
                .correlationData(new byte[] {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF})
                .userProperties(UserProperties.builder().add("b", "2").add("a", "1").add("b", "3")
                        .add("\u4e2d", "").build())
                .subscriptionIdentifiers(List.of(1, 268_435_455))
                .topicAliasAllowed(false)
                .build();
    }

    /** A message with nothing but a topic, a small payload and a QoS. */
    static MqttMessage plainMessage(int n, MqttQos qos) {
        return MqttMessage.of("plain/" + n, ("payload " + n).getBytes(StandardCharsets.UTF_8), qos);
    }

    static StoredPublish qos1(int packetId, int n) {
        return new StoredPublish(packetId, StoredPublish.State.AWAITING_PUBACK, plainMessage(n, MqttQos.AT_LEAST_ONCE));
    }

    static StoredPublish qos2(int packetId, int n) {
        return new StoredPublish(packetId, StoredPublish.State.AWAITING_PUBREC, plainMessage(n, MqttQos.EXACTLY_ONCE));
    }

    static StoredPublish full(int packetId, int n) {
        return new StoredPublish(packetId, StoredPublish.State.AWAITING_PUBREC, fullMessage(n));
    }
}
