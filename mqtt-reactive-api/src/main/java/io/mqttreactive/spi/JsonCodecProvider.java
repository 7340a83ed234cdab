package io.mqttreactive.spi;

/**
 * Creates JSON {@link PayloadCodec}s; found by {@link PayloadCodec#json(Class)} through
 * {@link java.util.ServiceLoader}. Declare an implementation with
 * {@code provides io.mqttreactive.spi.JsonCodecProvider with ...} in {@code module-info.java} and in
 * {@code META-INF/services/io.mqttreactive.spi.JsonCodecProvider}. mqtt-reactive-impl provides one backed by
 * Jackson.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe. Codecs they create
 * encode with content type {@code application/json} and payload format indicator
 * {@link io.mqttreactive.message.PayloadFormatIndicator#UTF_8}.
 */
public interface JsonCodecProvider {

    /**
     * Returns a short name for the provider, shown in errors.
     *
     * @return the name, for example {@code "jackson"}
     */
    String name();

    /**
     * Creates a codec for values of a type.
     *
     * @param type the class of the values, for example a record
     * @param <T>  the type of the values
     * @return a thread-safe codec; decoding fails with
     *         {@link io.mqttreactive.exception.MqttPayloadCodecException} when the payload is not JSON of that type
     * @throws IllegalArgumentException if the provider cannot map the type
     */
    <T> PayloadCodec<T> create(Class<T> type);
}
