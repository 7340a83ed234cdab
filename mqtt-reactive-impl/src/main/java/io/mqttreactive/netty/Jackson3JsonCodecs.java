package io.mqttreactive.netty;

import io.mqttreactive.netty.json.Jackson3JsonCodec;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Jackson 3 JSON codecs on one {@link JsonMapper}: {@link PayloadCodec#json(Class)}'s default mapper, or an
 * application's own, such as Spring Boot 4's, used as it is configured. Get one from {@link JacksonCodecs#jackson3()}
 * or {@link JacksonCodecs#jackson3(JsonMapper)}, then create a codec per type, generic types included:
 *
 * <pre>{@code
 * Jackson3JsonCodecs codecs = JacksonCodecs.jackson3(jsonMapper);
 * PayloadCodec<Reading> one = codecs.create(Reading.class);
 * PayloadCodec<List<Reading>> many = codecs.create(new TypeReference<List<Reading>>() {});
 * PayloadCodec<Map<String, Reading>> byId = codecs.create(
 *         jsonMapper.getTypeFactory().constructMapType(Map.class, String.class, Reading.class));
 * }</pre>
 *
 * <p>The codecs behave as {@link PayloadCodec#json(Class)} describes: content type {@code application/json} and
 * payload format indicator UTF-8 when encoding, both checked when decoding a message, JSON {@code null} and every
 * Jackson failure reported as {@link io.mqttreactive.exception.MqttPayloadCodecException}. Instances are immutable
 * and thread-safe, and so are the codecs they create. Use this class only when
 * {@code tools.jackson.core:jackson-databind} 3.x is on the class path, or resolved on the module path.
 */
public final class Jackson3JsonCodecs implements JsonCodecProvider {

    private final JsonMapper mapper;
    private final boolean checkContentType;

    Jackson3JsonCodecs(JsonMapper mapper, boolean checkContentType) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.checkContentType = checkContentType;
    }

    /**
     * Returns {@code "jackson3"}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "jackson3";
    }

    /**
     * Creates a codec for values of a class.
     *
     * @param type the class of the values, for example a record
     * @param <T>  the type of the values
     * @return a thread-safe codec
     * @throws NullPointerException if {@code type} is {@code null}
     */
    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        return Jackson3JsonCodec.of(mapper, type, checkContentType);
    }

    /**
     * Creates a codec for values of a generic type, captured by a Jackson 3 {@link TypeReference}:
     * {@code create(new TypeReference<List<Reading>>() {})}.
     *
     * @param type the type of the values
     * @param <T>  the type of the values
     * @return a thread-safe codec
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public <T> PayloadCodec<T> create(TypeReference<T> type) {
        return Jackson3JsonCodec.of(mapper, Objects.requireNonNull(type, "type").getType(), checkContentType);
    }

    /**
     * Creates a codec for values of a type: a {@link Class}, a {@link java.lang.reflect.ParameterizedType}, or a
     * Jackson 3 {@link tools.jackson.databind.JavaType} built with the mapper's
     * {@link JsonMapper#getTypeFactory() type factory}.
     *
     * @param type the type of the values
     * @param <T>  the type of the values, which the caller vouches for: it is not checked against {@code type}
     * @return a thread-safe codec
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if Jackson cannot map the type
     */
    @Override
    public <T> PayloadCodec<T> create(Type type) {
        return Jackson3JsonCodec.of(mapper, type, checkContentType);
    }

    /**
     * Returns codecs on the same mapper that decode a message whatever its content type says, for senders that
     * label JSON wrongly, such as {@code text/plain}. A payload format indicator of UTF-8 is still checked
     * against the payload, since JSON is UTF-8 either way.
     *
     * @return codecs that ignore the content type of the messages they decode
     */
    public Jackson3JsonCodecs ignoringContentType() {
        return checkContentType ? new Jackson3JsonCodecs(mapper, false) : this;
    }

    @Override
    public String toString() {
        return "Jackson 3 JSON codecs on a " + mapper.getClass().getName()
                + (checkContentType ? "" : ", ignoring the content type");
    }
}
