package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.routing.InboundDelivery;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.netty.internal.routing.SubscriptionRegistry;
import io.mqttreactive.netty.internal.session.SessionJournal;
import io.mqttreactive.netty.internal.session.WriteAheadQueue;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of PUBLISH (MQTT 5.0 section 4.3): routes each message to its subscribers and answers
 * QoS 1 with PUBACK and QoS 2 with PUBREC once every subscriber has passed it on, exactly once for each PUBLISH
 * received on a connection, on that connection, in the order the PUBLISH packets arrived ([MQTT-4.6.0-2],
 * [MQTT-4.6.0-3]). Unanswered messages hold the broker to our Receive Maximum; a broker far past it (MQTT 5), or
 * at it (3.1.1, which cannot tell the broker), makes reading stop until there is room again.
 *
 * <p>A message stays known by its packet id until it is answered, across the connections of one session: a
 * PUBLISH the broker sends again on a resumed session ([MQTT-4.4.0-1]) joins the delivery already under way, so
 * the application gets it once and the new connection gets its one answer when that delivery completes. A
 * delivery a subscriber abandons (it ended, was cancelled, or the client disconnected before the message went
 * downstream) is never answered: the broker still holds it and sends it again when the session resumes. A QoS 2
 * id stays known from PUBREC to PUBREL, so a re-sent message is never delivered twice ([MQTT-4.3.3-10] 5.0);
 * PUBREL is answered with PUBCOMP ([MQTT-4.3.3-11] 5.0). Messages no subscription matches go to the
 * unsolicited subscriber. Topic aliases live for one connection ([MQTT-3.3.2-7] 5.0). With a session store
 * ({@link #persistTo}), a QoS 2 id is stored before its PUBREC goes out and removed before its PUBCOMP goes out,
 * so it is known across a process restart too. Confined to the event loop.
 */
public final class IncomingPublishFlow {

    private final SubscriptionRegistry registry;
    private final MessageSubscriber unsolicited;
    private final int receiveMaximum;
    private final long receiveMaximumBytes;
    private final int topicAliasMaximum;
    private final ReadThrottle readThrottle;
    private final Consumer<MqttClientEvent> events;
    /** What the PUBLISH packets received on this connection await, in arrival order: their PUBACK or PUBREC. */
    private final ArrayDeque<InboundDelivery> owed = new ArrayDeque<>();
    /** QoS 1 and 2 deliveries of this session whose PUBACK, or stored PUBREC, has not gone out yet. */
    private final Map<Integer, InboundDelivery> unanswered = new HashMap<>();
    private final Set<Integer> qos2BeingStored = new HashSet<>();
    private final Set<Integer> qos2AwaitingRelease = new HashSet<>();
    private final Map<Integer, String> topicAliases = new HashMap<>();
    private @Nullable MqttChannel channel;
    private boolean mqtt5;
    private int sessionGeneration;
    private int connection;
    private int incomplete;
    private long incompleteBytes;
    private long receiveMaximumExceeded;
    private boolean readingPaused;
    private SessionJournal journal = SessionJournal.withoutStore();
    private WriteAheadQueue writeAhead = journal.newQueue();

    public IncomingPublishFlow(SubscriptionRegistry registry, MessageSubscriber unsolicited, int receiveMaximum,
            long receiveMaximumBytes, int topicAliasMaximum, ReadThrottle readThrottle,
            Consumer<MqttClientEvent> events) {
        this.registry = registry;
        this.unsolicited = unsolicited;
        this.receiveMaximum = receiveMaximum;
        this.receiveMaximumBytes = receiveMaximumBytes;
        this.topicAliasMaximum = topicAliasMaximum;
        this.readThrottle = readThrottle;
        this.events = events;
    }

    /** Keeps the inbound QoS 2 ids in a session store from now on. */
    public void persistTo(SessionJournal journal) {
        this.journal = journal;
        this.writeAhead = journal.newQueue();
    }

    /** Takes over the QoS 2 ids awaiting PUBREL that a session store kept, before the first connection. */
    public void restore(Collection<Integer> packetIds) {
        qos2AwaitingRelease.addAll(packetIds);
    }

    public void onConnected(MqttChannel channel, boolean sessionPresent) {
        this.channel = channel;
        this.mqtt5 = channel.encodeContext().version().isMqtt5();
        connection++;
        topicAliases.clear();
        if (!sessionPresent) {
            qos2AwaitingRelease.forEach(journal::forgetInbound);
            qos2AwaitingRelease.clear();
            unanswered.clear();
            sessionGeneration++;
        }
        resumeReadingIfRoom();
    }

    /** The connection is gone, and with it every answer it was owed: the broker sends those messages again. */
    public void onDisconnected() {
        channel = null;
        owed.clear();
    }

    /**
     * Handles a PUBLISH from the broker.
     *
     * @throws MqttProtocolException if the broker sent an unknown topic alias or one above our maximum
     */
    public void onPublish(PublishPacket packet) {
        String topic = resolveTopic(packet);
        if (packet.qos() == MqttQos.AT_MOST_ONCE) {
            route(PacketMapper.toMessage(packet, topic), null);
            return;
        }
        int packetId = packet.packetId();
        if (packet.qos() == MqttQos.EXACTLY_ONCE && qos2AwaitingRelease.contains(packetId)) {
            owe(answered(packetId));
            return;
        }
        InboundDelivery earlier = unanswered.get(packetId);
        if (earlier != null && earlier.qos() == packet.qos()) {
            owe(earlier);
            return;
        }
        int payloadBytes = packet.payload().length;
        InboundDelivery delivery = new InboundDelivery(packetId, packet.qos(), sessionGeneration,
                complete -> onComplete(complete, payloadBytes));
        unanswered.put(packetId, delivery);
        owe(delivery);
        incomplete++;
        incompleteBytes += payloadBytes;
        holdBackIfOverBytes();
        delivery.hold();
        route(PacketMapper.toMessage(packet, topic), delivery);
        delivery.release();
    }

    /** Handles PUBREL: the QoS 2 id is released and PUBCOMP answers it on this connection. */
    public void onPubRel(AckPacket pubRel) {
        boolean known = qos2AwaitingRelease.remove(pubRel.packetId());
        int reasonCode = known || !mqtt5 ? 0 : PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code();
        AckPacket pubComp = AckPacket.of(MqttPacketType.PUBCOMP, pubRel.packetId(), reasonCode);
        int onConnection = connection;
        Runnable complete = () -> sendOn(onConnection, pubComp);
        writeAhead.after(known ? journal.removeInbound(pubRel.packetId()) : null, complete,
                failure -> complete.run());
    }

    /** Returns the number of QoS 1 and 2 messages this connection has not answered yet, or ids not yet released. */
    private int unacknowledgedCount() {
        return owed.size() + qos2BeingStored.size() + qos2AwaitingRelease.size();
    }

    /** A re-sent PUBLISH for an id awaiting PUBREL: nothing to deliver, only its PUBREC to send in turn. */
    private InboundDelivery answered(int packetId) {
        InboundDelivery known = new InboundDelivery(packetId, MqttQos.EXACTLY_ONCE, sessionGeneration, d -> { });
        known.hold();
        known.release();
        return known;
    }

    private void owe(InboundDelivery delivery) {
        holdBackIfOverWindow();
        owed.add(delivery);
        sendReadyAcknowledgements();
    }

    private void route(MqttMessage message, @Nullable InboundDelivery delivery) {
        if (registry.route(message, delivery) == 0) {
            if (delivery != null) {
                delivery.hold();
            }
            unsolicited.deliver(message, delivery);
        }
    }

    private void onComplete(InboundDelivery delivery, int payloadBytes) {
        incomplete--;
        incompleteBytes -= payloadBytes;
        if (!isAnswerable(delivery)) {
            unanswered.remove(delivery.packetId(), delivery);
        }
        sendReadyAcknowledgements();
    }

    /**
     * Tells whether a complete delivery gets an answer: not when a subscriber abandoned it, nor when the
     * application refused it under MQTT 3.1.1, which has no negative acknowledgement: the broker sends it again.
     */
    private boolean isAnswerable(InboundDelivery delivery) {
        return delivery.isAccepted() && (delivery.rejection() == null || mqtt5);
    }

    private void sendReadyAcknowledgements() {
        while (channel != null && !owed.isEmpty() && owed.peek().isComplete()) {
            InboundDelivery delivery = owed.poll();
            if (isAnswerable(delivery)) {
                answer(delivery);
            }
        }
        resumeReadingIfRoom();
    }

    private void answer(InboundDelivery delivery) {
        int packetId = delivery.packetId();
        int onConnection = connection;
        InboundDelivery.Rejection rejection = delivery.rejection();
        if (rejection != null) {
            refuse(delivery, rejection, onConnection);
        } else if (delivery.qos() == MqttQos.AT_LEAST_ONCE) {
            unanswered.remove(packetId, delivery);
            AckPacket pubAck = AckPacket.of(MqttPacketType.PUBACK, packetId);
            writeAhead.after(null, () -> sendOn(onConnection, pubAck), failure -> { });
        } else if (qos2BeingStored.contains(packetId) || qos2AwaitingRelease.contains(packetId)) {
            AckPacket pubRec = AckPacket.of(MqttPacketType.PUBREC, packetId);
            writeAhead.after(null, () -> sendOn(onConnection, pubRec), failure -> { });
        } else {
            qos2BeingStored.add(packetId);
            Runnable stored = () -> onQos2Stored(delivery, onConnection);
            writeAhead.after(journal.storeInbound(packetId), stored, failure -> stored.run());
        }
    }

    /**
     * Answers a refused message with its reason code (MQTT 5.0): a PUBACK, or a PUBREC that ends the QoS 2 flow,
     * so the id is not kept and the next PUBLISH with it is a new message ([MQTT-4.3.3-9] 5.0).
     */
    private void refuse(InboundDelivery delivery, InboundDelivery.Rejection rejection, int onConnection) {
        unanswered.remove(delivery.packetId(), delivery);
        MqttPacketType type = delivery.qos() == MqttQos.AT_LEAST_ONCE ? MqttPacketType.PUBACK : MqttPacketType.PUBREC;
        AckPacket refusal = new AckPacket(type, delivery.packetId(), rejection.reasonCode(),
                rejection.reasonString(), List.of());
        writeAhead.after(null, () -> sendOn(onConnection, refusal), failure -> { });
    }

    /** A delivered QoS 2 message's id is stored: it awaits PUBREL, and PUBREC may go out. */
    private void onQos2Stored(InboundDelivery delivery, int onConnection) {
        qos2BeingStored.remove(delivery.packetId());
        unanswered.remove(delivery.packetId(), delivery);
        if (delivery.sessionGeneration() != sessionGeneration) {
            journal.forgetInbound(delivery.packetId());
            return;
        }
        qos2AwaitingRelease.add(delivery.packetId());
        sendOn(onConnection, AckPacket.of(MqttPacketType.PUBREC, delivery.packetId()));
    }

    private void sendOn(int onConnection, AckPacket ack) {
        if (channel != null && connection == onConnection) {
            channel.send(ack);
        }
    }

    /**
     * The messages held in memory or owed an answer on this connection: messages still on their way downstream
     * (some may have arrived on an earlier connection), or delivered and waiting for the answers before theirs.
     */
    private int held() {
        return Math.max(incomplete, owed.size() + qos2BeingStored.size());
    }

    /**
     * Stops reading once one more message would exceed {@link #heldBound()}, until answers make room again, so
     * memory stays bounded by what one read brings and the broker's sends back up in TCP. Stopping reading stops
     * the acknowledgements of the client's own publishes too, so a pipeline that answers each message only once
     * its own publish is acknowledged would wait for ever: an MQTT 5 broker that keeps to our Receive Maximum
     * never makes reading stop. One that overshoots it (mosquitto 2.0.11 does, by one, and by thousands after a
     * resumed session) is told in an event each time it does, and reading stops only once it sent a whole Receive
     * Maximum more. MQTT 3.1.1 has no Receive Maximum to advertise; there the brokers' own in-flight windows are
     * far smaller (mosquitto 20, HiveMQ CE 50), and our bound applies silently. QoS 2 ids awaiting PUBREL count
     * toward the broker's quota but not toward the pause: they hold no message, and the PUBRELs that free them must
     * still be read.
     */
    private void holdBackIfOverWindow() {
        int unacknowledged = unacknowledgedCount() + 1;
        if (mqtt5 && unacknowledged > receiveMaximum) {
            receiveMaximumExceeded++;
            if (unacknowledged == receiveMaximum + 1) {
                events.accept(new MqttClientEvent.ReceiveMaximumExceeded(receiveMaximum, unacknowledged,
                        receiveMaximumExceeded));
            }
        }
        if (!readingPaused && held() + 1 > heldBound()) {
            readingPaused = true;
            readThrottle.pause(this);
        }
    }

    /** How many QoS 1 and 2 messages the client holds before it stops reading: see {@link #holdBackIfOverWindow}. */
    private int heldBound() {
        return mqtt5 ? 2 * receiveMaximum : receiveMaximum;
    }

    /**
     * Stops reading once the payloads of the messages on their way downstream reach our byte bound, until their
     * delivery brings them under it, so a few large messages cannot fill the heap within the Receive Maximum.
     */
    private void holdBackIfOverBytes() {
        if (!readingPaused && incompleteBytes >= receiveMaximumBytes) {
            readingPaused = true;
            readThrottle.pause(this);
        }
    }

    private void resumeReadingIfRoom() {
        if (readingPaused && held() < heldBound() && incompleteBytes < receiveMaximumBytes) {
            readingPaused = false;
            readThrottle.resume(this);
        }
    }

    private String resolveTopic(PublishPacket packet) {
        int alias = packet.topicAlias();
        if (alias == 0) {
            return packet.topic();
        }
        if (alias > topicAliasMaximum) {
            throw new MqttProtocolException("topic alias " + alias + " exceeds the maximum " + topicAliasMaximum,
                    DisconnectReasonCode.TOPIC_ALIAS_INVALID, null);
        }
        if (!packet.topic().isEmpty()) {
            topicAliases.put(alias, packet.topic());
            return packet.topic();
        }
        String topic = topicAliases.get(alias);
        if (topic == null) {
            throw new MqttProtocolException("unknown topic alias " + alias, DisconnectReasonCode.PROTOCOL_ERROR, null);
        }
        return topic;
    }
}
