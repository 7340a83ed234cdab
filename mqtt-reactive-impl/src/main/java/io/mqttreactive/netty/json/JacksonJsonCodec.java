package io.mqttreactive.netty.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.PayloadCodec;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON codec for one type, on an immutable Jackson reader and writer; thread-safe. Payloads are UTF-8 JSON,
 * announced with content type {@code application/json} and payload format indicator UTF-8 (MQTT 5.0 sections
 * 3.3.2.3.2 and 3.3.2.3.9). Jackson's failures become {@link MqttPayloadCodecException}s that name the type
 * and, when decoding, the line and column in the payload.
 *
 * @param <T> the type of the values
 */
final class JacksonJsonCodec<T> implements PayloadCodec<T> {

    private static final Optional<String> CONTENT_TYPE = Optional.of("application/json");

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    JacksonJsonCodec(Class<T> type, ObjectReader reader, ObjectWriter writer) {
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new MqttPayloadCodecException("cannot encode a " + type.getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        T value;
        try {
            value = reader.readValue(payload);
        } catch (JsonProcessingException e) {
            throw new MqttPayloadCodecException("the payload is not JSON of a " + type.getName() + ": "
                    + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new MqttPayloadCodecException("cannot read the JSON payload as a " + type.getName(), e);
        }
        if (value == null) {
            throw new MqttPayloadCodecException("the payload is JSON null, not a " + type.getName(), null);
        }
        return value;
    }

    @Override
    public Optional<String> contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public PayloadFormatIndicator payloadFormat() {
        return PayloadFormatIndicator.UTF_8;
    }

    @Override
    public String toString() {
        return "JacksonJsonCodec[" + type.getName() + "]";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
