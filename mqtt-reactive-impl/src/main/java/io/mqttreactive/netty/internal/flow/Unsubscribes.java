package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.exception.MqttUnsubscribeException;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * UNSUBSCRIBE and its UNSUBACK, matched by packet id ([MQTT-2.3.1-7] 3.1.1, [MQTT-2.2.1-6] 5.0), each carrying the
 * outcome of the unsubscribe that asked for it, if any. UNSUBSCRIBE packets wait while disconnected, and those not
 * acknowledged when a connection is lost go out again on the next one. MQTT 3.1.1 and 5.0 sections 3.10 and 3.11.
 * Confined to the event loop.
 */
final class Unsubscribes {

    private final PacketIdAllocator packetIds;
    private final Consumer<MqttClientEvent> events;
    private final ArrayDeque<Pending> unsent = new ArrayDeque<>();
    private final Map<Integer, Pending> awaitingUnsubAck = new HashMap<>();
    private @Nullable MqttChannel channel;

    Unsubscribes(PacketIdAllocator packetIds, Consumer<MqttClientEvent> events) {
        this.packetIds = packetIds;
        this.events = events;
    }

    /** Sends UNSUBSCRIBE for filters now, or once connected. */
    void unsubscribe(List<MqttTopicFilter> filters, @Nullable UnsubscribeOutcome outcome) {
        if (outcome != null) {
            outcome.expect();
        }
        Pending pending = new Pending(filters, outcome);
        if (channel != null) {
            send(pending);
        } else {
            unsent.add(pending);
        }
    }

    void onConnected(MqttChannel channel) {
        this.channel = channel;
        for (Pending pending; (pending = unsent.poll()) != null; ) {
            send(pending);
        }
    }

    void onDisconnected() {
        channel = null;
        awaitingUnsubAck.forEach((packetId, pending) -> {
            packetIds.release(packetId);
            unsent.add(pending);
        });
        awaitingUnsubAck.clear();
    }

    /**
     * An UNSUBACK: its reason codes, one per filter in order [MQTT-3.11.3-1] (5.0), or none under MQTT 3.1.1, where
     * every filter counts as unsubscribed.
     */
    void onUnsubAck(UnsubAckPacket unsubAck) {
        Pending pending = awaitingUnsubAck.remove(unsubAck.packetId());
        if (pending == null) {
            return;
        }
        packetIds.release(unsubAck.packetId());
        List<MqttTopicFilter> filters = pending.filters();
        if (!unsubAck.reasonCodes().isEmpty() && unsubAck.reasonCodes().size() != filters.size()) {
            if (pending.outcome() != null) {
                pending.outcome().failed(new MqttUnsubscribeException("the UNSUBACK has "
                        + unsubAck.reasonCodes().size() + " reason codes for " + filters.size()
                        + " topic filters [MQTT-3.11.3-1] (5.0)", null));
            }
            return;
        }
        List<UnsubscribeReasonCode> codes = unsubAck.reasonCodes().isEmpty()
                ? filters.stream().map(filter -> UnsubscribeReasonCode.SUCCESS).toList()
                : unsubAck.reasonCodes().stream().map(UnsubscribeReasonCode::fromCode).toList();
        events.accept(new MqttClientEvent.Unsubscribed(filters, codes));
        if (pending.outcome() != null) {
            pending.outcome().answered(filters, codes, unsubAck.reasonString(),
                    PacketMapper.toApi(unsubAck.userProperties()));
        }
    }

    /**
     * Fails the outcomes still waiting, as the session ends; their UNSUBSCRIBE packets still go out on the next
     * connection, since the broker may keep the session.
     */
    void failWaiting(Throwable cause) {
        Stream.concat(unsent.stream(), awaitingUnsubAck.values().stream())
                .map(Pending::outcome)
                .filter(outcome -> outcome != null)
                .forEach(outcome -> outcome.failed(cause));
    }

    /**
     * Sends UNSUBSCRIBE; one larger than the broker's Maximum Packet Size ([MQTT-3.2.2-15] 5.0) goes out as one
     * UNSUBSCRIBE per filter instead, and a filter that alone does not fit stays subscribed at the broker, failing
     * the outcome.
     */
    private void send(Pending pending) {
        int packetId = packetIds.allocate();
        try {
            channel.send(UnsubscribePacket.of(packetId,
                    pending.filters().stream().map(MqttTopicFilter::toString).toList()));
        } catch (MqttEncodeException tooLarge) {
            packetIds.release(packetId);
            split(pending, tooLarge);
            return;
        }
        awaitingUnsubAck.put(packetId, pending);
    }

    private void split(Pending pending, MqttEncodeException tooLarge) {
        UnsubscribeOutcome outcome = pending.outcome();
        if (pending.filters().size() == 1) {
            if (outcome != null) {
                outcome.failed(tooLarge(pending.filters().get(0), tooLarge));
            }
            return;
        }
        for (MqttTopicFilter filter : pending.filters()) {
            if (outcome != null) {
                outcome.expect();
            }
            send(new Pending(List.of(filter), outcome));
        }
        if (outcome != null) {
            outcome.answered(List.of(), List.of(), null, UserProperties.empty());
        }
    }

    private static MqttUnsubscribeException tooLarge(MqttTopicFilter filter, MqttEncodeException failure) {
        if (failure.reasonCode() == ReasonCode.PACKET_TOO_LARGE) {
            return new MqttUnsubscribeException("the UNSUBSCRIBE for " + filter + " of " + failure.packetSize()
                    + " bytes exceeds the broker's Maximum Packet Size of " + failure.maximumPacketSize()
                    + " bytes [MQTT-3.2.2-15] (5.0); the broker keeps the subscription",
                    new MqttPacketTooLargeException(failure.packetSize(), failure.maximumPacketSize()));
        }
        return new MqttUnsubscribeException(failure.getMessage(), failure);
    }

    /** An UNSUBSCRIBE to send or awaiting its UNSUBACK, and the outcome it counts for, if any. */
    private record Pending(List<MqttTopicFilter> filters, @Nullable UnsubscribeOutcome outcome) {
    }
}
