package io.mqttreactive.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private final PayloadCodec<String> utf8 = PayloadCodec.utf8();

    @Test
    void utf8RoundTrip() {
        String text = "grüße \uD83D\uDE00";
        assertThat(utf8.encode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.decode(utf8.encode(text))).isEqualTo(text);
        assertThat(utf8.contentType()).contains("text/plain; charset=utf-8");
        assertThat(utf8.payloadFormat()).isEqualTo(PayloadFormatIndicator.UTF_8);
    }

    @Test
    void utf8RejectsIllFormedInputWithATypedError() {
        assertThatThrownBy(() -> utf8.decode(new byte[] {(byte) 0xFF}))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessage("the payload is not well-formed UTF-8");
        assertThatThrownBy(() -> utf8.encode("\uD800"))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("not well-formed UTF-16");
    }

    @Test
    void encodesIntoAMessageBuilderAndDecodesAMessage() {
        MqttMessage message = utf8.encode("hello", MqttMessage.builder().topic("a").qos(MqttQos.AT_LEAST_ONCE)).build();
        assertThat(message.payloadAsString()).isEqualTo("hello");
        assertThat(message.contentType()).contains("text/plain; charset=utf-8");
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(utf8.decode(message)).isEqualTo("hello");
    }

    @Test
    void defaultsOfACustomCodec() {
        PayloadCodec<Integer> number = new PayloadCodec<>() {
            @Override
            public byte[] encode(Integer value) {
                return new byte[] {value.byteValue()};
            }

            @Override
            public Integer decode(byte[] payload) {
                return (int) payload[0];
            }
        };
        assertThat(number.contentType()).isEmpty();
        assertThat(number.payloadFormat()).isEqualTo(PayloadFormatIndicator.UNSPECIFIED);
        MqttMessage message = number.encode(7, MqttMessage.builder().topic("n")).build();
        assertThat(message.contentType()).isEmpty();
        assertThat(number.decode(message)).isEqualTo(7);
    }
}
