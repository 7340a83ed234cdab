package io.mqttreactive.netty.json;

import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;

/**
 * Jackson 3 JSON codecs on one {@link JsonMapper}: the default one, configured as
 * {@link Jackson3JsonCodecProvider} lists, or an application's own, used as it is configured. Touch this class
 * only when {@link JacksonLibraries#JACKSON_3} holds.
 */
public final class Jackson3CodecFactory implements JsonCodecProvider {

    private final JsonMapper mapper;

    /**
     * Creates codecs on a mapper.
     *
     * @param mapper the mapper
     */
    public Jackson3CodecFactory(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Returns the codecs on the default mapper, built on first use.
     *
     * @return the shared instance
     */
    public static Jackson3CodecFactory defaults() {
        return Default.INSTANCE;
    }

    @Override
    public String name() {
        return "jackson3";
    }

    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new Jackson3JsonCodec<>(type, mapper.readerFor(type), mapper.writerFor(type));
    }

    @Override
    public String toString() {
        return "Jackson 3 JSON codecs on a " + mapper.getClass().getName();
    }

    /** Every setting is explicit, so the behaviour matches Jackson 2's whatever a Jackson 3 release defaults to. */
    private static final class Default {

        static final Jackson3CodecFactory INSTANCE = new Jackson3CodecFactory(JsonMapper.builder()
                .findAndAddModules()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build());
    }
}
