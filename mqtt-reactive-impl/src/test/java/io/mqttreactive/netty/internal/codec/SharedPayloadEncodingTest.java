package io.mqttreactive.netty.internal.codec;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.mapping.OwnedPayloads;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An outgoing PUBLISH shares its message's payload array instead of a copy: it encodes to the same bytes as a
 * PUBLISH owning a copy, again and again, as when it is re-sent with DUP set [MQTT-4.4.0-1], and the message's
 * payload stays as it was.
 */
class SharedPayloadEncodingTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5_0"})
    void sharedPayloadEncodesLikeAnOwnedOne(MqttVersion version) {
        byte[] payload = "shared payload".getBytes(StandardCharsets.UTF_8);
        MqttMessage message = MqttMessage.of("a/b", payload, MqttQos.AT_LEAST_ONCE);
        PublishPacket shared = PacketMapper.toPublish(message, 7);
        PublishPacket owned = PublishPacket.of("a/b", payload.clone(), MqttQos.AT_LEAST_ONCE, false, false, 7);

        byte[] expected = encode(owned, version);
        assertThat(encode(shared, version)).isEqualTo(expected);
        assertThat(encode(shared, version)).isEqualTo(expected);
        assertThat(encode(shared.asDuplicate(), version)).hasSameSizeAs(expected);
        assertThat(shared.payload()).isSameAs(OwnedPayloads.read(message)).isEqualTo(payload);
        assertThat(message.payload()).isEqualTo(payload);
    }
}
