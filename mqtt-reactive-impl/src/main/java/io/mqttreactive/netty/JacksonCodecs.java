package io.mqttreactive.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqttreactive.netty.json.Jackson2CodecFactory;
import io.mqttreactive.netty.json.Jackson3CodecFactory;
import io.mqttreactive.netty.json.JacksonLibraries;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;

/**
 * JSON {@link PayloadCodec}s on a Jackson generation you choose, or on a mapper of your own, for when
 * {@link PayloadCodec#json(Class)}'s choice (Jackson 3 when it is on the class path, else Jackson 2) does not
 * suit. Each method returns a {@link JsonCodecProvider} whose {@link JsonCodecProvider#create(Class) create}
 * makes codecs for one type each:
 *
 * <pre>{@code
 * PayloadCodec<Reading> codec = JacksonCodecs.jackson3(applicationJsonMapper).create(Reading.class);
 * }</pre>
 *
 * <p>Codecs behave as {@link PayloadCodec#json(Class)}'s: content type {@code application/json}, payload format
 * indicator UTF-8, JSON {@code null} and every Jackson failure reported as
 * {@link io.mqttreactive.exception.MqttPayloadCodecException}. The no-argument methods use the same default
 * mappers as {@link PayloadCodec#json(Class)} (ISO-8601 dates, unknown properties ignored, trailing content and
 * {@code null} for primitives rejected). A mapper you pass is used as you configured it, unchanged: its date
 * format, its modules and its handling of unknown properties apply. Codecs made from it see the mapper's
 * configuration as it is when {@code create} is called.
 *
 * <p>Jackson 2 is a dependency of mqtt-reactive-impl; Jackson 3 ({@code tools.jackson.core:jackson-databind} 3.x)
 * is optional: call the {@code jackson3} methods only when it is on the class path, or resolved on the module
 * path. Instances returned are thread-safe, and so are the codecs they create. This class cannot be
 * instantiated.
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
    public static JsonCodecProvider jackson3() {
        JacksonLibraries.requireJackson3();
        return Jackson3CodecFactory.defaults();
    }

    /**
     * Returns Jackson 3 JSON codecs on an application's mapper, for example Spring Boot 4's {@code JsonMapper}
     * bean.
     *
     * @param mapper the mapper, used as configured
     * @return codecs named {@code "jackson3"}
     * @throws NullPointerException if {@code mapper} is {@code null}
     */
    public static JsonCodecProvider jackson3(JsonMapper mapper) {
        return new Jackson3CodecFactory(Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * Returns Jackson 2 JSON codecs on the default mapper of {@link PayloadCodec#json(Class)}, even when
     * Jackson 3 is on the class path.
     *
     * @return codecs named {@code "jackson2"}
     * @throws IllegalStateException if Jackson 2 was excluded from the class path
     */
    public static JsonCodecProvider jackson2() {
        JacksonLibraries.requireJackson2();
        return Jackson2CodecFactory.defaults();
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
    public static JsonCodecProvider jackson2(ObjectMapper mapper) {
        return new Jackson2CodecFactory(Objects.requireNonNull(mapper, "mapper"));
    }
}
