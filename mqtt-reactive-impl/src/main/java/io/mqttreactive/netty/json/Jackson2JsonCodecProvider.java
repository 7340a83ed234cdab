package io.mqttreactive.netty.json;

import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.lang.reflect.Type;

/**
 * The Jackson 2 {@link JsonCodecProvider} ({@code "jackson2"}, priority {@value #PRIORITY}): used by
 * {@link PayloadCodec#json(Class)} when Jackson 3 is not on the class path. Its codecs share one
 * {@code com.fasterxml.jackson.databind.json.JsonMapper}, configured once:
 *
 * <ul>
 *   <li>the Jackson modules found with {@link java.util.ServiceLoader} are registered; mqtt-reactive-impl brings
 *       {@code jackson-datatype-jsr310} and {@code jackson-datatype-jdk8}, so {@code java.time} types and
 *       {@code Optional} are mapped; when one is missing, the error names the module to add;</li>
 *   <li>dates are written as ISO-8601 text rather than numbers, and an {@code OffsetDateTime} read keeps the
 *       offset it was written with;</li>
 *   <li>characters outside the Basic Multilingual Plane are written as UTF-8, not as escaped surrogates;</li>
 *   <li>unknown properties are ignored, so a newer sender may add fields;</li>
 *   <li>trailing content after the JSON value, and a missing or {@code null} value for a primitive record
 *       component, are errors;</li>
 *   <li>a value without properties (a class Jackson sees no getter or field of) is an error, not {@code {}}.</li>
 * </ul>
 *
 * <p>Its codecs check the content type and payload format indicator of the messages they decode, as
 * {@link PayloadCodec#json(Class)} describes. The provider names no Jackson type, so
 * {@link java.util.ServiceLoader} can instantiate it when Jackson 2 is absent; it is then not
 * {@linkplain #available() available}. On the module path, Jackson needs reflective access to the mapped types:
 * their package must be {@code opens} to {@code com.fasterxml.jackson.databind}, or the types public in an
 * exported package.
 */
public final class Jackson2JsonCodecProvider implements JsonCodecProvider {

    /** Below Jackson 3's, and below the default of providers an application adds. */
    public static final int PRIORITY = -200;

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     */
    public Jackson2JsonCodecProvider() {
    }

    @Override
    public String name() {
        return "jackson2";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean available() {
        return JacksonLibraries.JACKSON_2;
    }

    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        return create((Type) type);
    }

    @Override
    public <T> PayloadCodec<T> create(Type type) {
        JacksonLibraries.requireJackson2();
        return Jackson2JsonCodec.of(DefaultJackson2Mapper.get(), type, true);
    }
}
