package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
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

    /** Codecs of the provider's Jackson, on its default mapper, that ignore the content type of messages. */
    abstract JsonCodecProvider ignoringContentType();

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
    void roundTripsGenericTypesGivenAsReflectionTypes() {
        PayloadCodec<Map<String, List<Reading>>> byDevice =
                provider.create(new Captured<Map<String, List<Reading>>>() { }.type());
        Map<String, List<Reading>> readings = Map.of("a", List.of(new Reading("a", 1, List.of(2), null, TIME)),
                "b", List.of());
        assertThat(byDevice.decode(byDevice.encode(readings))).isEqualTo(readings);
        assertThat(byDevice.decode(byDevice.encode(readings)).get("a").get(0)).isInstanceOf(Reading.class);
        assertThat(provider.<Reading>create((Type) Reading.class).decode(codec.encode(readings.get("a").get(0))))
                .isEqualTo(readings.get("a").get(0));
    }

    @Test
    void errorsOfAGenericTypeNameIt() {
        PayloadCodec<List<Reading>> batch = provider.create(new Captured<List<Reading>>() { }.type());
        assertThatThrownBy(() -> batch.decode(bytes("{\"deviceId\":\"s\"}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload is not JSON of a java.util.List<" + Reading.class.getName()
                        + ">: ");
    }

    @Test
    void decodesAMessageWithoutContentTypeOrPayloadFormatAsEveryMqtt311MessageIs() {
        Reading reading = new Reading("s", 1, List.of(), null, TIME);
        MqttMessage bare = MqttMessage.builder().topic("t").payload(codec.encode(reading)).build();
        assertThat(bare.contentType()).isEmpty();
        assertThat(bare.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UNSPECIFIED);
        assertThat(codec.decode(bare)).isEqualTo(reading);
    }

    @Test
    void decodesMessagesWhoseContentTypeIsJsonWithParametersAndInAnyCase() {
        Reading reading = new Reading("s", 1, List.of(), null, TIME);
        for (String json : List.of("application/json", "application/json; charset=utf-8", "Application/JSON",
                " application/json ;charset=\"UTF-8\"", "application/ld+json", "application/vnd.acme.reading+json;v=2",
                "application/geo+json")) {
            MqttMessage message = message(codec.encode(reading), false, json);
            assertThat(codec.decode(message)).as(json).isEqualTo(reading);
        }
    }

    @Test
    void refusesAMessageWhoseContentTypeIsNotJsonNamingTopicTypeAndContentType() {
        byte[] payload = codec.encode(new Reading("s", 1, List.of(), null, TIME));
        for (String other : List.of("application/octet-stream", "text/plain", "text/json", "application/xml",
                "application/json-seq", "application/+json", "json", "")) {
            assertThatThrownBy(() -> codec.decode(message(payload, false, other)))
                    .as(other)
                    .isInstanceOf(MqttPayloadCodecException.class)
                    .hasMessage("cannot decode the message on topic 'devices/7/reading' as JSON of a "
                            + Reading.class.getName() + ": its content type is \"" + other
                            + "\", not application/json or application/*+json")
                    .hasNoCause();
        }
        assertThat(codec.decode(payload)).as("decode(byte[]) does not look at properties").isNotNull();
    }

    @Test
    @DisplayName("refuses a payload that is not well-formed UTF-8 under Payload Format Indicator 1, which the broker "
            + "forwards unaltered [MQTT-3.3.2-4] (5.0) and the receiver MAY check (5.0 section 3.3.2.3.2)")
    void refusesIllFormedUtf8UnderPayloadFormatUtf8() {
        byte[] latin1 = "{\"deviceId\":\"caf\u00e9\",\"temperature\":1}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> codec.decode(message(latin1, true, "application/json")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessage("cannot decode the message on topic 'devices/7/reading' as JSON of a "
                        + Reading.class.getName() + ": its payload format indicator says UTF-8 but the payload is not"
                        + " well-formed UTF-8 (MQTT 5.0 section 3.3.2.3.2)")
                .hasNoCause();
        assertThatThrownBy(() -> codec.decode(message(latin1, false, null)))
                .as("without the indicator, Jackson finds the bad byte: still a typed error, naming the topic")
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload on topic 'devices/7/reading' is not JSON of a "
                        + Reading.class.getName() + ": ");
        byte[] utf8 = "{\"deviceId\":\"caf\u00e9\",\"temperature\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(message(utf8, true, "application/json")).deviceId()).isEqualTo("caf\u00e9");
    }

    @Test
    void decodingErrorsOfAMessageNameItsTopic() {
        assertThatThrownBy(() -> codec.decode(message(bytes("{\"deviceId\":"), true, "application/json")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload on topic 'devices/7/reading' is not JSON of a "
                        + Reading.class.getName() + ": ")
                .hasMessageContaining("(at line 1, column ")
                .cause().isNotNull();
        assertThatThrownBy(() -> codec.decode(message(bytes("null"), true, "application/json")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessage("the payload on topic 'devices/7/reading' is JSON null, not a " + Reading.class.getName());
    }

    @Test
    void codecsIgnoringTheContentTypeStillCheckThePayloadFormat() {
        PayloadCodec<Reading> lenient = ignoringContentType().create(Reading.class);
        Reading reading = new Reading("s", 1, List.of(), null, TIME);
        assertThat(lenient.decode(message(codec.encode(reading), true, "text/plain"))).isEqualTo(reading);
        assertThat(lenient.contentType()).contains("application/json");
        assertThat(lenient.toString()).endsWith("[" + Reading.class.getName() + ", any content type]");
        assertThatThrownBy(() -> lenient.decode(message(new byte[] {'"', (byte) 0xC0, '"'}, true, "text/plain")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("its payload format indicator says UTF-8");
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

    /** A message as the client delivers it, through the mapping of a received PUBLISH. */
    static MqttMessage message(byte[] payload, boolean payloadFormatUtf8, @Nullable String contentType) {
        return PacketMapper.toMessage(new PublishPacket("devices/7/reading", payload, MqttQos.AT_LEAST_ONCE, false,
                false, 1, PublishPacket.NO_MESSAGE_EXPIRY, payloadFormatUtf8, contentType, null, null, List.of(), 0,
                List.of()), "devices/7/reading");
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

    /** Captures the type argument of an anonymous subclass, as Jackson's and Spring's type references do. */
    abstract static class Captured<T> {

        Type type() {
            return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    /** A mix-in an application's Jackson module adds: readings are written without their note. */
    @JsonIgnoreProperties("note")
    abstract static class WithoutNote {
    }

    /** Two readings, and the JSON a mapper with {@link WithoutNote} writes for them. */
    static final List<Reading> READINGS = List.of(new Reading("a", 1.5, List.of(1), "hidden", TIME),
            new Reading("b", 2, List.of(), null, TIME));
    static final String READINGS_WITHOUT_NOTE = "[{\"deviceId\":\"a\",\"temperature\":1.5,\"samples\":[1],"
            + "\"time\":\"2025-06-01T12:00:00.250Z\"},{\"deviceId\":\"b\",\"temperature\":2.0,\"samples\":[],"
            + "\"time\":\"2025-06-01T12:00:00.250Z\"}]";
    static final List<Reading> READINGS_READ_WITHOUT_NOTE = List.of(new Reading("a", 1.5, List.of(1), null, TIME),
            new Reading("b", 2, List.of(), null, TIME));

    /** A class without properties, which Jackson refuses to serialize. */
    public static final class Opaque {
    }
}
