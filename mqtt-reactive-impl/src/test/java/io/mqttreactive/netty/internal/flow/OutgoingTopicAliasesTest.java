package io.mqttreactive.netty.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-connection table of outgoing topic aliases on its own (MQTT 5.0 section 3.3.2.3.4). */
class OutgoingTopicAliasesTest {

    private static PublishPacket publish(String topic) {
        return PublishPacket.of(topic, new byte[] {1}, MqttQos.AT_MOST_ONCE, false, false, 0);
    }

    /** Returns what the table makes of each topic in turn, as "topic#alias" ("#alias" alone when alias-only). */
    private static List<String> wire(OutgoingTopicAliases aliases, String... topics) {
        List<String> written = new ArrayList<>();
        for (String topic : topics) {
            PublishPacket packet = aliases.apply(publish(topic));
            written.add(packet.topic() + "#" + packet.topicAlias());
        }
        return written;
    }

    @Test
    @DisplayName("no table when the broker grants no alias or the client uses none [MQTT-3.2.2-18] (5.0); else "
            + "the smaller maximum")
    void tableOnlyWhereBothSidesAllowAliases() {
        assertThat(OutgoingTopicAliases.forConnection(0, 16)).isNull();
        assertThat(OutgoingTopicAliases.forConnection(10, 0)).isNull();
        assertThat(OutgoingTopicAliases.forConnection(10, 16).maximum()).isEqualTo(10);
        assertThat(OutgoingTopicAliases.forConnection(65_535, 16).maximum()).isEqualTo(16);
    }

    @Test
    @DisplayName("the first PUBLISH on a topic sets its alias up with the topic name, later ones carry the alias "
            + "alone; aliases start at 1 [MQTT-3.3.2-8] (5.0)")
    void setUpThenAliasOnly() {
        OutgoingTopicAliases aliases = OutgoingTopicAliases.forConnection(3, 16);

        assertThat(wire(aliases, "a", "a", "b", "a", "b", "c", "c"))
                .containsExactly("a#1", "#1", "b#2", "#1", "#2", "c#3", "#3");
        assertThat(aliases.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("with every alias taken, the least recently used one goes to the new topic, with its name, and "
            + "none above the maximum is ever used [MQTT-3.2.2-17] [MQTT-3.3.2-9] (5.0)")
    void leastRecentlyUsedAliasIsReassigned() {
        OutgoingTopicAliases aliases = OutgoingTopicAliases.forConnection(2, 16);

        assertThat(wire(aliases, "a", "b", "a", "c", "b", "c", "a"))
                .containsExactly("a#1", "b#2", "#1", "c#2", "b#1", "#2", "a#1");
        assertThat(aliases.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("an alias whose set-up was not written is free again, used next with a topic name; an alias-only "
            + "packet that was not written changes no mapping")
    void unwrittenSetUpFreesItsAlias() {
        OutgoingTopicAliases aliases = OutgoingTopicAliases.forConnection(2, 16);
        assertThat(wire(aliases, "a", "b")).containsExactly("a#1", "b#2");

        PublishPacket setUp = aliases.apply(publish("c"));
        assertThat(setUp.topic()).isEqualTo("c");
        assertThat(setUp.topicAlias()).isEqualTo(1);
        aliases.unwritten(setUp);
        aliases.unwritten(aliases.apply(publish("b")));

        assertThat(wire(aliases, "d", "b", "a")).containsExactly("d#1", "#2", "a#1");
    }
}
