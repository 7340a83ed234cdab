package io.mqttreactive.netty.json;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.PayloadCodec;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * What the Jackson 2 and Jackson 3 codecs share: payloads are UTF-8 JSON, announced with content type
 * {@code application/json} and payload format indicator UTF-8 (MQTT 5.0 sections 3.3.2.3.2 and 3.3.2.3.9);
 * {@code null} arguments are rejected, JSON {@code null} is not a value, and failures are
 * {@link MqttPayloadCodecException}s that name the type and, when decoding, the line and column in the payload.
 *
 * @param <T> the type of the values
 */
abstract class JsonPayloadCodec<T> implements PayloadCodec<T> {

    private static final Optional<String> CONTENT_TYPE = Optional.of("application/json");

    final Class<T> type;

    JsonPayloadCodec(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** Writes a non-null value; throws {@link MqttPayloadCodecException}, see {@link #encodeFailure}. */
    abstract byte[] write(T value);

    /** Reads a payload, {@code null} for JSON null; throws {@link MqttPayloadCodecException}. */
    abstract @Nullable T read(byte[] payload);

    @Override
    public final byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        return write(value);
    }

    @Override
    public final T decode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        T value = read(payload);
        if (value == null) {
            throw new MqttPayloadCodecException("the payload is JSON null, not a " + type.getName(), null);
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
        return getClass().getSimpleName() + "[" + type.getName() + "]";
    }

    final MqttPayloadCodecException encodeFailure(@Nullable String reason, Throwable cause) {
        return new MqttPayloadCodecException("cannot encode a " + type.getName() + " as JSON: " + reason, cause);
    }

    final MqttPayloadCodecException decodeFailure(@Nullable String reason, int line, int column, Throwable cause) {
        String at = line < 1 ? "" : " (at line " + line + ", column " + column + ")";
        return new MqttPayloadCodecException("the payload is not JSON of a " + type.getName() + ": " + reason + at,
                cause);
    }
}
