package io.mqttreactive.spi;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;

import java.util.Optional;

/**
 * Turns application values into message payloads and back, for example JSON or Protocol Buffers.
 *
 * <p>Implementations must be thread-safe; they may run on a connection's event loop and must not block.
 *
 * @param <T> the type of the application values
 */
public interface PayloadCodec<T> {

    /**
     * Encodes a value.
     *
     * @param value the value
     * @return the payload bytes
     * @throws MqttPayloadCodecException if the value cannot be encoded
     */
    byte[] encode(T value);

    /**
     * Decodes a payload.
     *
     * @param payload the payload bytes
     * @return the value
     * @throws MqttPayloadCodecException if the payload cannot be decoded
     */
    T decode(byte[] payload);

    /**
     * Returns the MQTT 5.0 Content Type of encoded payloads.
     *
     * @return a content type such as {@code application/json}, or empty
     */
    default Optional<String> contentType() {
        return Optional.empty();
    }

    /**
     * Returns the MQTT 5.0 Payload Format Indicator of encoded payloads.
     *
     * @return {@link PayloadFormatIndicator#UTF_8} for text formats; {@link PayloadFormatIndicator#UNSPECIFIED}
     *         by default
     */
    default PayloadFormatIndicator payloadFormat() {
        return PayloadFormatIndicator.UNSPECIFIED;
    }

    /**
     * Encodes a value into a message builder: sets its payload, payload format indicator and, if this codec
     * has one, its content type.
     *
     * @param value   the value
     * @param builder the message builder
     * @return {@code builder}
     * @throws MqttPayloadCodecException if the value cannot be encoded
     */
    default MqttMessage.Builder encode(T value, MqttMessage.Builder builder) {
        builder.payload(encode(value)).payloadFormatIndicator(payloadFormat());
        contentType().ifPresent(builder::contentType);
        return builder;
    }

    /**
     * Decodes the payload of a message.
     *
     * @param message the message
     * @return the value
     * @throws MqttPayloadCodecException if the payload cannot be decoded
     */
    default T decode(MqttMessage message) {
        return decode(message.payload());
    }

    /**
     * Returns the codec of UTF-8 text, with content type {@code text/plain; charset=utf-8} and payload format
     * {@link PayloadFormatIndicator#UTF_8}. Decoding rejects ill-formed UTF-8.
     *
     * @return the UTF-8 string codec
     */
    static PayloadCodec<String> utf8() {
        return Utf8Codec.INSTANCE;
    }

    /**
     * Returns a JSON codec for values of a type, with content type {@code application/json} and payload format
     * {@link PayloadFormatIndicator#UTF_8}, from a {@link JsonCodecProvider} found with
     * {@link java.util.ServiceLoader}: the one named by the system property
     * {@value JsonCodecProvider#PROVIDER_PROPERTY} if it is set, else the available one with the highest
     * {@linkplain JsonCodecProvider#priority() priority}. mqtt-reactive-impl provides two: Jackson 3
     * ({@code "jackson3"}), used when {@code tools.jackson.core:jackson-databind} is on the class path, and
     * Jackson 2 ({@code "jackson2"}) otherwise. Both map records, beans, {@code java.time} types as ISO-8601
     * text, {@code Optional}, and the Jackson modules found on the class path. To use a mapper of your own, see
     * mqtt-reactive-impl's {@code io.mqttreactive.netty.JacksonCodecs}.
     *
     * <p>Decoding a payload that is not JSON of the type, or is JSON {@code null}, fails with
     * {@link MqttPayloadCodecException}. Look the codec up once and keep it: the lookup scans the class path,
     * while the codec is thread-safe and cheap to use.
     *
     * @param type the class of the values
     * @param <T>  the type of the values
     * @return a JSON codec
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if the provider cannot map the type
     * @throws IllegalStateException    if no provider can be loaded, or the one the system property names is not
     *                                  available; the message says what was found
     */
    static <T> PayloadCodec<T> json(Class<T> type) {
        return JsonCodecs.json(type);
    }
}
