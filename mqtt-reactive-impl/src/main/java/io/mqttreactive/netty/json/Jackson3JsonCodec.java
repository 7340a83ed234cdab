package io.mqttreactive.netty.json;

import io.mqttreactive.spi.PayloadCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A JSON codec for one type on an immutable Jackson 3 reader and writer; thread-safe.
 *
 * @param <T> the type of the values
 */
public final class Jackson3JsonCodec<T> extends JsonPayloadCodec<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    private Jackson3JsonCodec(JavaType type, JsonMapper mapper, boolean checkContentType) {
        super(type.toCanonical(), checkContentType);
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    /** A codec of {@code type}: a class, a parameterized type or a Jackson JavaType. */
    public static <T> PayloadCodec<T> of(JsonMapper mapper, Type type, boolean checkContentType) {
        Objects.requireNonNull(type, "type");
        return new Jackson3JsonCodec<>(mapper.constructType(type), mapper, checkContentType);
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
    @Nullable T read(byte[] payload, @Nullable String topic) {
        try {
            return reader.readValue(payload);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw location == null
                    ? decodeFailure(topic, e.getOriginalMessage(), -1, -1, e)
                    : decodeFailure(topic, e.getOriginalMessage(), location.getLineNr(), location.getColumnNr(), e);
        }
    }
}
