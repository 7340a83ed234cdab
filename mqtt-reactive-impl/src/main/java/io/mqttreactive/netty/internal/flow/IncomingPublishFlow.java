package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.netty.internal.client.PacketMapper;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of PUBLISH (MQTT 5.0 section 4.3): routes each message to its subscribers and acknowledges
 * QoS 1 with PUBACK and QoS 2 with PUBREC only once every subscriber has taken it, in the order the messages
 * arrived ([MQTT-4.6.0-2], [MQTT-4.6.0-3]), so unacknowledged messages hold the broker to our Receive Maximum;
 * past it, reading stops until there is room again.
 * A QoS 2 id stays known from PUBLISH to PUBREL, across connections, so a re-sent message is never delivered
 * twice ([MQTT-4.3.3-10] 5.0); PUBREL is answered with PUBCOMP ([MQTT-4.3.3-11] 5.0). Messages no subscription
 * matches go to the unsolicited subscriber. Topic aliases live for one connection ([MQTT-3.3.2-7] 5.0).
 * With a session store ({@link #persistTo}), a QoS 2 id is stored before its PUBREC goes out and removed
 * before its PUBCOMP goes out, so it is known across a process restart too; acknowledgements still leave in
 * the order the messages arrived.
 * Confined to the event loop.
 */
public final class IncomingPublishFlow {

    private final SubscriptionRegistry registry;
    private final MessageSubscriber unsolicited;
    private final int receiveMaximum;
    private final int topicAliasMaximum;
    private final ReadThrottle readThrottle;
    private final Consumer<MqttClientEvent> events;
    private final ArrayDeque<InboundDelivery> awaitingAcknowledgement = new ArrayDeque<>();
    private final Map<Integer, InboundDelivery> qos2InDelivery = new HashMap<>();
    private final Set<Integer> qos2AwaitingRelease = new HashSet<>();
    private final Map<Integer, String> topicAliases = new HashMap<>();
    private @Nullable MqttChannel channel;
    private boolean mqtt5;
    private int sessionGeneration;
    private long receiveMaximumExceeded;
    private boolean readingPaused;
    private int pubRecsBeingStored;
    private SessionJournal journal = SessionJournal.withoutStore();
    private WriteAheadQueue writeAhead = journal.newQueue();

    public IncomingPublishFlow(SubscriptionRegistry registry, MessageSubscriber unsolicited, int receiveMaximum,
            int topicAliasMaximum, ReadThrottle readThrottle, Consumer<MqttClientEvent> events) {
        this.registry = registry;
        this.unsolicited = unsolicited;
        this.receiveMaximum = receiveMaximum;
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
        topicAliases.clear();
        if (!sessionPresent) {
            qos2AwaitingRelease.forEach(journal::forgetInbound);
            qos2AwaitingRelease.clear();
            sessionGeneration++;
        }
        sendReadyAcknowledgements();
    }

    public void onDisconnected() {
        channel = null;
    }

    /**
     * Handles a PUBLISH from the broker.
     *
     * @throws MqttProtocolException if the broker sent an unknown topic alias or one above our maximum
     */
    public void onPublish(PublishPacket packet) {
        String topic = resolveTopic(packet);
        MqttMessage message = PacketMapper.toMessage(packet, topic);
        if (packet.qos() == MqttQos.AT_MOST_ONCE) {
            route(message, null);
            return;
        }
        if (packet.qos() == MqttQos.EXACTLY_ONCE && isKnownQos2(packet.packetId())) {
            return;
        }
        holdBackIfOverWindow();
        InboundDelivery delivery = new InboundDelivery(packet.packetId(), packet.qos(), sessionGeneration,
                this::onDelivered);
        if (packet.qos() == MqttQos.EXACTLY_ONCE) {
            qos2InDelivery.put(packet.packetId(), delivery);
        }
        awaitingAcknowledgement.add(delivery);
        delivery.hold();
        route(message, delivery);
        delivery.release();
    }

    /** Handles PUBREL: the QoS 2 id is released and PUBCOMP answers it. */
    public void onPubRel(AckPacket pubRel) {
        boolean known = qos2AwaitingRelease.remove(pubRel.packetId());
        int reasonCode = known || !mqtt5 ? 0 : PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code();
        Runnable complete = () -> sendIfConnected(AckPacket.of(MqttPacketType.PUBCOMP, pubRel.packetId(), reasonCode));
        writeAhead.after(known ? journal.removeInbound(pubRel.packetId()) : null, complete,
                failure -> complete.run());
    }

    /** Returns the number of QoS 1 and 2 messages not yet acknowledged, or QoS 2 ids not yet released. */
    public int unacknowledgedCount() {
        return awaitingAcknowledgement.size() + pubRecsBeingStored + qos2AwaitingRelease.size();
    }

    /** The QoS 1 and 2 messages held until acknowledged: ids awaiting PUBREL are not, they hold no message. */
    private int heldInMemory() {
        return awaitingAcknowledgement.size() + pubRecsBeingStored;
    }

    private boolean isKnownQos2(int packetId) {
        if (qos2InDelivery.containsKey(packetId)) {
            return true;
        }
        if (qos2AwaitingRelease.contains(packetId)) {
            if (channel != null) {
                channel.send(AckPacket.of(MqttPacketType.PUBREC, packetId));
            }
            return true;
        }
        return false;
    }

    private void route(MqttMessage message, @Nullable InboundDelivery delivery) {
        if (registry.route(message, delivery) == 0) {
            if (delivery != null) {
                delivery.hold();
            }
            unsolicited.deliver(message, delivery);
        }
    }

    private void onDelivered(InboundDelivery delivery) {
        sendReadyAcknowledgements();
    }

    private void sendReadyAcknowledgements() {
        while (channel != null && !awaitingAcknowledgement.isEmpty() && awaitingAcknowledgement.peek().isDelivered()) {
            InboundDelivery delivery = awaitingAcknowledgement.poll();
            if (delivery.sessionGeneration() != sessionGeneration) {
                qos2InDelivery.remove(delivery.packetId(), delivery);
            } else if (delivery.qos() == MqttQos.AT_LEAST_ONCE) {
                AckPacket pubAck = AckPacket.of(MqttPacketType.PUBACK, delivery.packetId());
                writeAhead.after(null, () -> sendIfConnected(pubAck), failure -> { });
            } else {
                pubRecsBeingStored++;
                Runnable received = () -> onQos2Stored(delivery);
                writeAhead.after(journal.storeInbound(delivery.packetId()), received, failure -> received.run());
            }
        }
        if (readingPaused && heldInMemory() < receiveMaximum) {
            readingPaused = false;
            readThrottle.resume(this);
        }
    }

    /** A delivered QoS 2 message's id is stored: it awaits PUBREL, and PUBREC may go out. */
    private void onQos2Stored(InboundDelivery delivery) {
        pubRecsBeingStored--;
        qos2InDelivery.remove(delivery.packetId(), delivery);
        if (delivery.sessionGeneration() != sessionGeneration) {
            journal.forgetInbound(delivery.packetId());
            return;
        }
        qos2AwaitingRelease.add(delivery.packetId());
        sendIfConnected(AckPacket.of(MqttPacketType.PUBREC, delivery.packetId()));
    }

    private void sendIfConnected(AckPacket ack) {
        if (channel != null) {
            channel.send(ack);
        }
    }

    /**
     * Stops reading once the messages held until acknowledged exceed our Receive Maximum, until acknowledgements
     * make room again. A compliant broker never gets there; one that overshoots (mosquitto 2.0.11 does, by
     * thousands, in a flood) is told in an event and held back by TCP, so memory stays bounded by what one read
     * brings. QoS 2 ids awaiting PUBREL count toward the Receive Maximum but not toward the pause: they hold no
     * message, and the PUBRELs that free them must still be read. MQTT 3.1.1 has no Receive Maximum: there the
     * broker's own in-flight limit applies.
     */
    private void holdBackIfOverWindow() {
        int unacknowledged = unacknowledgedCount() + 1;
        if (!mqtt5 || unacknowledged <= receiveMaximum) {
            return;
        }
        receiveMaximumExceeded++;
        if (!readingPaused && heldInMemory() + 1 > receiveMaximum) {
            readingPaused = true;
            readThrottle.pause(this);
            events.accept(new MqttClientEvent.ReceiveMaximumExceeded(receiveMaximum, unacknowledged,
                    receiveMaximumExceeded));
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
