package io.mqttreactive.netty.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.util.Objects;

/**
 * Jackson 2 JSON codecs on one {@link ObjectMapper}: the default one, configured as
 * {@link Jackson2JsonCodecProvider} lists, or an application's own, used as it is configured. Touch this class
 * only when {@link JacksonLibraries#JACKSON_2} holds.
 */
public final class Jackson2CodecFactory implements JsonCodecProvider {

    private final ObjectMapper mapper;

    /**
     * Creates codecs on a mapper.
     *
     * @param mapper a mapper for JSON
     * @throws IllegalArgumentException if the mapper is for another format, such as XML
     */
    public Jackson2CodecFactory(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        String format = mapper.getFactory().getFormatName();
        if (format != null && !JsonFactory.FORMAT_NAME_JSON.equals(format)) {
            throw new IllegalArgumentException("JSON payload codecs need an ObjectMapper for JSON, not " + format);
        }
        this.mapper = mapper;
    }

    /**
     * Returns the codecs on the default mapper, built on first use.
     *
     * @return the shared instance
     */
    public static Jackson2CodecFactory defaults() {
        return Default.INSTANCE;
    }

    @Override
    public String name() {
        return "jackson2";
    }

    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new Jackson2JsonCodec<>(type, mapper.readerFor(type), mapper.writerFor(type));
    }

    @Override
    public String toString() {
        return "Jackson 2 JSON codecs on a " + mapper.getClass().getName();
    }

    private static final class Default {

        static final Jackson2CodecFactory INSTANCE = new Jackson2CodecFactory(JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build());
    }
}
