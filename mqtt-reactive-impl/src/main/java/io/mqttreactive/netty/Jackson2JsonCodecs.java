package io.mqttreactive.netty;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqttreactive.netty.json.Jackson2JsonCodec;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Jackson 2 JSON codecs on one {@link ObjectMapper}: {@link PayloadCodec#json(Class)}'s default mapper, or an
 * application's own, used as it is configured. Get one from {@link JacksonCodecs#jackson2()} or
 * {@link JacksonCodecs#jackson2(ObjectMapper)}, then create a codec per type, generic types included:
 *
 * <pre>{@code
 * Jackson2JsonCodecs codecs = JacksonCodecs.jackson2(objectMapper);
 * PayloadCodec<Reading> one = codecs.create(Reading.class);
 * PayloadCodec<List<Reading>> many = codecs.create(new TypeReference<List<Reading>>() {});
 * PayloadCodec<Map<String, Reading>> byId = codecs.create(
 *         objectMapper.getTypeFactory().constructMapType(Map.class, String.class, Reading.class));
 * }</pre>
 *
 * <p>The codecs behave as {@link PayloadCodec#json(Class)} describes: content type {@code application/json} and
 * payload format indicator UTF-8 when encoding, both checked when decoding a message, JSON {@code null} and every
 * Jackson failure reported as {@link io.mqttreactive.exception.MqttPayloadCodecException}. Codecs see the mapper's
 * configuration as it is when {@code create} is called. Instances are immutable and thread-safe, and so are the
 * codecs they create.
 */
public final class Jackson2JsonCodecs implements JsonCodecProvider {

    private final ObjectMapper mapper;
    private final boolean checkContentType;

    Jackson2JsonCodecs(ObjectMapper mapper, boolean checkContentType) {
        Objects.requireNonNull(mapper, "mapper");
        String format = mapper.getFactory().getFormatName();
        if (format != null && !JsonFactory.FORMAT_NAME_JSON.equals(format)) {
            throw new IllegalArgumentException("JSON payload codecs need an ObjectMapper for JSON, not " + format);
        }
        this.mapper = mapper;
        this.checkContentType = checkContentType;
    }

    /**
     * Returns {@code "jackson2"}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "jackson2";
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
        return Jackson2JsonCodec.of(mapper, type, checkContentType);
    }

    /**
     * Creates a codec for values of a generic type, captured by a Jackson 2 {@link TypeReference}:
     * {@code create(new TypeReference<List<Reading>>() {})}.
     *
     * @param type the type of the values
     * @param <T>  the type of the values
     * @return a thread-safe codec
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public <T> PayloadCodec<T> create(TypeReference<T> type) {
        return Jackson2JsonCodec.of(mapper, Objects.requireNonNull(type, "type").getType(), checkContentType);
    }

    /**
     * Creates a codec for values of a type: a {@link Class}, a {@link java.lang.reflect.ParameterizedType}, or a
     * Jackson 2 {@link com.fasterxml.jackson.databind.JavaType} built with the mapper's
     * {@link ObjectMapper#getTypeFactory() type factory}.
     *
     * @param type the type of the values
     * @param <T>  the type of the values, which the caller vouches for: it is not checked against {@code type}
     * @return a thread-safe codec
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if Jackson cannot map the type
     */
    @Override
    public <T> PayloadCodec<T> create(Type type) {
        return Jackson2JsonCodec.of(mapper, type, checkContentType);
    }

    /**
     * Returns codecs on the same mapper that decode a message whatever its content type says, for senders that
     * label JSON wrongly, such as {@code text/plain}. A payload format indicator of UTF-8 is still checked
     * against the payload, since JSON is UTF-8 either way.
     *
     * @return codecs that ignore the content type of the messages they decode
     */
    public Jackson2JsonCodecs ignoringContentType() {
        return checkContentType ? new Jackson2JsonCodecs(mapper, false) : this;
    }

    @Override
    public String toString() {
        return "Jackson 2 JSON codecs on a " + mapper.getClass().getName()
                + (checkContentType ? "" : ", ignoring the content type");
    }
}
