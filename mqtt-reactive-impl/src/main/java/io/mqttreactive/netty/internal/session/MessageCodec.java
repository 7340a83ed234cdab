package io.mqttreactive.netty.internal.session;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.message.UserProperty;
import io.mqttreactive.topic.MqttTopic;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes an {@link MqttMessage} with every field into a log record and reads it back: topic, QoS, retain flag,
 * whether a topic alias may stand for the topic, and the MQTT 5.0 publish properties (MQTT 5.0 section 3.3.2.3)
 * message expiry interval, payload format indicator, content type, response topic, correlation data, user
 * properties in order, subscription identifiers, then the payload. Big-endian, all lengths explicit:
 *
 * <pre>
 * u8  flags: bit 0 retain, bits 1-2 QoS, bit 3 expiry present, bit 4 content type present,
 *            bit 5 response topic present, bit 6 correlation data present, bit 7 no topic alias (0 in records
 *            written before topic aliases were sent, whose messages allow one)
 * u8  payload format indicator (0 or 1)
 * u16 topic length, topic UTF-8
 * [u32 message expiry interval, seconds]           if bit 3
 * [u16 length, content type UTF-8]                 if bit 4
 * [u16 length, response topic UTF-8]               if bit 5
 * [u16 length, correlation data]                   if bit 6
 * u32 user property count, then per pair: u16 length, name UTF-8, u16 length, value UTF-8
 * u32 subscription identifier count, then u32 each
 * u32 payload length, payload
 * </pre>
 *
 * Strings are valid MQTT UTF-8 strings (the api checks them), so each encodes to at most 65,535 bytes.
 */
final class MessageCodec {

    private static final int RETAIN = 1;
    private static final int QOS_SHIFT = 1;
    private static final int HAS_EXPIRY = 1 << 3;
    private static final int HAS_CONTENT_TYPE = 1 << 4;
    private static final int HAS_RESPONSE_TOPIC = 1 << 5;
    private static final int HAS_CORRELATION_DATA = 1 << 6;
    private static final int NO_TOPIC_ALIAS = 1 << 7;
    private static final int KNOWN_FLAGS = 0xFF;

    private MessageCodec() {
    }

    /** Returns the number of bytes {@link #write} puts. */
    static long size(MqttMessage message) {
        long size = 1 + 1 + string(message.topic().value());
        if (message.messageExpiryInterval().isPresent()) {
            size += 4;
        }
        size += message.contentType().map(MessageCodec::string).orElse(0);
        size += message.responseTopic().map(topic -> string(topic.value())).orElse(0);
        size += message.correlationData().map(data -> 2 + data.length).orElse(0);
        size += 4;
        for (UserProperty property : message.userProperties()) {
            size += string(property.name()) + string(property.value());
        }
        size += 4 + 4L * message.subscriptionIdentifiers().size();
        return size + 4 + message.payloadSize();
    }

    static void write(MqttMessage message, ByteBuffer out) {
        Optional<Duration> expiry = message.messageExpiryInterval();
        Optional<String> contentType = message.contentType();
        Optional<MqttTopic> responseTopic = message.responseTopic();
        Optional<byte[]> correlationData = message.correlationData();
        int flags = (message.retain() ? RETAIN : 0) | message.qos().code() << QOS_SHIFT
                | (expiry.isPresent() ? HAS_EXPIRY : 0) | (contentType.isPresent() ? HAS_CONTENT_TYPE : 0)
                | (responseTopic.isPresent() ? HAS_RESPONSE_TOPIC : 0)
                | (correlationData.isPresent() ? HAS_CORRELATION_DATA : 0)
                | (message.topicAliasAllowed() ? 0 : NO_TOPIC_ALIAS);
        out.put((byte) flags);
        out.put((byte) message.payloadFormatIndicator().code());
        putString(out, message.topic().value());
        expiry.ifPresent(interval -> out.putInt((int) interval.getSeconds()));
        contentType.ifPresent(type -> putString(out, type));
        responseTopic.ifPresent(topic -> putString(out, topic.value()));
        correlationData.ifPresent(data -> putBytes16(out, data));
        out.putInt(message.userProperties().size());
        for (UserProperty property : message.userProperties()) {
            putString(out, property.name());
            putString(out, property.value());
        }
        out.putInt(message.subscriptionIdentifiers().size());
        message.subscriptionIdentifiers().forEach(out::putInt);
        out.putInt(message.payloadSize());
        out.put(message.payloadAsBuffer());
    }

    /**
     * Reads a message.
     *
     * @throws IllegalArgumentException if the bytes are not a message written by {@link #write}
     */
    static MqttMessage read(ByteBuffer in) {
        try {
            int flags = in.get() & 0xFF;
            if ((flags & ~KNOWN_FLAGS) != 0) {
                throw new IllegalArgumentException("unknown message flags 0x" + Integer.toHexString(flags));
            }
            MqttMessage.Builder builder = MqttMessage.builder()
                    .retain((flags & RETAIN) != 0)
                    .qos(MqttQos.fromCode(flags >>> QOS_SHIFT & 3))
                    .topicAliasAllowed((flags & NO_TOPIC_ALIAS) == 0)
                    .payloadFormatIndicator(PayloadFormatIndicator.fromCode(in.get() & 0xFF))
                    .topic(getString(in));
            if ((flags & HAS_EXPIRY) != 0) {
                builder.messageExpiryInterval(Duration.ofSeconds(Integer.toUnsignedLong(in.getInt())));
            }
            if ((flags & HAS_CONTENT_TYPE) != 0) {
                builder.contentType(getString(in));
            }
            if ((flags & HAS_RESPONSE_TOPIC) != 0) {
                builder.responseTopic(getString(in));
            }
            if ((flags & HAS_CORRELATION_DATA) != 0) {
                builder.correlationData(getBytes(in, in.getShort() & 0xFFFF));
            }
            int userProperties = count(in, 4);
            if (userProperties > 0) {
                List<UserProperty> properties = new ArrayList<>(userProperties);
                for (int i = 0; i < userProperties; i++) {
                    properties.add(new UserProperty(getString(in), getString(in)));
                }
                builder.userProperties(UserProperties.of(properties));
            }
            int identifiers = count(in, 4);
            if (identifiers > 0) {
                List<Integer> ids = new ArrayList<>(identifiers);
                for (int i = 0; i < identifiers; i++) {
                    ids.add(in.getInt());
                }
                builder.subscriptionIdentifiers(ids);
            }
            return builder.payload(getBytes(in, count(in, 1))).build();
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the message is cut short", e);
        }
    }

    /** Returns the size of a string with its two-byte length prefix. */
    static int string(String value) {
        return 2 + utf8Length(value);
    }

    static void putString(ByteBuffer out, String value) {
        putBytes16(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static String getString(ByteBuffer in) {
        return new String(getBytes(in, in.getShort() & 0xFFFF), StandardCharsets.UTF_8);
    }

    /**
     * Returns the UTF-8 length of a well-formed string: surrogate pairs count four bytes.
     *
     * @throws IllegalArgumentException if the string has an unpaired surrogate or encodes to more than 65,535
     *                                  bytes, so that it would not read back as itself
     */
    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            } else {
                bytes += 3;
            }
        }
        if (bytes > 65_535) {
            throw new IllegalArgumentException("encodes to " + bytes + " UTF-8 bytes, more than 65,535");
        }
        return bytes;
    }

    private static void putBytes16(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    private static int count(ByteBuffer in, int minBytesEach) {
        int count = in.getInt();
        if (count < 0 || (long) count * minBytesEach > in.remaining()) {
            throw new IllegalArgumentException("count " + Integer.toUnsignedString(count) + " exceeds the record");
        }
        return count;
    }

    /** Reads {@code length} bytes, checking they are there before allocating for them. */
    private static byte[] getBytes(ByteBuffer in, int length) {
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
