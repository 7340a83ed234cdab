package io.mqttreactive.netty.json;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.util.Objects;

/**
 * The {@link JsonCodecProvider} of mqtt-reactive-impl: JSON codecs backed by one shared Jackson
 * {@link ObjectMapper}, configured once:
 *
 * <ul>
 *   <li>the Jackson modules found with {@link java.util.ServiceLoader} are registered, so adding for example
 *       {@code jackson-datatype-jsr310} to the class path maps {@code java.time} types;</li>
 *   <li>dates are written as ISO-8601 text rather than numbers;</li>
 *   <li>characters outside the Basic Multilingual Plane are written as UTF-8, not as escaped surrogates;</li>
 *   <li>unknown properties are ignored, so a newer sender may add fields;</li>
 *   <li>trailing content after the JSON value, and a missing or {@code null} value for a primitive record
 *       component, are errors.</li>
 * </ul>
 *
 * <p>On the module path, Jackson needs reflective access to the mapped types: their package must be
 * {@code opens} to {@code com.fasterxml.jackson.databind}, or the types public in an exported package.
 */
public final class JacksonJsonCodecProvider implements JsonCodecProvider {

    private final ObjectMapper mapper = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     */
    public JacksonJsonCodecProvider() {
    }

    @Override
    public String name() {
        return "jackson";
    }

    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JacksonJsonCodec<>(type, mapper.readerFor(type), mapper.writerFor(type));
    }
}
