package io.mqttreactive.spi;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;

import java.lang.reflect.Type;
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
     * has one, its content type. Those two are MQTT 5.0 properties, which MQTT 3.1 and 3.1.1 cannot carry: the
     * client refuses to publish a message that has them on such a connection rather than drop them unseen, so
     * there set only the payload, with {@code builder.payload(codec.encode(value))}.
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
     * Decodes the payload of a message. A codec may check the message's properties first: the JSON codecs of
     * {@link #json(Class)} refuse a message whose content type is not JSON, or whose payload format indicator is
     * UTF-8 while its payload is not, and name the topic in their errors. {@link #decode(byte[])
     * decode(message.payload())} decodes the payload whatever the properties say.
     *
     * @param message the message
     * @return the value
     * @throws MqttPayloadCodecException if the payload cannot be decoded, or the message's properties say it is
     *                                   not in this codec's format
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
     * text, {@code Optional}, and the Jackson modules found on the class path. To use a mapper of your own, for
     * example Spring's, see mqtt-reactive-impl's {@code io.mqttreactive.netty.JacksonCodecs}; for generic types
     * such as {@code List<Reading>}, see {@link #json(Type)}.
     *
     * <p>Decoding a payload that is not JSON of the type, or is JSON {@code null}, fails with
     * {@link MqttPayloadCodecException}. {@link #decode(MqttMessage) Decoding a message} checks its MQTT 5.0
     * properties first, and fails the same way, naming the topic and the reason, when
     *
     * <ul>
     *   <li>it has a content type that is not JSON: {@code application/json} and {@code application/*+json} (such
     *       as {@code application/ld+json}) are, with any parameters ({@code ; charset=utf-8}) and in any case;</li>
     *   <li>its payload format indicator is {@link PayloadFormatIndicator#UTF_8} but its payload is not well-formed
     *       UTF-8 (the receiver may check, MQTT 5.0 section 3.3.2.3.2).</li>
     * </ul>
     *
     * <p>A message without these properties, as every message under MQTT 3.1.1 is, is decoded. Both checks are
     * on by default, since a message that fails them says itself that it is not UTF-8 JSON. For senders that label
     * JSON wrongly, {@code JacksonCodecs.jackson3().ignoringContentType()} (or {@code jackson2()}) gives codecs
     * that skip the content type check; the payload format check stays, JSON being UTF-8 either way. Decoding
     * {@code message.payload()} checks neither.
     *
     * <p>Look the codec up once and keep it: the lookup scans the class path, while the codec is thread-safe and
     * cheap to use.
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

    /**
     * Returns a JSON codec for values of a generic type, such as {@code List<Reading>} or
     * {@code Map<String, Reading>}, from the same provider as {@link #json(Class)} and with the same behaviour:
     *
     * <pre>{@code
     * PayloadCodec<List<Reading>> codec = PayloadCodec.json(new TypeReference<List<Reading>>() {}.getType());
     * }</pre>
     *
     * <p>Any {@link Type} will do: a {@link Class}, the {@link java.lang.reflect.ParameterizedType} of Jackson's
     * {@code TypeReference} or Spring's {@code ParameterizedTypeReference}, or a Jackson {@code JavaType}.
     * mqtt-reactive-impl's {@code JacksonCodecs} also takes a {@code TypeReference} itself.
     *
     * @param type the type of the values
     * @param <T>  the type of the values, which the caller vouches for: it is not checked against {@code type}
     * @return a JSON codec
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if the provider cannot map the type
     * @throws IllegalStateException    if no provider can be loaded, or the one the system property names is not
     *                                  available; the message says what was found
     */
    static <T> PayloadCodec<T> json(Type type) {
        return JsonCodecs.json(type);
    }
}
