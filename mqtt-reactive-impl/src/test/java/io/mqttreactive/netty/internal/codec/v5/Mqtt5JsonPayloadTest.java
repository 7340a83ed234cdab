package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.decode;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JSON payload under MQTT 5.0 carries Payload Format Indicator 1 and Content Type {@code application/json}
 * (sections 3.3.2.3.2 and 3.3.2.3.9) whichever Jackson encoded it, on the wire and back to the subscriber.
 */
class Mqtt5JsonPayloadTest {

    static Stream<JsonCodecProvider> jacksons() {
        return Stream.of(JacksonCodecs.jackson3(), JacksonCodecs.jackson2(), new ApiLookup());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jacksons")
    void publishCarriesUtf8FormatAndJsonContentType(JsonCodecProvider jackson) {
        PayloadCodec<Tag> codec = jackson.create(Tag.class);
        MqttMessage message = codec.encode(new Tag("a"), MqttMessage.builder().topic("t/1").qos(MqttQos.AT_LEAST_ONCE))
                .build();
        PublishPacket packet = PacketMapper.toPublish(message, 7);

        assertGolden(packet, hex(
                "32",                   // PUBLISH, QoS 1
                "27",                   // remaining length 39
                "0003 742f31",          // topic name "t/1"
                "0007",                 // packet identifier 7
                "15",                   // property length 21
                "01 01",                // Payload Format Indicator 1 (UTF-8)
                "03 0010 6170706c69636174696f6e2f6a736f6e", // Content Type "application/json"
                "7b226964223a2261227d")); // payload {"id":"a"}

        MqttMessage received = PacketMapper.toMessage((PublishPacket) decode(Mqtt5Wire.encode(packet)), "t/1");
        assertThat(received.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(received.contentType()).contains("application/json");
        assertThat(codec.decode(received)).isEqualTo(new Tag("a"));
    }

    /** A one-field value with a fixed encoding. */
    public record Tag(String id) {
    }

    /** {@link PayloadCodec#json(Class)} as an application calls it, whichever provider it picks. */
    private static final class ApiLookup implements JsonCodecProvider {

        @Override
        public String name() {
            return "PayloadCodec.json";
        }

        @Override
        public <T> PayloadCodec<T> create(Class<T> type) {
            return PayloadCodec.json(type);
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
