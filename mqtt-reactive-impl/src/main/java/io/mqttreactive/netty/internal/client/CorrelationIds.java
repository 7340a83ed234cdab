package io.mqttreactive.netty.internal.client;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Correlation Data of one requester's requests (MQTT 5.0 sec 4.10.2): 16 bytes, a random 8-byte
 * requester identity followed by an 8-byte request sequence number, so that no two pending requests, of this or
 * another requester sharing the response topic, carry the same data.
 */
final class CorrelationIds {

    /** What {@link #decode} answers for data this requester did not make. */
    static final long FOREIGN = 0;

    private static final int LENGTH = 2 * Long.BYTES;

    private final long requesterId = ThreadLocalRandom.current().nextLong();
    private final AtomicLong sequence = new AtomicLong();

    /** Returns a new request id, never {@link #FOREIGN}. */
    long next() {
        long id = sequence.incrementAndGet();
        return id == FOREIGN ? sequence.incrementAndGet() : id;
    }

    byte[] encode(long id) {
        return ByteBuffer.allocate(LENGTH).putLong(requesterId).putLong(id).array();
    }

    /** Returns the request id in {@code data}, or {@link #FOREIGN} if another requester made it. */
    long decode(byte[] data) {
        if (data.length != LENGTH) {
            return FOREIGN;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        return buffer.getLong() == requesterId ? buffer.getLong() : FOREIGN;
    }
}
