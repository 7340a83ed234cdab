package io.mqttreactive.netty.json;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.internal.MqttStrings;
import io.mqttreactive.netty.internal.mapping.OwnedPayloads;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.PayloadCodec;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * What the Jackson 2 and Jackson 3 codecs share: payloads are UTF-8 JSON, announced with content type
 * {@code application/json} and payload format indicator UTF-8 (MQTT 5.0 sections 3.3.2.3.2 and 3.3.2.3.9), and a
 * message is decoded only if those properties, when present, agree; {@code null} arguments are rejected, JSON
 * {@code null} is not a value, and failures are {@link MqttPayloadCodecException}s that name the type, the topic
 * when there is a message, and, for bad JSON, the line and column in the payload.
 *
 * @param <T> the type of the values
 */
abstract class JsonPayloadCodec<T> implements PayloadCodec<T> {

    private static final Optional<String> CONTENT_TYPE = Optional.of("application/json");

    final String typeName;
    private final boolean checkContentType;

    JsonPayloadCodec(String typeName, boolean checkContentType) {
        this.typeName = typeName;
        this.checkContentType = checkContentType;
    }

    /** Writes a non-null value; throws {@link MqttPayloadCodecException}, see {@link #encodeFailure}. */
    abstract byte[] write(T value);

    /**
     * Reads a payload, {@code null} for JSON null; throws {@link MqttPayloadCodecException}, see
     * {@link #decodeFailure}.
     */
    abstract @Nullable T read(byte[] payload, @Nullable String topic);

    @Override
    public final byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        return write(value);
    }

    @Override
    public final T decode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return decode(payload, null);
    }

    @Override
    public final T decode(MqttMessage message) {
        String topic = message.topic().value();
        Optional<String> contentType = message.contentType();
        if (checkContentType && contentType.isPresent() && !JsonContentType.isJson(contentType.get())) {
            throw refused(topic, "its content type is \"" + contentType.get() + "\", not application/json or "
                    + "application/*+json");
        }
        byte[] payload = OwnedPayloads.read(message);
        boolean utf8 = message.payloadFormatIndicator() == PayloadFormatIndicator.UTF_8;
        if (utf8 && !MqttStrings.isWellFormedUtf8(payload)) {
            throw refused(topic, "its payload format indicator says UTF-8 but the payload is not well-formed UTF-8"
                    + " (MQTT 5.0 section 3.3.2.3.2)");
        }
        return decode(payload, topic);
    }

    private T decode(byte[] payload, @Nullable String topic) {
        T value = read(payload, topic);
        if (value == null) {
            throw new MqttPayloadCodecException(thePayload(topic) + " is JSON null, not a " + typeName, null);
        }
        return value;
    }

    @Override
    public final Optional<String> contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public final PayloadFormatIndicator payloadFormat() {
        return PayloadFormatIndicator.UTF_8;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + typeName + (checkContentType ? "" : ", any content type") + "]";
    }

    final MqttPayloadCodecException encodeFailure(@Nullable String reason, Throwable cause) {
        return new MqttPayloadCodecException("cannot encode a " + typeName + " as JSON: " + reason, cause);
    }

    final MqttPayloadCodecException decodeFailure(@Nullable String topic, @Nullable String reason, int line,
            int column, Throwable cause) {
        String at = line < 1 ? "" : " (at line " + line + ", column " + column + ")";
        return new MqttPayloadCodecException(thePayload(topic) + " is not JSON of a " + typeName + ": " + reason + at,
                cause);
    }

    private MqttPayloadCodecException refused(String topic, String reason) {
        return new MqttPayloadCodecException("cannot decode the message on topic '" + topic + "' as JSON of a "
                + typeName + ": " + reason, null);
    }

    private static String thePayload(@Nullable String topic) {
        return topic == null ? "the payload" : "the payload on topic '" + topic + "'";
    }
}
