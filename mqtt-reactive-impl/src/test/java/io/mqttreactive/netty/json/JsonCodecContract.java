package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both Jackson codecs share, run once per provider: the Jackson 2 and Jackson 3 codecs must write
 * the same bytes and fail on the same payloads with the same kind of error.
 */
abstract class JsonCodecContract {

    static final Instant TIME = Instant.parse("2025-06-01T12:00:00.250Z");

    private final JsonCodecProvider provider = provider();
    private final PayloadCodec<Reading> codec = provider.create(Reading.class);

    /** The provider under test. */
    abstract JsonCodecProvider provider();

    /**
     * On the module path these tests run inside the impl module, whose packages are closed: open this one to both
     * Jacksons, as an application does with {@code opens its.package to ...}.
     */
    @BeforeAll
    static void openTheTestTypesToJackson() {
        Module self = JsonCodecContract.class.getModule();
        self.addOpens(JsonCodecContract.class.getPackageName(),
                com.fasterxml.jackson.databind.ObjectMapper.class.getModule());
        self.addOpens(JsonCodecContract.class.getPackageName(),
                tools.jackson.databind.ObjectMapper.class.getModule());
    }

    @Test
    void roundTripsARecord() {
        Reading reading = new Reading("sensor-7", 21.5, List.of(1, 2, 3), "calibrated", TIME);
        assertThat(codec.decode(codec.encode(reading))).isEqualTo(reading);
    }

    @Test
    void roundTripsJavaTimeOptionalsAndNestedListsKeepingTheOffset() {
        PayloadCodec<Event> events = provider.create(Event.class);
        Event event = new Event(TIME, OffsetDateTime.of(2025, 6, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2)),
                Optional.of("door"), Optional.empty(), List.of(List.of(1, 2), List.of(), List.of(3)),
                List.of(new Reading("a", 1, List.of(), null, TIME)));
        byte[] payload = events.encode(event);
        assertThat(text(payload)).isEqualTo("{\"at\":\"2025-06-01T12:00:00.250Z\","
                + "\"local\":\"2025-06-01T14:00:00+02:00\",\"label\":\"door\",\"missing\":null,"
                + "\"matrix\":[[1,2],[],[3]],\"readings\":[{\"deviceId\":\"a\",\"temperature\":1.0,\"samples\":[],"
                + "\"note\":null,\"time\":\"2025-06-01T12:00:00.250Z\"}]}");
        assertThat(events.decode(payload)).isEqualTo(event);
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
        assertThat(codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":2,\"firmware\":{\"v\":[1]}}"))
                .temperature()).isEqualTo(2);
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
    }

    @Test
    void aNullPrimitiveIsATypedError() {
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":null}")))
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
        assertThatThrownBy(() -> provider.create(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void valuesJacksonCannotWriteAreATypedError() {
        PayloadCodec<Opaque> opaque = provider.create(Opaque.class);
        assertThatThrownBy(() -> opaque.encode(new Opaque()))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("cannot encode a " + Opaque.class.getName() + " as JSON: ")
                .hasMessageContaining("No serializer found");
    }

    @Test
    void typesJacksonCannotCreateAreATypedError() {
        PayloadCodec<Runnable> task = provider.create(Runnable.class);
        assertThatThrownBy(() -> task.decode(bytes("{}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload is not JSON of a java.lang.Runnable: ")
                .hasMessageContaining("Cannot construct instance of `java.lang.Runnable`");
    }

    @Test
    void writesCharactersOutsideTheBmpAsUtf8() {
        Reading reading = new Reading("capteur-é-\uD83D\uDE00", 0, List.of(), "grüße", TIME);
        byte[] payload = codec.encode(reading);
        assertThat(text(payload)).contains("capteur-é-\uD83D\uDE00").doesNotContain("\\u");
        assertThat(codec.decode(payload)).isEqualTo(reading);
    }

    @Test
    void namesItselfAfterItsJackson() {
        assertThat(codec.toString()).endsWith("[" + Reading.class.getName() + "]");
        assertThat(provider.name()).startsWith("jackson");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** A reading with a nested list, a nullable text and a {@code java.time} value. */
    public record Reading(String deviceId, double temperature, List<Integer> samples, String note, Instant time) {
    }

    /** {@code java.time} values, optionals and nested lists. */
    public record Event(Instant at, OffsetDateTime local, Optional<String> label, Optional<String> missing,
            List<List<Integer>> matrix, List<Reading> readings) {
    }

    /** A class without properties, which Jackson refuses to serialize. */
    public static final class Opaque {
    }
}
