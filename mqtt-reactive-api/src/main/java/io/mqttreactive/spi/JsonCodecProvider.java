package io.mqttreactive.spi;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Creates JSON {@link PayloadCodec}s; found by {@link PayloadCodec#json(Class)} and {@link PayloadCodec#json(Type)}
 * through {@link java.util.ServiceLoader}. Declare an implementation with
 * {@code provides io.mqttreactive.spi.JsonCodecProvider with ...} in {@code module-info.java} and in
 * {@code META-INF/services/io.mqttreactive.spi.JsonCodecProvider}. mqtt-reactive-impl provides two, backed by
 * Jackson 3 ({@code "jackson3"}) and Jackson 2 ({@code "jackson2"}).
 *
 * <p>When several providers are found, {@link PayloadCodec#json(Class)} uses the {@linkplain #available()
 * available} one with the highest {@linkplain #priority() priority}, or the one named by the system property
 * {@value #PROVIDER_PROPERTY}.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe. Codecs they create
 * encode with content type {@code application/json} and payload format indicator
 * {@link io.mqttreactive.message.PayloadFormatIndicator#UTF_8}, and should check both when they
 * {@linkplain PayloadCodec#decode(io.mqttreactive.message.MqttMessage) decode a message}.
 */
public interface JsonCodecProvider {

    /**
     * The system property that names the provider {@link PayloadCodec#json(Class)} must use, for example
     * {@code -Dio.mqttreactive.json.provider=jackson2}; compared with {@link #name()} ignoring case. When it
     * names no available provider, {@link PayloadCodec#json(Class)} fails instead of falling back to another.
     */
    String PROVIDER_PROPERTY = "io.mqttreactive.json.provider";

    /**
     * Returns a short name for the provider, shown in errors and matched by {@value #PROVIDER_PROPERTY}.
     *
     * @return the name, for example {@code "jackson3"}
     */
    String name();

    /**
     * Returns the priority of this provider: when several are available, {@link PayloadCodec#json(Class)} uses
     * the one with the highest; on a tie, the first by name. mqtt-reactive-impl's providers have negative
     * priorities (Jackson 3: {@code -100}, Jackson 2: {@code -200}), so a provider an application adds with the
     * default priority is preferred to them.
     *
     * @return the priority; {@code 0} by default
     */
    default int priority() {
        return 0;
    }

    /**
     * Tells whether this provider can create codecs here, for example whether the library it is backed by is
     * on the class path. Must be cheap and must not throw; {@link PayloadCodec#json(Class)} skips providers
     * that are not available.
     *
     * @return {@code true} by default
     */
    default boolean available() {
        return true;
    }

    /**
     * Creates a codec for values of a type.
     *
     * @param type the class of the values, for example a record
     * @param <T>  the type of the values
     * @return a thread-safe codec; decoding fails with
     *         {@link io.mqttreactive.exception.MqttPayloadCodecException} when the payload is not JSON of that type
     * @throws IllegalArgumentException if the provider cannot map the type
     * @throws IllegalStateException    if the provider is not {@linkplain #available() available}
     */
    <T> PayloadCodec<T> create(Class<T> type);

    /**
     * Creates a codec for values of a generic type, such as {@code List<Reading>} or {@code Map<String, Reading>}:
     *
     * <pre>{@code
     * PayloadCodec<List<Reading>> codec = provider.create(new TypeReference<List<Reading>>() {}.getType());
     * }</pre>
     *
     * <p>The default creates the codec of a {@link Class} with {@link #create(Class)} and refuses other types, so
     * that providers written before this method keep working; mqtt-reactive-impl's providers map any type Jackson
     * can construct.
     *
     * @param type the type of the values: a {@link Class}, a {@link java.lang.reflect.ParameterizedType} such as
     *             Jackson's {@code TypeReference.getType()} or Spring's {@code ParameterizedTypeReference.getType()},
     *             or a type of the provider's library that implements {@link Type}, such as Jackson's
     *             {@code JavaType}
     * @param <T>  the type of the values, which the caller vouches for: it is not checked against {@code type}
     * @return a thread-safe codec, as {@link #create(Class)}'s
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if the provider cannot map the type
     * @throws IllegalStateException    if the provider is not {@linkplain #available() available}
     */
    @SuppressWarnings("unchecked")
    default <T> PayloadCodec<T> create(Type type) {
        Objects.requireNonNull(type, "type");
        if (type instanceof Class<?> raw) {
            return (PayloadCodec<T>) create(raw);
        }
        throw new IllegalArgumentException("the JsonCodecProvider " + name() + " maps classes only, not "
                + type.getTypeName());
    }
}
