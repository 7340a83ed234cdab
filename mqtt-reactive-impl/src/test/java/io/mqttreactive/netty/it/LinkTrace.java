package io.mqttreactive.netty.it;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.LinkTraffic;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a fault-injection run's proxied links carried, decoded packet by packet, to tell the story of the
 * messages a run lost or received twice: every packet, each way, that carried the packet identifiers those
 * messages travelled under, link after link. Messages are known by the number in their 4-byte payload.
 */
final class LinkTrace {

    /** The links after the last one a message was seen on whose packets still belong to its story. */
    private static final int LINKS_AFTER = 2;

    private final List<Link> links;

    private LinkTrace(List<Link> links) {
        this.links = links;
    }

    /** Decodes recorded links of an MQTT 5 connection; a link cut mid-packet ends at its last whole packet. */
    static LinkTrace decode(List<LinkTraffic> traffic) {
        return new LinkTrace(traffic.stream()
                .map(link -> new Link(link.index(), packets(link.toClient()), packets(link.toServer())))
                .toList());
    }

    /** Returns the story of each numbered message, as lines to print. */
    String story(Collection<Integer> messages) {
        StringBuilder story = new StringBuilder();
        for (int message : messages) {
            story.append("message ").append(message).append(":\n");
            Set<Integer> packetIds = new TreeSet<>();
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int i = 0; i < links.size(); i++) {
                for (MqttPacket packet : links.get(i).bothWays()) {
                    if (packet instanceof PublishPacket publish && number(publish) == message) {
                        packetIds.add(publish.packetId());
                        first = Math.min(first, i);
                        last = i;
                    }
                }
            }
            if (last < 0) {
                story.append("  never on any recorded link\n");
                continue;
            }
            for (int i = first; i <= Math.min(links.size() - 1, last + LINKS_AFTER); i++) {
                Link link = links.get(i);
                story.append("  link ").append(link.index()).append(" to client: ")
                        .append(describe(link.toClient(), packetIds)).append('\n')
                        .append("  link ").append(link.index()).append(" to server: ")
                        .append(describe(link.toServer(), packetIds)).append('\n');
            }
        }
        return story.toString();
    }

    private static String describe(List<MqttPacket> packets, Set<Integer> packetIds) {
        return packets.stream()
                .filter(packet -> packetIds.contains(packetId(packet)))
                .map(LinkTrace::describe)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            return "PUBLISH " + publish.packetId() + (publish.dup() ? " dup" : "") + " #" + number(publish);
        }
        AckPacket ack = (AckPacket) packet;
        return ack.type() + " " + ack.packetId() + (ack.reasonCode() == 0 ? "" : " rc=" + ack.reasonCode());
    }

    private static int packetId(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            return publish.packetId();
        }
        return packet instanceof AckPacket ack ? ack.packetId() : -1;
    }

    private static int number(PublishPacket publish) {
        return publish.payload().length == 4 ? ByteBuffer.wrap(publish.payload()).getInt() : -1;
    }

    /** Decodes the packets of one direction of an MQTT 5 link, up to the last whole one. */
    static List<MqttPacket> packets(byte[] bytes) {
        List<MqttPacket> packets = new ArrayList<>();
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        DecodeContext context = DecodeContext.of(MqttVersion.MQTT_5_0);
        try {
            for (MqttPacket packet; (packet = MqttPacketDecoder.decode(in, context)) != null; ) {
                packets.add(packet);
            }
        } catch (MqttDecodeException e) {
            // a link cut mid-packet, or the bytes after it: its story ends here
        } finally {
            in.release();
        }
        return packets;
    }

    private record Link(int index, List<MqttPacket> toClient, List<MqttPacket> toServer) {

        List<MqttPacket> bothWays() {
            List<MqttPacket> all = new ArrayList<>(toClient);
            all.addAll(toServer);
            return all;
        }
    }
}
