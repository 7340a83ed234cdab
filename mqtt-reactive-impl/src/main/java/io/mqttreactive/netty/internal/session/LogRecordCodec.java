package io.mqttreactive.netty.internal.session;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.session.LogRecord.Cleared;
import io.mqttreactive.netty.internal.session.LogRecord.InboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.InboundStored;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStateChanged;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStored;
import io.mqttreactive.spi.StoredPublish;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Frames {@link LogRecord}s for the session log and reads them back. A frame is
 *
 * <pre>
 * u32 length      number of body bytes
 * u32 checksum    CRC32C of the four length bytes followed by the body
 * body:
 *   u8  type      1 outbound stored, 2 outbound state changed, 3 outbound removed,
 *                 4 inbound stored, 5 inbound removed, 6 cleared
 *   u16 length, client identifier UTF-8
 *   type 1: u16 packet id, u8 state, message ({@link MessageCodec})
 *   type 2: u16 packet id, u8 state
 *   types 3, 4, 5: u16 packet id
 *   type 6: nothing
 * </pre>
 *
 * States are 1 awaiting PUBACK, 2 awaiting PUBREC, 3 awaiting PUBCOMP. Big-endian throughout. The checksum
 * covering the length means a torn or damaged length field is caught like a damaged body.
 */
final class LogRecordCodec {

    /** The bytes before the body: length and checksum. */
    static final int FRAME_HEADER = 8;

    /** The smallest body: a type and an empty client identifier. */
    static final int MIN_BODY = 3;

    private static final int OUTBOUND_STORED = 1;
    private static final int OUTBOUND_STATE_CHANGED = 2;
    private static final int OUTBOUND_REMOVED = 3;
    private static final int INBOUND_STORED = 4;
    private static final int INBOUND_REMOVED = 5;
    private static final int CLEARED = 6;

    private static final StoredPublish.State[] STATES = {
        null, StoredPublish.State.AWAITING_PUBACK, StoredPublish.State.AWAITING_PUBREC,
        StoredPublish.State.AWAITING_PUBCOMP
    };

    private LogRecordCodec() {
    }

    /**
     * Returns the size of the frame of an outbound message, which is what {@link SessionLimits#maxBytes()}
     * counts.
     *
     * @throws IllegalArgumentException if the client identifier is not well-formed or too long, or the frame
     *                                  would exceed 2 GiB
     */
    static int outboundFrameSize(String clientId, MqttMessage message) {
        long size = FRAME_HEADER + 1L + clientIdSize(clientId) + 3 + MessageCodec.size(message);
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a stored message of " + size + " bytes is too large");
        }
        return (int) size;
    }

    /**
     * Returns the size of the frame of an inbound packet identifier.
     *
     * @throws IllegalArgumentException if the client identifier is not well-formed or too long
     */
    static int inboundFrameSize(String clientId) {
        return FRAME_HEADER + 1 + clientIdSize(clientId) + 2;
    }

    /** Returns the size of the frame of a record. */
    static int frameSize(LogRecord record) {
        if (record instanceof OutboundStored stored) {
            return outboundFrameSize(stored.clientId(), stored.publish().message());
        }
        int size = FRAME_HEADER + 1 + clientIdSize(record.clientId());
        if (record instanceof OutboundStateChanged) {
            return size + 3;
        }
        return record instanceof Cleared ? size : size + 2;
    }

    /** Encodes a record into a frame, returned ready to be written. */
    static ByteBuffer encode(LogRecord record) {
        int frameSize = frameSize(record);
        ByteBuffer frame = ByteBuffer.allocate(frameSize);
        frame.putInt(frameSize - FRAME_HEADER).putInt(0);
        if (record instanceof OutboundStored stored) {
            putHead(frame, OUTBOUND_STORED, record.clientId(), stored.publish().packetId());
            frame.put(stateCode(stored.publish().state()));
            MessageCodec.write(stored.publish().message(), frame);
        } else if (record instanceof OutboundStateChanged changed) {
            putHead(frame, OUTBOUND_STATE_CHANGED, record.clientId(), changed.packetId());
            frame.put(stateCode(changed.state()));
        } else if (record instanceof OutboundRemoved removed) {
            putHead(frame, OUTBOUND_REMOVED, record.clientId(), removed.packetId());
        } else if (record instanceof InboundStored stored) {
            putHead(frame, INBOUND_STORED, record.clientId(), stored.packetId());
        } else if (record instanceof InboundRemoved removed) {
            putHead(frame, INBOUND_REMOVED, record.clientId(), removed.packetId());
        } else {
            frame.put((byte) CLEARED);
            MessageCodec.putString(frame, record.clientId());
        }
        if (frame.hasRemaining()) {
            throw new IllegalStateException("frame size mismatch: " + frame.remaining() + " bytes left");
        }
        frame.putInt(4, checksum(frame.array(), frameSize - FRAME_HEADER));
        return frame.flip();
    }

    /**
     * Computes the checksum of a frame: CRC32C over its four length bytes and its body.
     *
     * @param frame      the frame bytes, starting with the length; the checksum field itself is skipped
     * @param bodyLength the body length
     * @return the checksum
     */
    static int checksum(byte[] frame, int bodyLength) {
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, 4);
        crc.update(frame, FRAME_HEADER, bodyLength);
        return (int) crc.getValue();
    }

    /**
     * Decodes the body of a frame whose checksum matched.
     *
     * @throws IllegalArgumentException if the body is not a record of this format
     */
    static LogRecord decode(ByteBuffer body) {
        try {
            int type = body.get();
            String clientId = MessageCodec.getString(body);
            LogRecord record = switch (type) {
                case OUTBOUND_STORED -> {
                    int packetId = packetId(body);
                    StoredPublish.State state = state(body.get());
                    yield new OutboundStored(clientId, new StoredPublish(packetId, state, MessageCodec.read(body)));
                }
                case OUTBOUND_STATE_CHANGED -> new OutboundStateChanged(clientId, packetId(body), state(body.get()));
                case OUTBOUND_REMOVED -> new OutboundRemoved(clientId, packetId(body));
                case INBOUND_STORED -> new InboundStored(clientId, packetId(body));
                case INBOUND_REMOVED -> new InboundRemoved(clientId, packetId(body));
                case CLEARED -> new Cleared(clientId);
                default -> throw new IllegalArgumentException("unknown record type " + type);
            };
            if (body.hasRemaining()) {
                throw new IllegalArgumentException(body.remaining() + " bytes after the record");
            }
            return record;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the record is cut short", e);
        }
    }

    private static int clientIdSize(String clientId) {
        try {
            return MessageCodec.string(clientId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the client identifier cannot be stored: " + e.getMessage(), e);
        }
    }

    private static void putHead(ByteBuffer frame, int type, String clientId, int packetId) {
        frame.put((byte) type);
        MessageCodec.putString(frame, clientId);
        frame.putShort((short) packetId);
    }

    private static byte stateCode(StoredPublish.State state) {
        return switch (state) {
            case AWAITING_PUBACK -> 1;
            case AWAITING_PUBREC -> 2;
            case AWAITING_PUBCOMP -> 3;
        };
    }

    private static StoredPublish.State state(byte code) {
        if (code < 1 || code >= STATES.length) {
            throw new IllegalArgumentException("unknown state " + code);
        }
        return STATES[code];
    }

    private static int packetId(ByteBuffer body) {
        int packetId = body.getShort() & 0xFFFF;
        if (packetId == 0) {
            throw new IllegalArgumentException("packet identifier 0");
        }
        return packetId;
    }
}
