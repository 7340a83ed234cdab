package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.exception.MqttPublishException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.options.MaximumQosPolicy;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.session.PacketIdTable;
import io.mqttreactive.netty.internal.session.SessionJournal;
import io.mqttreactive.netty.internal.session.WriteAheadQueue;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.spi.StoredPublish;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * The sending side of PUBLISH: QoS 0 completes on write, QoS 1 on PUBACK, QoS 2 on PUBCOMP after
 * PUBREC/PUBREL (MQTT 5.0 section 4.3). At most the send quota of QoS 1 and 2 messages are in flight: the
 * smaller of the server's Receive Maximum and our own limit ([MQTT-4.9.0-1/2/3] 5.0); the rest wait, in order,
 * in a bounded queue; a full queue is an error signal. QoS 0 messages never wait for the send quota: they go out
 * in submission order, ahead of QoS 1 and 2 messages the quota holds back ([MQTT-4.9.0-2] 5.0). Packet ids are
 * freed only by the final acknowledgement ([MQTT-2.3.1-3] 3.1.1). PUBREL follows only a successful PUBREC
 * ([MQTT-4.3.3-4] 5.0), again for a repeated one; a failing PUBCOMP (0x92) fails the message like a failing
 * PUBACK or PUBREC. In-flight messages of a resumed session are re-sent in their original order with DUP set
 * ([MQTT-4.4.0-1], [MQTT-4.6.0-1]); when the broker lost the session, they are published again as new
 * messages, in order and within the send quota, each under its packet id and stored record (so a crash meanwhile
 * loses none), except QoS 2 messages the broker already acknowledged with PUBREC, which it owns and which
 * complete with that acknowledgement.
 * With a session store ({@link #persistTo}), a message is stored before its PUBLISH goes out, its new state
 * before its PUBREL, and removed when its flow ends; one that cannot be stored fails and is not sent.
 * On an MQTT 5.0 connection whose broker grants topic aliases, a PUBLISH written for the first time on the
 * connection goes with a topic alias from that connection's {@link OutgoingTopicAliases} (unless its message
 * forbids it); a PUBLISH re-sent with DUP always carries its topic name and no alias, and the packet kept for a
 * message in flight never has one.
 * Confined to the client's event loop.
 */
public final class OutgoingPublishFlow {

    private final PacketIdAllocator packetIds;
    private final int maximumInflight;
    private final int maximumPending;
    private final long maximumPendingBytes;
    private final MaximumQosPolicy maximumQosPolicy;
    private final int outgoingTopicAliasMaximum;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ArrayDeque<Pending> pendingQos0 = new ArrayDeque<>();
    private final PacketIdTable<InFlight> inFlight = new PacketIdTable<>();
    private @Nullable MqttChannel channel;
    private @Nullable ConnectResult server;
    private @Nullable OutgoingTopicAliases topicAliases;
    private int sendQuota;
    /** The payload bytes of the messages in {@code pending} and {@code pendingQos0}. */
    private long pendingBytes;
    private long submitted;
    private long unknownAcknowledgements;
    private SessionJournal journal = SessionJournal.withoutStore();
    private WriteAheadQueue writeAhead = journal.newQueue();

    /**
     * @param outgoingTopicAliasMaximum the most topic aliases to use on one MQTT 5.0 connection, within the
     *        broker's maximum; 0 for none
     */
    public OutgoingPublishFlow(PacketIdAllocator packetIds, int maximumInflight, int maximumPending,
            long maximumPendingBytes, MaximumQosPolicy maximumQosPolicy, int outgoingTopicAliasMaximum) {
        this.packetIds = packetIds;
        this.maximumInflight = maximumInflight;
        this.maximumPending = maximumPending;
        this.maximumPendingBytes = maximumPendingBytes;
        this.maximumQosPolicy = maximumQosPolicy;
        this.outgoingTopicAliasMaximum = outgoingTopicAliasMaximum;
    }

    /** Keeps the messages in flight in a session store from now on. */
    public void persistTo(SessionJournal journal) {
        this.journal = journal;
        this.writeAhead = journal.newQueue();
    }

    /**
     * Takes over the messages a session store kept, as if they were in flight on this client, before the first
     * connection: their packet ids are reserved, and {@code sinks} gives each its result's receiver.
     */
    public void restore(List<StoredPublish> stored, Function<MqttMessage, MonoSink<PublishResult>> sinks) {
        for (StoredPublish publish : stored) {
            if (!packetIds.claim(publish.packetId())) {
                continue;
            }
            PublishPacket packet = PacketMapper.toPublish(publish.message(), publish.packetId());
            InFlight flight = new InFlight(publish.message(), packet, sinks.apply(publish.message()), submitted++);
            flight.stored = true;
            flight.sent = true;
            if (publish.state() == StoredPublish.State.AWAITING_PUBCOMP) {
                flight.awaiting = MqttPacketType.PUBCOMP;
                flight.receivedAck = AckPacket.of(MqttPacketType.PUBREC, publish.packetId());
                flight.releaseStored = true;
            }
            inFlight.put(publish.packetId(), flight);
        }
    }

    /** Queues a message for sending; {@code sink} gets the result. */
    public void submit(MqttMessage submitted, MonoSink<PublishResult> sink) {
        MqttMessage message = server == null ? submitted : fitToServer(submitted, sink, server);
        if (message == null) {
            return;
        }
        if (pendingCount() >= maximumPending) {
            sink.error(new MqttBufferFullException("pending publishes", maximumPending));
            return;
        }
        if (!hasRoomFor(message)) {
            sink.error(new MqttBufferFullException("pending publishes (payload bytes)",
                    (int) Math.min(maximumPendingBytes, Integer.MAX_VALUE)));
            return;
        }
        Pending entry = new Pending(message, sink, this.submitted++);
        sink.onCancel(() -> entry.cancelled = true);
        (message.qos() == MqttQos.AT_MOST_ONCE ? pendingQos0 : pending).add(entry);
        pendingBytes += message.payloadSize();
        drain();
    }

    /**
     * Tells whether a message submitted now would find room: fewer than the maximum pending, and within the
     * pending payload bytes unless nothing is pending.
     */
    public boolean hasRoomFor(MqttMessage message) {
        return pendingCount() < maximumPending
                && (pendingCount() == 0 || pendingBytes + message.payloadSize() <= maximumPendingBytes);
    }

    /**
     * Starts sending on a new connection, with topic aliases of its own; re-sends what a resumed session still has
     * in flight.
     */
    public void onConnected(MqttChannel channel, ConnectResult server) {
        this.channel = channel;
        this.server = server;
        this.sendQuota = Math.min(server.receiveMaximum(), maximumInflight);
        this.topicAliases = channel.encodeContext().version().isMqtt5()
                ? OutgoingTopicAliases.forConnection(server.topicAliasMaximum(), outgoingTopicAliasMaximum)
                : null;
        if (server.sessionPresent()) {
            inSendOrder().forEach(this::resend);
        } else {
            republishAsNew();
        }
        drain();
    }

    /**
     * Fails the messages sent but not acknowledged, as when the broker lost the session and they must not be
     * published again; QoS 2 messages the broker took with PUBREC stay, to complete with it.
     */
    public void failUnacknowledged(Throwable cause) {
        for (InFlight entry : inSendOrder()) {
            if (entry.receivedAck == null) {
                packetIds.release(entry.packet.packetId());
                journal.removeOutbound(entry.packet.packetId());
                inFlight.remove(entry.packet.packetId());
                entry.sink.error(cause);
            }
        }
    }

    /** Stops sending; with {@code keepSession} false every waiting publish fails with {@code cause}. */
    public void onDisconnected(Throwable cause, boolean keepSession) {
        channel = null;
        topicAliases = null;
        if (!keepSession) {
            failAll(cause);
        }
    }

    public void onWritable() {
        drain();
    }

    /** Handles PUBACK, PUBREC or PUBCOMP. */
    public void onAcknowledgement(AckPacket ack) {
        InFlight entry = inFlight.get(ack.packetId());
        if (entry != null && entry.awaiting == MqttPacketType.PUBCOMP && ack.type() == MqttPacketType.PUBREC) {
            if (channel != null && entry.releaseStored) {
                channel.send(AckPacket.of(MqttPacketType.PUBREL, ack.packetId()));
            }
            return;
        }
        if (entry == null || entry.awaiting != ack.type()) {
            unknownAcknowledgements++;
            if (ack.type() == MqttPacketType.PUBREC && channel != null) {
                channel.send(AckPacket.of(MqttPacketType.PUBREL, ack.packetId(), server != null
                        && channelIsMqtt5() ? PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code() : 0));
            }
            return;
        }
        if (ack.type() == MqttPacketType.PUBREC && !ReasonCode.isError(ack.reasonCode())) {
            entry.awaiting = MqttPacketType.PUBCOMP;
            entry.receivedAck = ack;
            Runnable release = () -> sendPubRel(entry);
            writeAhead.after(journal.storeOutbound(ack.packetId(), StoredPublish.State.AWAITING_PUBCOMP, entry.message),
                    release, failure -> release.run());
            return;
        }
        complete(entry, ack);
        drain();
    }

    /** Returns how many PUBACK, PUBREC or PUBCOMP packets named no message in flight. */
    public long unknownAcknowledgements() {
        return unknownAcknowledgements;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    public int pendingCount() {
        return pending.size() + pendingQos0.size();
    }

    private void drain() {
        while (channel != null && channel.isWritable()) {
            Pending next = nextToSend();
            if (next == null) {
                return;
            }
            send(next);
        }
    }

    /** Takes the oldest message that may go now: QoS 1 and 2 only within the send quota, QoS 0 always. */
    private @Nullable Pending nextToSend() {
        Pending qos0 = firstNotCancelled(pendingQos0);
        Pending acknowledged = inFlight.size() < sendQuota ? firstNotCancelled(pending) : null;
        if (acknowledged != null && (qos0 == null || acknowledged.sequence < qos0.sequence)) {
            return poll(pending);
        }
        return qos0 != null ? poll(pendingQos0) : null;
    }

    private @Nullable Pending firstNotCancelled(ArrayDeque<Pending> queue) {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            forget(poll(queue));
        }
        return queue.peek();
    }

    private @Nullable Pending poll(ArrayDeque<Pending> queue) {
        Pending entry = queue.poll();
        if (entry != null) {
            pendingBytes -= entry.message.payloadSize();
        }
        return entry;
    }

    /** Lets go of a waiting message that will never be sent: its kept packet id and stored record. */
    private void forget(Pending entry) {
        if (entry.previous != null) {
            int packetId = entry.previous.packet.packetId();
            packetIds.release(packetId);
            journal.removeOutbound(packetId);
        }
    }

    private void send(Pending entry) {
        MqttChannel connection = channel;
        MqttMessage message = fitToServer(entry.message, entry.sink, server);
        if (message == null || message.qos() == MqttQos.AT_MOST_ONCE) {
            forget(entry);
        }
        if (message == null) {
            return;
        }
        if (message.qos() == MqttQos.AT_MOST_ONCE) {
            try {
                writePublish(connection, PacketMapper.toPublish(message, 0), message, failure -> {
                    if (failure == null) {
                        entry.sink.success(PublishResult.success(message));
                    } else {
                        entry.sink.error(new MqttConnectionClosedException("QoS 0 message not written", failure));
                    }
                });
            } catch (MqttEncodeException e) {
                entry.sink.error(encodeFailure(message, e));
            }
            return;
        }
        InFlight previous = entry.previous;
        int packetId = previous != null ? previous.packet.packetId() : packetIds.allocate();
        InFlight flight = new InFlight(message, PacketMapper.toPublish(message, packetId), entry.sink, entry.sequence);
        inFlight.put(packetId, flight);
        StoredPublish.State state = message.qos() == MqttQos.AT_LEAST_ONCE ? StoredPublish.State.AWAITING_PUBACK
                : StoredPublish.State.AWAITING_PUBREC;
        SessionJournal.Write write = previous != null && previous.stored && previous.message.qos() == message.qos()
                ? null : journal.storeOutbound(packetId, state, message);
        writeAhead.after(write, () -> transmit(flight), failure -> abandon(flight, failure));
    }

    /** Sends a stored message's PUBLISH for the first time, unless its flow ended or no connection is up. */
    private void transmit(InFlight flight) {
        flight.stored = true;
        if (inFlight.get(flight.packet.packetId()) != flight || channel == null) {
            return;
        }
        try {
            writePublish(channel, flight.packet, flight.message, null);
            flight.sent = true;
        } catch (MqttEncodeException e) {
            abandon(flight, encodeFailure(flight.message, e));
        }
    }

    /**
     * Writes a PUBLISH that is not a re-send: with a topic alias where this connection's aliases give one and the
     * message allows it. One that does not encode with its alias, as when the alias takes it past the broker's
     * Maximum Packet Size ([MQTT-3.2.2-15] 5.0), is written as it is, and its alias stays unused.
     *
     * @throws MqttEncodeException if the packet cannot be encoded without an alias either
     */
    private void writePublish(MqttChannel connection, PublishPacket packet, MqttMessage message,
            @Nullable Consumer<@Nullable Throwable> whenWritten) {
        OutgoingTopicAliases aliases = topicAliases;
        if (aliases != null && message.topicAliasAllowed()) {
            PublishPacket aliased = aliases.apply(packet);
            try {
                write(connection, aliased, whenWritten);
                return;
            } catch (MqttEncodeException e) {
                aliases.unwritten(aliased);
            }
        }
        write(connection, packet, whenWritten);
    }

    private static void write(MqttChannel connection, PublishPacket packet,
            @Nullable Consumer<@Nullable Throwable> whenWritten) {
        if (whenWritten == null) {
            connection.send(packet);
        } else {
            connection.send(packet, whenWritten);
        }
    }

    private void sendPubRel(InFlight entry) {
        entry.releaseStored = true;
        if (channel != null && inFlight.get(entry.packet.packetId()) == entry) {
            channel.send(AckPacket.of(MqttPacketType.PUBREL, entry.packet.packetId()));
        }
    }

    /**
     * Ends a message that was never sent: it could not be encoded, or not stored. A store that failed or timed
     * out may still have kept it, so it is removed in any case, lest a later process publish what failed here.
     */
    private void abandon(InFlight flight, Throwable failure) {
        if (inFlight.get(flight.packet.packetId()) == flight) {
            drop(flight, failure);
            drain();
        }
    }

    /**
     * Ends a message in flight that cannot go out, such as one a resumed session must re-send that exceeds the
     * new connection's Maximum Packet Size ([MQTT-3.2.2-15] 5.0): its packet id and stored record are freed.
     */
    private void drop(InFlight flight, Throwable failure) {
        int packetId = flight.packet.packetId();
        inFlight.remove(packetId);
        packetIds.release(packetId);
        journal.removeOutbound(packetId);
        flight.sink.error(failure);
    }

    private void resend(InFlight entry) {
        if (entry.awaiting == MqttPacketType.PUBCOMP) {
            if (entry.releaseStored) {
                channel.send(AckPacket.of(MqttPacketType.PUBREL, entry.packet.packetId()));
                entry.releaseResent = true;
            }
        } else if (entry.stored) {
            try {
                if (entry.sent) {
                    channel.send(entry.packet.asDuplicate());
                } else {
                    writePublish(channel, entry.packet, entry.message, null);
                }
                entry.sent = true;
            } catch (MqttEncodeException e) {
                drop(entry, encodeFailure(entry.message, e));
            }
        }
    }

    private void republishAsNew() {
        if (inFlight.isEmpty()) {
            return;
        }
        ArrayDeque<Pending> again = new ArrayDeque<>();
        for (InFlight entry : inSendOrder()) {
            if (entry.receivedAck != null) {
                complete(entry, entry.receivedAck);
            } else {
                again.add(new Pending(entry.message, entry.sink, entry.sequence, entry));
                pendingBytes += entry.message.payloadSize();
            }
        }
        inFlight.clear();
        again.addAll(pending);
        pending.clear();
        pending.addAll(again);
    }

    /**
     * Ends a message's flow on its final acknowledgement: PUBACK, a failing PUBREC, or PUBCOMP. A successful
     * PUBCOMP completes with what the PUBREC said; a failing one (0x92) is an error carrying its code, except
     * for a PUBREL re-sent on a resumed session: the broker that does not know its id any more completed it
     * before, only its PUBCOMP was lost (or, after a restart, the removal from the store).
     */
    private void complete(InFlight entry, AckPacket ack) {
        inFlight.remove(ack.packetId());
        packetIds.release(ack.packetId());
        journal.removeOutbound(ack.packetId());
        boolean completedBefore = entry.releaseResent
                && ack.reasonCode() == PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code();
        if (ack.type() == MqttPacketType.PUBCOMP && ReasonCode.isError(ack.reasonCode()) && !completedBefore) {
            entry.sink.error(new MqttPublishException(entry.message, PubRelReasonCode.fromCode(ack.reasonCode()),
                    ack.reasonString(), PacketMapper.toApi(ack.userProperties())));
            return;
        }
        AckPacket outcome = ack.type() == MqttPacketType.PUBCOMP && entry.receivedAck != null ? entry.receivedAck : ack;
        PublishReasonCode code = PublishReasonCode.fromCode(outcome.reasonCode());
        var properties = PacketMapper.toApi(outcome.userProperties());
        if (code.isError()) {
            entry.sink.error(new MqttPublishException(entry.message, code, outcome.reasonString(), properties));
        } else {
            entry.sink.success(new PublishResult(entry.message, code,
                    java.util.Optional.ofNullable(outcome.reasonString()), properties));
        }
    }

    private void failAll(Throwable cause) {
        for (InFlight entry : inSendOrder()) {
            packetIds.release(entry.packet.packetId());
            journal.removeOutbound(entry.packet.packetId());
            inFlight.remove(entry.packet.packetId());
            entry.sink.error(cause);
        }
        for (Pending entry; (entry = poll(pending)) != null || (entry = poll(pendingQos0)) != null; ) {
            forget(entry);
            entry.sink.error(cause);
        }
    }

    /** Returns the messages in flight in the order they were first submitted, which is their send order. */
    private List<InFlight> inSendOrder() {
        List<InFlight> entries = inFlight.values();
        entries.sort(Comparator.comparingLong(entry -> entry.sequence));
        return entries;
    }

    /**
     * Returns the message as the connected broker accepts it, downgraded to its Maximum QoS if so configured, or
     * {@code null} after failing {@code sink} when the broker cannot take it.
     */
    private @Nullable MqttMessage fitToServer(MqttMessage message, MonoSink<PublishResult> sink, ConnectResult server) {
        if (message.retain() && !server.retainAvailable()) {
            sink.error(new MqttPublishException(message,
                    "the broker does not support retained messages [MQTT-3.2.2-14] (5.0)"));
            return null;
        }
        if (message.qos().code() <= server.maximumQos().code()) {
            return message;
        }
        if (maximumQosPolicy == MaximumQosPolicy.DOWNGRADE) {
            return message.mutate().qos(server.maximumQos()).build();
        }
        sink.error(new MqttPublishException(message, "QoS " + message.qos().code()
                + " exceeds the broker's maximum QoS " + server.maximumQos().code() + " [MQTT-3.2.2-11] (5.0)"));
        return null;
    }

    private boolean channelIsMqtt5() {
        return channel != null && channel.encodeContext().version().isMqtt5();
    }

    private static RuntimeException encodeFailure(MqttMessage message, MqttEncodeException e) {
        if (e.reasonCode() == ReasonCode.PACKET_TOO_LARGE) {
            return new MqttPacketTooLargeException(e.packetSize(), e.maximumPacketSize());
        }
        return new MqttPublishException(message, e.getMessage());
    }

    /**
     * A message waiting for the send quota. One published again after the broker lost the session keeps the
     * packet id and the stored record of its {@code previous} flight, so the store never lacks it.
     */
    private static final class Pending {
        final MqttMessage message;
        final MonoSink<PublishResult> sink;
        final long sequence;
        final @Nullable InFlight previous;
        volatile boolean cancelled;

        Pending(MqttMessage message, MonoSink<PublishResult> sink, long sequence) {
            this(message, sink, sequence, null);
        }

        Pending(MqttMessage message, MonoSink<PublishResult> sink, long sequence, @Nullable InFlight previous) {
            this.message = message;
            this.sink = sink;
            this.sequence = sequence;
            this.previous = previous;
        }
    }

    private static final class InFlight {
        final MqttMessage message;
        final PublishPacket packet;
        final MonoSink<PublishResult> sink;
        final long sequence;
        MqttPacketType awaiting;
        @Nullable AckPacket receivedAck;
        boolean stored;
        boolean sent;
        boolean releaseStored;
        boolean releaseResent;

        InFlight(MqttMessage message, PublishPacket packet, MonoSink<PublishResult> sink, long sequence) {
            this.message = message;
            this.packet = packet;
            this.sink = sink;
            this.sequence = sequence;
            this.awaiting = message.qos() == MqttQos.AT_LEAST_ONCE ? MqttPacketType.PUBACK : MqttPacketType.PUBREC;
        }
    }
}
