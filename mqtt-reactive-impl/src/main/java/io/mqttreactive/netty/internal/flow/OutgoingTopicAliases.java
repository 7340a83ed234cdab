package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.netty.internal.packet.PublishPacket;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The topic aliases the client sends on one MQTT 5.0 network connection (MQTT 5.0 section 3.3.2.3.4), as a
 * table from topic name to alias. The first PUBLISH on a topic carries its name and a new alias, which sets the
 * mapping up at the broker; later ones carry the alias and an empty topic name. Aliases run from 1
 * ([MQTT-3.3.2-8] 5.0) to the smaller of the broker's Topic Alias Maximum and the client's own
 * ([MQTT-3.2.2-17], [MQTT-3.3.2-9] 5.0); once all are given out, the least recently used one goes to the next new
 * topic, again with its name. A table lives as long as its connection: the broker starts every connection without
 * mappings ([MQTT-3.3.2-7] 5.0), and so does the client, with a new table. The table only decides how a packet
 * is written; the packet kept for the message, and re-sent with DUP on a later connection, keeps its topic name.
 * Confined to the connection's event loop.
 */
final class OutgoingTopicAliases {

    private final int maximum;
    /** Topic name to alias, least recently used first. */
    private final LinkedHashMap<String, Integer> aliases = new LinkedHashMap<>(16, 0.75f, true);
    /** Aliases taken back before the broker heard of them; the broker may still map them to an older topic. */
    private final ArrayDeque<Integer> released = new ArrayDeque<>();
    private int nextUnused = 1;

    private OutgoingTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /**
     * Returns the table for a new connection, or null when no alias may be sent on it: the broker allows none
     * (Topic Alias Maximum absent or 0, [MQTT-3.2.2-18] 5.0), or the client uses none.
     *
     * @param brokerMaximum the Topic Alias Maximum of the CONNACK, 0 when absent
     * @param clientMaximum the most aliases the client uses, 0 for none
     */
    static @Nullable OutgoingTopicAliases forConnection(int brokerMaximum, int clientMaximum) {
        int maximum = Math.min(brokerMaximum, clientMaximum);
        return maximum > 0 ? new OutgoingTopicAliases(maximum) : null;
    }

    /** Returns the highest alias this table gives out. */
    int maximum() {
        return maximum;
    }

    /**
     * Returns {@code packet} as it is written with an alias, and records the use: with an empty topic name when
     * its topic has an alias on this connection, else with its topic name and an alias now mapped to it (a new one,
     * or the least recently used one, which its old topic loses). {@code packet} carries the topic name and no
     * alias. Call {@link #unwritten} if the returned packet is not written after all.
     */
    PublishPacket apply(PublishPacket packet) {
        String topic = packet.topic();
        Integer alias = aliases.get(topic);
        if (alias != null) {
            return packet.withTopicAlias("", alias);
        }
        int assigned = take();
        aliases.put(topic, assigned);
        return packet.withTopicAlias(topic, assigned);
    }

    /**
     * Takes back the mapping a packet from {@link #apply} would have set up, when it could not be written (it did
     * not encode, as when the alias takes it past the broker's Maximum Packet Size): its alias is free again and
     * is used next with a topic name, whatever the broker mapped it to before.
     */
    void unwritten(PublishPacket written) {
        if (!written.topic().isEmpty() && aliases.remove(written.topic(), written.topicAlias())) {
            released.push(written.topicAlias());
        }
    }

    /** Returns how many topics have an alias now. */
    int size() {
        return aliases.size();
    }

    private int take() {
        if (!released.isEmpty()) {
            return released.pop();
        }
        if (nextUnused <= maximum) {
            return nextUnused++;
        }
        Iterator<Map.Entry<String, Integer>> leastRecentlyUsed = aliases.entrySet().iterator();
        int alias = leastRecentlyUsed.next().getValue();
        leastRecentlyUsed.remove();
        return alias;
    }
}
