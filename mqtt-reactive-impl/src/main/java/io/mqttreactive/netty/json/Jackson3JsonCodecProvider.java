package io.mqttreactive.netty.json;

import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.lang.reflect.Type;

/**
 * The Jackson 3 {@link JsonCodecProvider} ({@code "jackson3"}, priority {@value #PRIORITY}): used by
 * {@link PayloadCodec#json(Class)} whenever {@code tools.jackson.core:jackson-databind} 3.x is on the class
 * path, as it is under Spring Boot 4. Its codecs share one {@code tools.jackson.databind.json.JsonMapper},
 * configured once to behave as the Jackson 2 provider's wherever Jackson 3 lets it:
 *
 * <ul>
 *   <li>the Jackson 3 modules found with {@link java.util.ServiceLoader} are registered; {@code java.time}
 *       types and {@code Optional} need none, Jackson 3 maps them itself;</li>
 *   <li>dates are written as ISO-8601 text rather than numbers, and an {@code OffsetDateTime} read keeps the
 *       offset it was written with;</li>
 *   <li>characters outside the Basic Multilingual Plane are written as UTF-8, not as escaped surrogates;</li>
 *   <li>unknown properties are ignored, so a newer sender may add fields;</li>
 *   <li>trailing content after the JSON value, and a {@code null} value for a primitive, are errors; unlike
 *       Jackson 2, Jackson 3 gives a <em>missing</em> primitive record component its default value;</li>
 *   <li>a value without properties (a class Jackson sees no getter or field of) is an error, not {@code {}}.</li>
 * </ul>
 *
 * <p>Jackson 3 reads the same {@code com.fasterxml.jackson.annotation} annotations as Jackson 2, but not
 * Jackson 2 modules or serializers: an application that relies on those chooses {@code "jackson2"} with the
 * system property {@value io.mqttreactive.spi.JsonCodecProvider#PROVIDER_PROPERTY}.
 *
 * <p>Its codecs check the content type and payload format indicator of the messages they decode, as
 * {@link PayloadCodec#json(Class)} describes. The provider names no Jackson type, so
 * {@link java.util.ServiceLoader} can instantiate it when Jackson 3 is absent; it is then not
 * {@linkplain #available() available}. On the module path, Jackson 3 needs the module
 * {@code tools.jackson.databind} resolved, and reflective access to the mapped types: their package must be
 * {@code opens} to {@code tools.jackson.databind}, or the types public in an exported package.
 */
public final class Jackson3JsonCodecProvider implements JsonCodecProvider {

    /** Above Jackson 2's, below the default of providers an application adds. */
    public static final int PRIORITY = -100;

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     */
    public Jackson3JsonCodecProvider() {
    }

    @Override
    public String name() {
        return "jackson3";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean available() {
        return JacksonLibraries.JACKSON_3;
    }

    @Override
    public <T> PayloadCodec<T> create(Class<T> type) {
        return create((Type) type);
    }

    @Override
    public <T> PayloadCodec<T> create(Type type) {
        JacksonLibraries.requireJackson3();
        return Jackson3JsonCodec.of(DefaultJackson3Mapper.get(), type, true);
    }
}
