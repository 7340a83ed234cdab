package io.mqttreactive.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqttreactive.netty.json.DefaultJackson2Mapper;
import io.mqttreactive.netty.json.DefaultJackson3Mapper;
import io.mqttreactive.netty.json.JacksonLibraries;
import io.mqttreactive.spi.PayloadCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON {@link PayloadCodec}s on a Jackson generation you choose, or on a mapper of your own, such as the one Spring
 * Boot configures with your modules and settings, for when {@link PayloadCodec#json(Class)}'s choice (Jackson 3 when
 * it is on the class path, else Jackson 2, each on a default mapper) does not suit. Each method returns a factory
 * whose {@code create} methods make a codec per type, generic types included:
 *
 * <pre>{@code
 * Jackson3JsonCodecs codecs = JacksonCodecs.jackson3(jsonMapper);
 * PayloadCodec<Reading> codec = codecs.create(Reading.class);
 * PayloadCodec<List<Reading>> batch = codecs.create(new TypeReference<List<Reading>>() {});
 * }</pre>
 *
 * <p>Codecs behave as {@link PayloadCodec#json(Class)}'s: content type {@code application/json}, payload format
 * indicator UTF-8, both checked when decoding a message (see {@link Jackson3JsonCodecs#ignoringContentType()}),
 * JSON {@code null} and every Jackson failure reported as
 * {@link io.mqttreactive.exception.MqttPayloadCodecException}. The no-argument methods use the same default
 * mappers as {@link PayloadCodec#json(Class)} (ISO-8601 dates, unknown properties ignored, trailing content and
 * {@code null} for primitives rejected). A mapper you pass is used as you configured it, unchanged: its date
 * format, its modules and its handling of unknown properties apply.
 *
 * <p>Jackson 2 is a dependency of mqtt-reactive-impl; Jackson 3 ({@code tools.jackson.core:jackson-databind} 3.x)
 * is optional: call the {@code jackson3} methods only when it is on the class path, or resolved on the module
 * path. This class cannot be instantiated.
 */
public final class JacksonCodecs {

    private JacksonCodecs() {
    }

    /**
     * Returns Jackson 3 JSON codecs on the default mapper of {@link PayloadCodec#json(Class)}.
     *
     * @return codecs named {@code "jackson3"}
     * @throws IllegalStateException if Jackson 3 is not on the class path
     */
    public static Jackson3JsonCodecs jackson3() {
        JacksonLibraries.requireJackson3();
        return Jackson3Defaults.CODECS;
    }

    /**
     * Returns Jackson 3 JSON codecs on an application's mapper, for example Spring Boot 4's {@code JsonMapper}
     * bean.
     *
     * @param mapper the mapper, used as configured
     * @return codecs named {@code "jackson3"}
     * @throws NullPointerException if {@code mapper} is {@code null}
     */
    public static Jackson3JsonCodecs jackson3(JsonMapper mapper) {
        return new Jackson3JsonCodecs(mapper, true);
    }

    /**
     * Returns Jackson 2 JSON codecs on the default mapper of {@link PayloadCodec#json(Class)}, even when
     * Jackson 3 is on the class path.
     *
     * @return codecs named {@code "jackson2"}
     * @throws IllegalStateException if Jackson 2 was excluded from the class path
     */
    public static Jackson2JsonCodecs jackson2() {
        JacksonLibraries.requireJackson2();
        return Jackson2Defaults.CODECS;
    }

    /**
     * Returns Jackson 2 JSON codecs on an application's mapper, for example Spring Boot 3's {@code ObjectMapper}
     * bean. {@code java.time} values need the mapper to have {@code JavaTimeModule} registered (Spring Boot's
     * has); without it, encoding and decoding them fail with an error naming the module.
     *
     * @param mapper a mapper for JSON, used as configured
     * @return codecs named {@code "jackson2"}
     * @throws NullPointerException     if {@code mapper} is {@code null}
     * @throws IllegalArgumentException if the mapper is for another format, such as XML
     */
    public static Jackson2JsonCodecs jackson2(ObjectMapper mapper) {
        return new Jackson2JsonCodecs(mapper, true);
    }

    private static final class Jackson3Defaults {

        static final Jackson3JsonCodecs CODECS = new Jackson3JsonCodecs(DefaultJackson3Mapper.get(), true);
    }

    private static final class Jackson2Defaults {

        static final Jackson2JsonCodecs CODECS = new Jackson2JsonCodecs(DefaultJackson2Mapper.get(), true);
    }
}
