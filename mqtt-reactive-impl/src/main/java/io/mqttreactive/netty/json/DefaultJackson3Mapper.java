package io.mqttreactive.netty.json;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 mapper of {@link io.mqttreactive.spi.PayloadCodec#json(Class)}, configured as
 * {@link Jackson3JsonCodecProvider} lists and built on first use. Every setting is explicit, so the behaviour matches
 * Jackson 2's whatever a Jackson 3 release defaults to. Touch only when {@link JacksonLibraries#JACKSON_3} holds.
 */
public final class DefaultJackson3Mapper {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private DefaultJackson3Mapper() {
    }

    public static JsonMapper get() {
        return MAPPER;
    }
}
