package io.mqttreactive.netty.json;

import static io.mqttreactive.netty.json.JsonCodecContract.TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.netty.json.JsonCodecContract.Event;
import io.mqttreactive.netty.json.JsonCodecContract.Reading;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Which Jackson {@link PayloadCodec#json(Class)} uses, with both on the class path and, through
 * {@link ClassPathWithout}, with one of them or Jackson 2's java.time and Optional modules missing.
 */
class JsonProviderChoiceTest {

    private static final String JACKSON_3 = "/tools/jackson/";
    private static final String JACKSON_2_MODULES = "/com/fasterxml/jackson/datatype/";

    @Test
    void jackson3IsChosenWhenBothArePresent() {
        assertThat(JacksonLibraries.JACKSON_2).isTrue();
        assertThat(JacksonLibraries.JACKSON_3).isTrue();
        assertThat(PayloadCodec.json(Reading.class)).isInstanceOf(Jackson3JsonCodec.class);
    }

    @Test
    void theSystemPropertyChoosesJackson2() {
        withProviderProperty("jackson2", () ->
                assertThat(PayloadCodec.json(Reading.class)).isInstanceOf(Jackson2JsonCodec.class));
    }

    @Test
    void jackson2CanBeChosenInCode() {
        assertThat(JacksonCodecs.jackson2().create(Reading.class)).isInstanceOf(Jackson2JsonCodec.class);
        assertThat(JacksonCodecs.jackson3().create(Reading.class)).isInstanceOf(Jackson3JsonCodec.class);
    }

    @Test
    void withoutJackson3Jackson2IsChosenAndMapsJavaTime() throws Exception {
        ClassPathWithout.run(Jackson2Alone.class, JACKSON_3);
    }

    @Test
    void withoutJackson2Jackson3IsChosenAndItsProviderStillLoads() throws Exception {
        ClassPathWithout.run(Jackson3Alone.class, "/com/fasterxml/jackson/core/jackson-databind/",
                "/com/fasterxml/jackson/core/jackson-core/", JACKSON_2_MODULES);
    }

    @Test
    void withoutJackson2sJavaTimeModuleTheErrorNamesTheModule() throws Exception {
        ClassPathWithout.run(Jackson2WithoutModules.class, JACKSON_3, JACKSON_2_MODULES);
    }

    static void withProviderProperty(String name, Runnable check) {
        String previous = System.setProperty(JsonCodecProvider.PROVIDER_PROPERTY, name);
        try {
            check.run();
        } finally {
            if (previous == null) {
                System.clearProperty(JsonCodecProvider.PROVIDER_PROPERTY);
            } else {
                System.setProperty(JsonCodecProvider.PROVIDER_PROPERTY, previous);
            }
        }
    }

    /** Jackson 2 with its modules, no Jackson 3: what a Spring Boot 3 application has. */
    public static final class Jackson2Alone implements Runnable {

        @Override
        public void run() {
            assertThat(JacksonLibraries.JACKSON_3).isFalse();
            assertThat(new Jackson3JsonCodecProvider().available()).isFalse();
            PayloadCodec<Event> codec = PayloadCodec.json(Event.class);
            assertThat(codec).isInstanceOf(Jackson2JsonCodec.class);
            Event event = new Event(TIME, OffsetDateTime.of(2025, 6, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2)),
                    Optional.of("door"), Optional.empty(), List.of(List.of(1)), List.of());
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
            PayloadCodec<List<Event>> events = PayloadCodec.json(new JsonCodecContract.Captured<List<Event>>() { }
                    .type());
            assertThat(events).isInstanceOf(Jackson2JsonCodec.class);
            assertThat(events.decode(events.encode(List.of(event)))).containsExactly(event);
            assertThatThrownBy(JacksonCodecs::jackson3)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Jackson 3 is not on the class path: add tools.jackson.core:jackson-databind 3.x");
            assertThatThrownBy(() -> new Jackson3JsonCodecProvider().create(Reading.class))
                    .isInstanceOf(IllegalStateException.class);
            withProviderProperty("jackson3", () -> assertThatThrownBy(() -> PayloadCodec.json(Reading.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The JsonCodecProvider \"jackson3\" chosen by the system property "
                            + "io.mqttreactive.json.provider is not available; available: [jackson2], "
                            + "skipped: [jackson3 (not available)]"));
        }
    }

    /** Jackson 3 with Jackson 2 excluded: the Jackson 2 provider must not break the lookup. */
    public static final class Jackson3Alone implements Runnable {

        @Override
        public void run() {
            assertThat(JacksonLibraries.JACKSON_2).isFalse();
            assertThat(new Jackson2JsonCodecProvider().available()).isFalse();
            PayloadCodec<Reading> codec = PayloadCodec.json(Reading.class);
            assertThat(codec).isInstanceOf(Jackson3JsonCodec.class);
            Reading reading = new Reading("s", 1, List.of(2), null, TIME);
            assertThat(codec.decode(codec.encode(reading))).isEqualTo(reading);
            assertThatThrownBy(JacksonCodecs::jackson2)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Jackson 2 is not on the class path: add com.fasterxml.jackson.core:jackson-databind");
        }
    }

    /** Jackson 2 without jackson-datatype-jsr310 and jackson-datatype-jdk8, for example excluded by the build. */
    public static final class Jackson2WithoutModules implements Runnable {

        @Override
        public void run() {
            assertThat(JacksonLibraries.JACKSON_3).isFalse();
            PayloadCodec<Reading> codec = PayloadCodec.json(Reading.class);
            assertThat(codec).isInstanceOf(Jackson2JsonCodec.class);
            assertThatThrownBy(() -> codec.encode(new Reading("s", 1, List.of(), null, TIME)))
                    .isInstanceOf(MqttPayloadCodecException.class)
                    .hasMessageStartingWith("cannot encode a " + Reading.class.getName() + " as JSON: "
                            + "java.time.Instant needs the Jackson 2 module "
                            + "com.fasterxml.jackson.datatype:jackson-datatype-jsr310: add it to the class path");
            assertThatThrownBy(() -> codec.decode(JsonCodecContract.bytes(
                    "{\"deviceId\":\"s\",\"temperature\":1,\"time\":\"2025-06-01T12:00:00Z\"}")))
                    .isInstanceOf(MqttPayloadCodecException.class)
                    .hasMessageStartingWith("the payload is not JSON of a " + Reading.class.getName() + ": "
                            + "java.time.Instant needs the Jackson 2 module "
                            + "com.fasterxml.jackson.datatype:jackson-datatype-jsr310");
            Reading withoutTime = new Reading("s", 1, List.of(), null, null);
            assertThat(codec.decode(codec.encode(withoutTime))).isEqualTo(withoutTime);
            assertThatThrownBy(() -> PayloadCodec.json(Event.class).encode(new Event(null, null,
                    Optional.of("x"), Optional.empty(), List.of(), List.of())))
                    .isInstanceOf(MqttPayloadCodecException.class)
                    .hasMessageContaining("java.util.Optional needs the Jackson 2 module "
                            + "com.fasterxml.jackson.datatype:jackson-datatype-jdk8");
        }
    }
}
