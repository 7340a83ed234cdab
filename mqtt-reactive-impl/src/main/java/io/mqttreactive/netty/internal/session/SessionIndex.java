package io.mqttreactive.netty.internal.session;

import io.mqttreactive.netty.internal.session.LogRecord.Cleared;
import io.mqttreactive.netty.internal.session.LogRecord.InboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.InboundStored;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStateChanged;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStored;
import io.mqttreactive.spi.StoredPublish;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The session state of every client identifier of one store (MQTT 3.1.1 and 5.0 section 4.1): outbound QoS 1
 * and 2 messages in the order they were first stored, which is the order they were sent ([MQTT-4.6.0-1]), and
 * the inbound QoS 2 packet identifiers awaiting PUBREL. Keeps the count and record size of the outbound
 * messages within {@link SessionLimits}, and the size of the records a compacted log needs. A client identifier
 * without state takes no memory. Not thread-safe: each store confines it to one thread or one lock.
 */
final class SessionIndex {

    /** What {@link #storeOutbound} did, which tells the durable store which record to log. */
    enum Change {
        /** A new packet identifier: log the whole message. */
        ADDED,
        /** Another message under a stored packet identifier, kept in its place: log the whole message. */
        REPLACED,
        /** The same message in another state: log only the state. */
        STATE_CHANGED,
        /** Exactly what was stored: log nothing. */
        UNCHANGED
    }

    private record Entry(StoredPublish publish, int frameSize) {
    }

    private static final class Client {
        final Map<Integer, Entry> outbound = new LinkedHashMap<>();
        final LinkedHashSet<Integer> inbound = new LinkedHashSet<>();
        final int inboundFrameSize;

        Client(int inboundFrameSize) {
            this.inboundFrameSize = inboundFrameSize;
        }

        boolean isEmpty() {
            return outbound.isEmpty() && inbound.isEmpty();
        }
    }

    private final Map<String, Client> clients = new HashMap<>();
    private final SessionLimits limits;
    private int messages;
    private long messageBytes;
    private long inboundBytes;

    SessionIndex(SessionLimits limits) {
        this.limits = limits;
    }

    /**
     * Stores an outbound message, or replaces the one with its packet identifier in place.
     *
     * @param enforceLimits whether to refuse a message past the limits; replay does not
     * @throws io.mqttreactive.exception.MqttBufferFullException if a limit would be exceeded; nothing changed
     * @throws IllegalArgumentException                          if the client identifier cannot be stored
     */
    Change storeOutbound(String clientId, StoredPublish publish, boolean enforceLimits) {
        Client client = clients.get(clientId);
        Entry old = client == null ? null : client.outbound.get(publish.packetId());
        if (old != null && (old.publish.message() == publish.message()
                || old.publish.message().equals(publish.message()))) {
            if (old.publish.state() == publish.state()) {
                return Change.UNCHANGED;
            }
            client.outbound.put(publish.packetId(), new Entry(publish, old.frameSize));
            return Change.STATE_CHANGED;
        }
        int frameSize = LogRecordCodec.outboundFrameSize(clientId, publish.message());
        long grownBytes = messageBytes + frameSize - (old == null ? 0 : old.frameSize);
        if (enforceLimits) {
            if (old == null && messages >= limits.maxMessages()) {
                throw limits.messagesFull();
            }
            if (grownBytes > limits.maxBytes() && grownBytes > messageBytes) {
                throw limits.bytesFull();
            }
        }
        clientOf(clientId).outbound.put(publish.packetId(), new Entry(publish, frameSize));
        messageBytes = grownBytes;
        if (old == null) {
            messages++;
            return Change.ADDED;
        }
        return Change.REPLACED;
    }

    /** Changes the state of a stored outbound message; returns false if none has the packet identifier. */
    boolean changeState(String clientId, int packetId, StoredPublish.State state) {
        Client client = clients.get(clientId);
        Entry old = client == null ? null : client.outbound.get(packetId);
        if (old == null) {
            return false;
        }
        client.outbound.put(packetId, new Entry(old.publish.withState(state), old.frameSize));
        return true;
    }

    /** Removes an outbound message; returns false if none has the packet identifier. */
    boolean removeOutbound(String clientId, int packetId) {
        Client client = clients.get(clientId);
        Entry removed = client == null ? null : client.outbound.remove(packetId);
        if (removed == null) {
            return false;
        }
        messages--;
        messageBytes -= removed.frameSize;
        dropIfEmpty(clientId, client);
        return true;
    }

    /**
     * Stores an inbound packet identifier; returns false if it was stored already.
     *
     * @throws IllegalArgumentException if the client identifier cannot be stored
     */
    boolean storeInbound(String clientId, int packetId) {
        Client client = clientOf(clientId);
        if (!client.inbound.add(packetId)) {
            return false;
        }
        inboundBytes += client.inboundFrameSize;
        return true;
    }

    /** Removes an inbound packet identifier; returns false if it was not stored. */
    boolean removeInbound(String clientId, int packetId) {
        Client client = clients.get(clientId);
        if (client == null || !client.inbound.remove(packetId)) {
            return false;
        }
        inboundBytes -= client.inboundFrameSize;
        dropIfEmpty(clientId, client);
        return true;
    }

    /** Discards all state of a client identifier; returns false if it had none. */
    boolean clear(String clientId) {
        Client client = clients.remove(clientId);
        if (client == null) {
            return false;
        }
        for (Entry entry : client.outbound.values()) {
            messageBytes -= entry.frameSize;
        }
        messages -= client.outbound.size();
        inboundBytes -= (long) client.inbound.size() * client.inboundFrameSize;
        return true;
    }

    /** Applies a replayed record, without limits; a state change of an absent message is ignored. */
    void apply(LogRecord record) {
        if (record instanceof OutboundStored stored) {
            storeOutbound(stored.clientId(), stored.publish(), false);
        } else if (record instanceof OutboundStateChanged changed) {
            changeState(changed.clientId(), changed.packetId(), changed.state());
        } else if (record instanceof OutboundRemoved removed) {
            removeOutbound(removed.clientId(), removed.packetId());
        } else if (record instanceof InboundStored stored) {
            storeInbound(stored.clientId(), stored.packetId());
        } else if (record instanceof InboundRemoved removed) {
            removeInbound(removed.clientId(), removed.packetId());
        } else if (record instanceof Cleared cleared) {
            clear(cleared.clientId());
        }
    }

    /** Returns the outbound messages of a client identifier in the order they were first stored. */
    List<StoredPublish> outbound(String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            return List.of();
        }
        List<StoredPublish> publishes = new ArrayList<>(client.outbound.size());
        client.outbound.values().forEach(entry -> publishes.add(entry.publish));
        return publishes;
    }

    /** Returns the inbound packet identifiers of a client identifier in the order they were stored. */
    List<Integer> inbound(String clientId) {
        Client client = clients.get(clientId);
        return client == null ? List.of() : List.copyOf(client.inbound);
    }

    /** Emits the records that rebuild the whole state: what a compacted log holds. */
    void forEachLiveRecord(Consumer<LogRecord> sink) {
        clients.forEach((clientId, client) -> {
            client.outbound.values().forEach(entry -> sink.accept(new OutboundStored(clientId, entry.publish)));
            client.inbound.forEach(packetId -> sink.accept(new InboundStored(clientId, packetId)));
        });
    }

    /** Returns the number of outbound messages of all client identifiers. */
    int messageCount() {
        return messages;
    }

    /** Returns the record size of the outbound messages of all client identifiers. */
    long messageBytes() {
        return messageBytes;
    }

    /** Returns the size of the records {@link #forEachLiveRecord} emits. */
    long liveBytes() {
        return messageBytes + inboundBytes;
    }

    private Client clientOf(String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            client = new Client(LogRecordCodec.inboundFrameSize(clientId));
            clients.put(clientId, client);
        }
        return client;
    }

    private void dropIfEmpty(String clientId, Client client) {
        if (client.isEmpty()) {
            clients.remove(clientId);
        }
    }
}
