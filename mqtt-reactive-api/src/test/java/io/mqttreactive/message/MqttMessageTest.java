package io.mqttreactive.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.topic.MqttTopic;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MqttMessageTest {

    private static MqttMessage fullyPopulated() {
        return MqttMessage.builder()
                .topic("requests/sensor-7")
                .payload("{\"t\":21.5}")
                .qos(MqttQos.EXACTLY_ONCE)
                .retain(true)
                .messageExpiryInterval(Duration.ofSeconds(120))
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                .contentType("application/json")
                .responseTopic("responses/sensor-7")
                .correlationData(new byte[] {1, 2, 3})
                .userProperties(UserProperties.of("trace", "abc"))
                .subscriptionIdentifiers(List.of(1, 268_435_455))
                .topicAliasAllowed(false)
                .build();
    }

    @Test
    void defaults() {
        MqttMessage message = MqttMessage.builder().topic("a").build();
        assertThat(message.topic()).isEqualTo(MqttTopic.of("a"));
        assertThat(message.payload()).isEmpty();
        assertThat(message.payloadSize()).isZero();
        assertThat(message.qos()).isEqualTo(MqttQos.AT_MOST_ONCE);
        assertThat(message.retain()).isFalse();
        assertThat(message.messageExpiryInterval()).isEmpty();
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UNSPECIFIED);
        assertThat(message.contentType()).isEmpty();
        assertThat(message.responseTopic()).isEmpty();
        assertThat(message.correlationData()).isEmpty();
        assertThat(message.userProperties()).isEqualTo(UserProperties.empty());
        assertThat(message.subscriptionIdentifiers()).isEmpty();
        assertThat(message.topicAliasAllowed()).isTrue();
    }

    @Test
    void carriesEveryProperty() {
        MqttMessage message = fullyPopulated();
        assertThat(message.topic().value()).isEqualTo("requests/sensor-7");
        assertThat(message.payloadAsString()).isEqualTo("{\"t\":21.5}");
        assertThat(message.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(message.retain()).isTrue();
        assertThat(message.messageExpiryInterval()).contains(Duration.ofMinutes(2));
        assertThat(message.contentType()).contains("application/json");
        assertThat(message.responseTopic()).contains(MqttTopic.of("responses/sensor-7"));
        assertThat(message.correlationData()).hasValueSatisfying(data -> assertThat(data).containsExactly(1, 2, 3));
        assertThat(message.userProperties().first("trace")).contains("abc");
        assertThat(message.subscriptionIdentifiers()).containsExactly(1, 268_435_455);
        assertThat(message.topicAliasAllowed()).isFalse();
    }

    @Test
    void mutateRoundTripAndEquality() {
        MqttMessage message = fullyPopulated();
        assertThat(message.mutate().build()).isEqualTo(message).hasSameHashCodeAs(message);
        assertThat(message.mutate().qos(MqttQos.AT_LEAST_ONCE).build()).isNotEqualTo(message);
        assertThat(message.mutate().payload(new byte[] {0}).build()).isNotEqualTo(message);
        assertThat(message.mutate().correlationData(new byte[] {1, 2}).build()).isNotEqualTo(message);
        assertThat(message.mutate().correlationData(null).build().correlationData()).isEmpty();
        assertThat(message.mutate().topicAliasAllowed(true).build()).isNotEqualTo(message)
                .satisfies(allowed -> assertThat(allowed.topicAliasAllowed()).isTrue());
    }

    @Test
    void payloadIsCopiedInAndOut() {
        byte[] payload = {1, 2, 3};
        MqttMessage message = MqttMessage.of("a", payload, MqttQos.AT_LEAST_ONCE);
        payload[0] = 9;
        assertThat(message.payload()).containsExactly(1, 2, 3);
        message.payload()[1] = 9;
        assertThat(message.payload()).containsExactly(1, 2, 3);
        byte[] correlation = {7};
        MqttMessage withCorrelation = message.mutate().correlationData(correlation).build();
        correlation[0] = 8;
        withCorrelation.correlationData().orElseThrow()[0] = 9;
        assertThat(withCorrelation.correlationData()).hasValueSatisfying(data -> assertThat(data).containsExactly(7));
    }

    @Test
    void payloadBufferIsReadOnlyAndCopiesNothing() {
        MqttMessage message = MqttMessage.of("a", new byte[] {1, 2, 3}, MqttQos.AT_MOST_ONCE);
        ByteBuffer buffer = message.payloadAsBuffer();
        assertThat(buffer.isReadOnly()).isTrue();
        assertThat(buffer.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> buffer.put(0, (byte) 5)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(message.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void payloadFromBufferTakesTheRemainingBytesWithoutMovingIt() {
        ByteBuffer source = ByteBuffer.wrap(new byte[] {0, 1, 2, 3});
        source.position(1);
        MqttMessage message = MqttMessage.builder().topic("a").payload(source).build();
        assertThat(message.payload()).containsExactly(1, 2, 3);
        assertThat(source.position()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidValues() {
        MqttMessage.Builder builder = MqttMessage.builder();
        assertThatThrownBy(builder::build).isInstanceOf(NullPointerException.class).hasMessage("topic must be set");
        assertThatThrownBy(() -> builder.topic("a/+")).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> builder.qos(null)).isInstanceOf(NullPointerException.class).hasMessage("qos");
        assertThatThrownBy(() -> MqttQos.fromCode(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QoS must be 0, 1 or 2, was 3");
        assertThatThrownBy(() -> builder.payload((byte[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.messageExpiryInterval(Duration.ofSeconds(4_294_967_296L)))
                .hasMessageContaining("message expiry interval must be a whole number of seconds");
        assertThatThrownBy(() -> builder.messageExpiryInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.contentType("a\u0000")).hasMessageContaining("content type must not contain U+0000");
        assertThatThrownBy(() -> builder.correlationData(new byte[65_536])).hasMessageContaining("correlation data length");
        assertThatThrownBy(() -> builder.subscriptionIdentifiers(List.of(0))).hasMessageContaining("subscription identifier");
        assertThatThrownBy(() -> builder.subscriptionIdentifiers(List.of(268_435_456)))
                .hasMessageContaining("subscription identifier must be between 1 and 268435455");
        assertThat(builder.messageExpiryInterval(Duration.ofSeconds(4_294_967_295L)).topic("a").build()
                .messageExpiryInterval()).contains(Duration.ofSeconds(4_294_967_295L));
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) the response topic contains no wildcards")
    void responseTopicIsATopicName() {
        assertThatThrownBy(() -> MqttMessage.builder().responseTopic("responses/#"))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("MQTT-4.7.0-1 (5.0)");
    }

    @Test
    void utf8PayloadFormatRequiresWellFormedUtf8() {
        MqttMessage.Builder builder = MqttMessage.builder().topic("a").payloadFormatIndicator(PayloadFormatIndicator.UTF_8);
        assertThat(builder.payload("grüße \uD83D\uDE00").build().payloadAsString()).isEqualTo("grüße \uD83D\uDE00");
        assertThatThrownBy(() -> builder.payload(new byte[] {(byte) 0xC3}).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed UTF-8");
        assertThatThrownBy(() -> builder.payload(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).build())
                .hasMessageContaining("not well-formed UTF-8");
        assertThat(builder.payloadFormatIndicator(PayloadFormatIndicator.UNSPECIFIED).build().payloadSize()).isEqualTo(3);
    }

    @Test
    void userPropertiesKeepOrderAndDuplicates() {
        UserProperties properties = UserProperties.builder().add("b", "1").add("a", "2").add("b", "3").build();
        MqttMessage message = MqttMessage.builder().topic("a").userProperties(properties).build();
        assertThat(message.userProperties().asList()).extracting(UserProperty::name).containsExactly("b", "a", "b");
        assertThat(message.userProperties().all("b")).containsExactly("1", "3");
    }

    @Test
    void subscriptionIdentifiersAreCopied() {
        List<Integer> identifiers = new ArrayList<>(List.of(5));
        MqttMessage message = MqttMessage.builder().topic("a").subscriptionIdentifiers(identifiers).build();
        identifiers.add(6);
        assertThat(message.subscriptionIdentifiers()).containsExactly(5);
        assertThatThrownBy(() -> message.subscriptionIdentifiers().add(7)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsPayloadSizeNotContent() {
        assertThat(fullyPopulated().toString())
                .startsWith("MqttMessage{topic=requests/sensor-7, qos=2, retain=true, payload=10 bytes")
                .contains("contentType=application/json", "correlationData=3 bytes", "subscriptionIdentifiers=[1, 268435455]",
                        "topicAliasAllowed=false")
                .doesNotContain("21.5");
        assertThat(MqttMessage.builder().topic("a").build())
                .hasToString("MqttMessage{topic=a, qos=0, retain=false, payload=0 bytes}");
    }

    @Test
    void textPayloadIsUtf8() {
        MqttMessage message = MqttMessage.builder().topic("a").payload("€").build();
        assertThat(message.payload()).isEqualTo("€".getBytes(StandardCharsets.UTF_8));
    }
}
