package io.mqttreactive.netty.internal.session;

import io.mqttreactive.spi.StoredPublish;

/**
 * One change to the session state of a client identifier, as the durable store logs it (MQTT 3.1.1 and 5.0
 * section 4.1, the state a client keeps): an outbound QoS 1 or 2 message stored, its state changed or removed,
 * an inbound QoS 2 packet identifier stored or removed, or all state of the client identifier cleared.
 * Replaying the records of a log in order rebuilds the state.
 */
public sealed interface LogRecord {

    /**
     * Returns the client identifier the change belongs to.
     *
     * @return the client identifier
     */
    String clientId();

    /** An outbound message stored, or replaced in place when its packet identifier was stored before. */
    record OutboundStored(String clientId, StoredPublish publish) implements LogRecord {
    }

    /** An outbound message moved on in its flow, for example to {@code AWAITING_PUBCOMP} on PUBREC. */
    record OutboundStateChanged(String clientId, int packetId, StoredPublish.State state) implements LogRecord {
    }

    /** An outbound message whose flow completed. */
    record OutboundRemoved(String clientId, int packetId) implements LogRecord {
    }

    /** An inbound QoS 2 packet identifier stored before its PUBREC. */
    record InboundStored(String clientId, int packetId) implements LogRecord {
    }

    /** An inbound QoS 2 packet identifier removed after its PUBCOMP. */
    record InboundRemoved(String clientId, int packetId) implements LogRecord {
    }

    /** All state of the client identifier discarded. */
    record Cleared(String clientId) implements LogRecord {
    }
}
