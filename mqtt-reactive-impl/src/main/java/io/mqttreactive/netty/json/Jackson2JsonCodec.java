package io.mqttreactive.netty.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.mqttreactive.spi.PayloadCodec;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A JSON codec for one type on an immutable Jackson 2 reader and writer; thread-safe. When the mapper lacks the
 * Jackson 2 module that a {@code java.time} or {@code Optional} value needs, the error names the module.
 *
 * @param <T> the type of the values
 */
public final class Jackson2JsonCodec<T> extends JsonPayloadCodec<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    private Jackson2JsonCodec(JavaType type, ObjectMapper mapper, boolean checkContentType) {
        super(type.toCanonical(), checkContentType);
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    /** A codec of {@code type}: a class, a parameterized type or a Jackson JavaType. */
    public static <T> PayloadCodec<T> of(ObjectMapper mapper, Type type, boolean checkContentType) {
        Objects.requireNonNull(type, "type");
        return new Jackson2JsonCodec<>(mapper.constructType(type), mapper, checkContentType);
    }

    @Override
    byte[] write(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw encodeFailure(explain(e), e);
        }
    }

    @Override
    @Nullable T read(byte[] payload, @Nullable String topic) {
        try {
            return reader.readValue(payload);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw location == null
                    ? decodeFailure(topic, explain(e), -1, -1, e)
                    : decodeFailure(topic, explain(e), location.getLineNr(), location.getColumnNr(), e);
        } catch (IOException e) {
            throw decodeFailure(topic, e.getMessage(), -1, -1, e);
        }
    }

    /** Jackson's message, preceded by the module to add when the type is one a Jackson 2 module maps. */
    private static @Nullable String explain(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
            Class<?> unmapped = definition.getType().getRawClass();
            String module = moduleFor(unmapped);
            if (module != null) {
                return unmapped.getName() + " needs the Jackson 2 module " + module + ": add it to the class path,"
                        + " where the default mapper finds it, or register it on your ObjectMapper ("
                        + e.getOriginalMessage() + ")";
            }
        }
        return e.getOriginalMessage();
    }

    private static @Nullable String moduleFor(Class<?> type) {
        if (type.getName().startsWith("java.time.")) {
            return "com.fasterxml.jackson.datatype:jackson-datatype-jsr310";
        }
        if (type.getName().startsWith("java.util.Optional")) {
            return "com.fasterxml.jackson.datatype:jackson-datatype-jdk8";
        }
        return null;
    }
}
