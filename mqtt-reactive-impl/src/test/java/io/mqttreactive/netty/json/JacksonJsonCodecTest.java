package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.PayloadCodec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JacksonJsonCodecTest {

    private static final Instant TIME = Instant.parse("2025-06-01T12:00:00.250Z");

    private final PayloadCodec<Reading> codec = PayloadCodec.json(Reading.class);

    /**
     * On the module path these tests run inside the impl module, whose packages are closed: open this one to
     * Jackson, as an application does with {@code opens its.package to com.fasterxml.jackson.databind}.
     */
    @BeforeAll
    static void openTheTestTypesToJackson() {
        Module self = JacksonJsonCodecTest.class.getModule();
        self.addOpens(JacksonJsonCodecTest.class.getPackageName(), ObjectMapper.class.getModule());
    }

    @Test
    void isFoundThroughTheApi() {
        assertThat(codec).isInstanceOf(JacksonJsonCodec.class);
        assertThat(new JacksonJsonCodecProvider().name()).isEqualTo("jackson");
    }

    @Test
    void roundTripsARecord() {
        Reading reading = new Reading("sensor-7", 21.5, List.of(1, 2, 3), "calibrated", TIME);
        assertThat(codec.decode(codec.encode(reading))).isEqualTo(reading);
    }

    @Test
    void writesCompactJsonWithIsoDates() {
        Reading reading = new Reading("sensor-7", 21.5, List.of(), "ok", TIME);
        assertThat(text(codec.encode(reading))).isEqualTo(
                "{\"deviceId\":\"sensor-7\",\"temperature\":21.5,\"samples\":[],\"note\":\"ok\","
                        + "\"time\":\"2025-06-01T12:00:00.250Z\"}");
    }

    @Test
    void announcesJsonAsUtf8() {
        assertThat(codec.contentType()).contains("application/json");
        assertThat(codec.payloadFormat()).isEqualTo(PayloadFormatIndicator.UTF_8);
        Reading reading = new Reading("s", 1, List.of(), null, TIME);
        MqttMessage message = codec.encode(reading, MqttMessage.builder().topic("t").qos(MqttQos.AT_LEAST_ONCE))
                .build();
        assertThat(message.contentType()).contains("application/json");
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(codec.decode(message)).isEqualTo(reading);
    }

    @Test
    void nullComponentsAndMissingPropertiesBecomeNull() {
        Reading withNulls = new Reading("s", 1, null, null, null);
        assertThat(text(codec.encode(withNulls))).contains("\"note\":null");
        assertThat(codec.decode(codec.encode(withNulls))).isEqualTo(withNulls);
        assertThat(codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":1}"))).isEqualTo(withNulls);
    }

    @Test
    void ignoresUnknownProperties() {
        assertThat(codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":2,\"firmware\":\"1.2\"}")).temperature())
                .isEqualTo(2);
    }

    @Test
    void badJsonIsATypedErrorNamingTheTypeAndPosition() {
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\n\"temperature\":")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload is not JSON of a " + Reading.class.getName() + ": ")
                .hasMessageContaining("(at line 2, column ");
        assertThatThrownBy(() -> codec.decode(bytes("not json")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Unrecognized token");
    }

    @Test
    void jsonOfAnotherShapeIsATypedError() {
        assertThatThrownBy(() -> codec.decode(bytes("[1, 2]")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining(Reading.class.getName());
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":\"warm\"}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("warm");
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":null}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Cannot map `null` into type `double`");
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\"}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Cannot map `null` into type `double`");
    }

    @Test
    void trailingContentAndEmptyPayloadsAreErrors() {
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":1} {}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("No content");
    }

    @Test
    void jsonNullIsAnErrorNotANullValue() {
        assertThatThrownBy(() -> codec.decode(bytes("null")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessage("the payload is JSON null, not a " + Reading.class.getName());
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThatThrownBy(() -> codec.encode((Reading) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void valuesJacksonCannotWriteAreATypedError() {
        PayloadCodec<Opaque> opaque = PayloadCodec.json(Opaque.class);
        assertThatThrownBy(() -> opaque.encode(new Opaque()))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("cannot encode a " + Opaque.class.getName() + " as JSON: ");
    }

    @Test
    void decodesUtf8Text() {
        Reading reading = new Reading("capteur-é-\uD83D\uDE00", 0, List.of(), "grüße", TIME);
        byte[] payload = codec.encode(reading);
        assertThat(text(payload)).contains("capteur-é-\uD83D\uDE00");
        assertThat(codec.decode(payload)).isEqualTo(reading);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** A reading with a nested list, a nullable text and a {@code java.time} value. */
    public record Reading(String deviceId, double temperature, List<Integer> samples, String note, Instant time) {
    }

    /** A class without properties, which Jackson refuses to serialize. */
    public static final class Opaque {
    }
}
