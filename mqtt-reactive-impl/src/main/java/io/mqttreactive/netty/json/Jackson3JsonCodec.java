package io.mqttreactive.netty.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * A JSON codec for one type on an immutable Jackson 3 reader and writer; thread-safe.
 *
 * @param <T> the type of the values
 */
final class Jackson3JsonCodec<T> extends JsonPayloadCodec<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    Jackson3JsonCodec(Class<T> type, ObjectReader reader, ObjectWriter writer) {
        super(type);
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    byte[] write(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw encodeFailure(e.getOriginalMessage(), e);
        }
    }

    @Override
    @Nullable T read(byte[] payload) {
        try {
            return reader.readValue(payload);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw location == null
                    ? decodeFailure(e.getOriginalMessage(), -1, -1, e)
                    : decodeFailure(e.getOriginalMessage(), location.getLineNr(), location.getColumnNr(), e);
        }
    }
}
