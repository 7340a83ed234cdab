package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.ShareGroup.numbers;
import static io.mqttreactive.netty.it.ShareGroup.publish;
import static io.mqttreactive.netty.it.ShareGroup.receivedTwice;
import static io.mqttreactive.netty.it.TestClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Shared subscriptions through a real broker (MQTT 5.0 section 4.8.2; mosquitto 2 and HiveMQ CE accept them from
 * MQTT 3.1.1 clients too): members of one group {@code $share/<group>/<filter>} split the messages between them,
 * each message going to exactly one member; members that stay get everything published after one leaves; a
 * plain subscription on the same filter gets every message. Which member gets which message, and what becomes
 * of QoS 1 messages a member received but never acknowledged when it leaves, is the broker's decision: each
 * broker's suite states what it does, and the tests hold it to exactly that.
 *
 * <p>Waiting for "nothing more arrives" lasts a window derived from round trips measured through the broker at
 * the start of each test, so a loaded machine waits longer instead of failing.
 */
abstract class SharedSubscriptionContract extends ClientContract {

    private static final int GROUP_MESSAGES = 300;
    private static final int CONNECT = 1;
    private static final int SUBSCRIBE = 8;
    private static final int BATCH = 45;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    /** What a broker does with the QoS 1 messages a member received but had not acknowledged when it leaves. */
    enum Unacknowledged {
        /** Sent to another member of the group: nothing is lost. */
        REDISTRIBUTED,
        /** Dropped with the member's session: lost to the group. */
        DISCARDED,
        /** Kept in the member's session and sent again when it returns; the other members never see them. */
        KEPT_FOR_THE_MEMBER
    }

    /**
     * Whether the broker deals the messages out in turn, so that each of n members gets 1/n of them. The spec
     * promises only that each message goes to one member (MQTT 5.0 section 4.8.2), so a broker that does not is
     * held to that alone.
     */
    abstract boolean distributesInTurn();

    /** What the broker does with a leaving member's unacknowledged messages when its session ends. */
    abstract Unacknowledged whenTheSessionEnds();

    /** What the broker does with a leaving member's unacknowledged messages when its session stays. */
    abstract Unacknowledged whenTheSessionStays();

    /**
     * Whether the broker sends no message of a group to any member while one member holds the group's oldest
     * message unacknowledged.
     */
    abstract boolean blocksTheGroupWhileItsOldestMessageIsHeld();

    /**
     * Whether the broker keeps dealing messages to a member that is offline with its session kept, queueing them
     * for its return, so that the members online get only part of what is published meanwhile.
     */
    abstract boolean dealsToOfflineMembers();

    @BothVersions
    void eachMessageReachesExactlyOneMemberOfTheGroup(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient publisher = clients.connected("pub");
        Duration quiet = quietWindow(clients, publisher);
        ShareGroup group = new ShareGroup(sharedFilter(clients));
        List.of("m1", "m2", "m3").forEach(member -> group.join(member, clients.connected(member)));

        publish(publisher, clients.topic("jobs"), 0, GROUP_MESSAGES, DELIVERY_TIMEOUT);

        List<ShareGroup.Delivery> deliveries = group.next(GROUP_MESSAGES, DELIVERY_TIMEOUT);
        group.assertNothingMoreWithin(quiet);
        Map<String, Long> counts = group.countsByMember();
        System.out.printf("[shared] %s %s: %d messages dealt %s%n", broker().name(), profile, GROUP_MESSAGES, counts);
        assertThat(receivedTwice(deliveries)).as("messages that reached two members, or one twice (MQTT 5.0 4.8.2)")
                .isEmpty();
        assertThat(deliveries).extracting(ShareGroup.Delivery::number).as("every message reached the group")
                .containsExactlyInAnyOrderElementsOf(numbers(0, GROUP_MESSAGES));
        if (distributesInTurn()) {
            assertThat(counts.values()).as("dealt in turn").containsOnly((long) GROUP_MESSAGES / 3);
        }
    }

    @BothVersions
    void aPlainSubscriptionAlongsideTheGroupReceivesEveryMessage(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient publisher = clients.connected("pub");
        Duration quiet = quietWindow(clients, publisher);
        ShareGroup group = new ShareGroup(sharedFilter(clients));
        List.of("m1", "m2").forEach(member -> group.join(member, clients.connected(member)));
        Received<MqttMessage> plain = subscribe(clients.connected("plain"), clients.topic("jobs"),
                MqttQos.AT_LEAST_ONCE);

        publish(publisher, clients.topic("jobs"), 0, BATCH, DELIVERY_TIMEOUT);

        assertThat(plain.next(BATCH, DELIVERY_TIMEOUT)).extracting(MqttMessage::payloadAsString)
                .as("in publishing order [MQTT-4.6.0-5] (5.0)")
                .containsExactlyElementsOf(numbers(0, BATCH).stream().map(String::valueOf).toList());
        List<ShareGroup.Delivery> toTheGroup = group.next(BATCH, DELIVERY_TIMEOUT);
        group.assertNothingMoreWithin(quiet);
        assertThat(plain.nextWithin(quiet)).as("no second copy").isEmpty();
        assertThat(receivedTwice(toTheGroup)).isEmpty();
        assertThat(toTheGroup).extracting(ShareGroup.Delivery::number)
                .containsExactlyInAnyOrderElementsOf(numbers(0, BATCH));
    }

    @BothVersions
    void whenAMemberUnsubscribesTheOthersReceiveEverythingAfterwards(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient publisher = clients.connected("pub");
        Duration quiet = quietWindow(clients, publisher);
        ShareGroup group = new ShareGroup(sharedFilter(clients));
        List.of("m1", "m2").forEach(member -> group.join(member, clients.connected(member)));
        MqttClient leaver = clients.connected("leaver");
        group.join("leaver", leaver);
        publish(publisher, clients.topic("jobs"), 0, BATCH, DELIVERY_TIMEOUT);
        group.next(BATCH, DELIVERY_TIMEOUT);
        Received<MqttClientEvent> events = TestClients.events(leaver);

        group.cancel("leaver");
        events.nextMatching(MqttClientEvent.Unsubscribed.class::isInstance);
        publish(publisher, clients.topic("jobs"), BATCH, 2 * BATCH, DELIVERY_TIMEOUT);

        List<ShareGroup.Delivery> afterwards = group.next(BATCH, DELIVERY_TIMEOUT);
        group.assertNothingMoreWithin(quiet);
        assertThat(afterwards).extracting(ShareGroup.Delivery::member).doesNotContain("leaver");
        assertThat(afterwards).extracting(ShareGroup.Delivery::number)
                .containsExactlyInAnyOrderElementsOf(numbers(BATCH, 2 * BATCH));
        assertThat(receivedTwice(group.all())).isEmpty();
    }

    @BothVersions
    void whenAMemberDisconnectsItsUnacknowledgedMessagesFollowTheBrokersRule(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient leaver = clients.connected("leaver");
        Departure departure = leave(clients, leaver, whenTheSessionEnds(),
                () -> leaver.disconnect().block(Received.TIMEOUT));
        departure.assertAccountedFor(whenTheSessionEnds());
    }

    @BothVersions
    void whenAMembersLinkIsCutItsUnacknowledgedMessagesFollowTheBrokersRule(MqttProfile profile) {
        TestClients clients = clients(profile);
        try (TcpProxy proxy = TcpProxy.start(broker().broker().port(profile.listener()))) {
            MqttClient leaver = clients.create(clients.options("leaver", proxy.port()).build());
            leaver.connect().block(Received.TIMEOUT);
            Departure departure = leave(clients, leaver, whenTheSessionEnds(), proxy::cut);
            departure.assertAccountedFor(whenTheSessionEnds());
        }
    }

    @BothVersions
    void whenAMemberWithAKeptSessionStopsNothingIsLostOnceItStartsAgain(MqttProfile profile) {
        TestClients clients = clients(profile);
        UnaryOperator<MqttClientOptions.Builder> keptSession = options -> options.session(SessionOptions.DEFAULT
                .withCleanStart(false).withSessionExpiryInterval(Duration.ofMinutes(1)));
        MqttClient leaver = clients.connected("leaver", keptSession);
        Departure departure = leave(clients, leaver, whenTheSessionStays(),
                () -> leaver.close().block(Received.TIMEOUT));
        MqttClient returning = clients.create(keptSession.apply(clients.options("leaver")).build());
        Received<MqttMessage> afterReturn = Received.of(returning.unsolicitedMessages());

        returning.connect().block(Received.TIMEOUT);

        Set<Integer> keptForTheLeaver = departure.lostToTheGroup();
        if (keptForTheLeaver.isEmpty()) {
            assertThat(afterReturn.nextWithin(departure.quiet())).as("nothing kept for the returning member")
                    .isEmpty();
        } else {
            assertThat(afterReturn.next(keptForTheLeaver.size(), DELIVERY_TIMEOUT)).extracting(m -> number(m))
                    .as("what the group did not get, sent on the resumed session [MQTT-4.4.0-1] (5.0)")
                    .containsExactlyInAnyOrderElementsOf(keptForTheLeaver);
            assertThat(afterReturn.nextWithin(departure.quiet())).as("nothing else").isEmpty();
        }
        if (whenTheSessionStays() == Unacknowledged.KEPT_FOR_THE_MEMBER) {
            assertThat(keptForTheLeaver).as("the held messages waited for the member").containsAll(departure.held());
        } else {
            departure.assertAccountedFor(whenTheSessionStays());
        }
    }

    @BothVersions
    void anInvalidSharedFilterIsRejectedBeforeAnythingIsSent(MqttProfile profile) {
        TestClients clients = clients(profile);
        try (TcpProxy proxy = TcpProxy.start(broker().broker().port(profile.listener()))) {
            proxy.recordTraffic();
            MqttClient client = clients.create(clients.options("sub", proxy.port()).build());
            client.connect().block(Received.TIMEOUT);

            assertThatThrownBy(() -> client.subscribe("$share//" + clients.topic("x"), MqttQos.AT_LEAST_ONCE))
                    .as("[MQTT-4.8.2-1] (5.0)").isInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("MQTT-4.8.2-1");
            assertThatThrownBy(() -> client.subscribe("$share/gr+oup/" + clients.topic("x"), MqttQos.AT_LEAST_ONCE))
                    .as("[MQTT-4.8.2-2] (5.0)").isInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("MQTT-4.8.2-2");
            assertThatThrownBy(() -> client.subscribe("$share/gr#oup/" + clients.topic("x"), MqttQos.AT_LEAST_ONCE))
                    .as("[MQTT-4.8.2-2] (5.0)").isInstanceOf(InvalidTopicException.class);
            assertThatThrownBy(() -> client.subscribe("$share/group", MqttQos.AT_LEAST_ONCE))
                    .as("[MQTT-4.8.2-2] (5.0)").isInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("MQTT-4.8.2-2");
            subscribe(client, sharedFilter(clients), MqttQos.AT_LEAST_ONCE);

            assertThat(proxy.recordedTraffic()).singleElement().satisfies(link ->
                    assertThat(packetTypes(link.toServer())).as("packet types the client sent")
                            .startsWith(CONNECT, SUBSCRIBE).containsOnlyOnce(SUBSCRIBE));
        }
    }

    /** Returns the type of each MQTT control packet in {@code bytes}, read from the fixed headers. */
    private static List<Integer> packetTypes(byte[] bytes) {
        List<Integer> types = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            types.add((bytes[position++] & 0xFF) >> 4);
            int remaining = 0;
            int shift = 0;
            int digit;
            do {
                digit = bytes[position++] & 0xFF;
                remaining |= (digit & 0x7F) << shift;
                shift += 7;
            } while ((digit & 0x80) != 0);
            position += remaining;
        }
        return types;
    }

    /**
     * What became of the messages of one run of {@link #leave}.
     *
     * @param held           the messages the leaver held unacknowledged when it left
     * @param lostToTheGroup the messages the members that stayed never received
     * @param quiet          the wait for "nothing more arrives" of this run
     */
    record Departure(Set<Integer> held, Set<Integer> lostToTheGroup, Duration quiet) {

        void assertAccountedFor(Unacknowledged fate) {
            if (fate == Unacknowledged.REDISTRIBUTED) {
                assertThat(lostToTheGroup).as("QoS 1: nothing lost, the held messages went to another member")
                        .isEmpty();
            } else {
                assertThat(lostToTheGroup).as("exactly the messages the leaver held, %s", fate).isEqualTo(held);
            }
        }
    }

    /**
     * Runs a group of two members that acknowledge and one, the leaver, that never does. The leaver joins first
     * and receives message 0, the oldest of the group; then the others join and messages 1 to {@value #BATCH}
     * are published; then the leaver leaves by {@code leave}, and {@value #BATCH} more follow. Asserts that the
     * members that stay receive everything published after the leaver left, and that no message reached a
     * second member unless the broker redistributes unacknowledged ones.
     */
    private Departure leave(TestClients clients, MqttClient leaver, Unacknowledged fate, Runnable leave) {
        MqttClient publisher = clients.connected("pub");
        Duration quiet = quietWindow(clients, publisher);
        String topic = clients.topic("jobs");
        ShareGroup group = new ShareGroup(sharedFilter(clients));
        group.joinWithoutAcknowledging("leaver", leaver);
        publish(publisher, topic, 0, 1, DELIVERY_TIMEOUT);
        group.next(1, DELIVERY_TIMEOUT);
        List.of("m1", "m2").forEach(member -> group.join(member, clients.connected(member)));
        publish(publisher, topic, 1, BATCH + 1, DELIVERY_TIMEOUT);
        if (blocksTheGroupWhileItsOldestMessageIsHeld()) {
            group.assertNothingMoreWithin(quiet);
        } else {
            group.next(BATCH, DELIVERY_TIMEOUT);
        }
        Set<Integer> held = group.numbersOf("leaver");
        int before = group.all().size();

        leave.run();
        quietWindow(clients, publisher);
        publish(publisher, topic, BATCH + 1, 2 * BATCH + 1, DELIVERY_TIMEOUT);

        int expected = (fate == Unacknowledged.REDISTRIBUTED ? held.size() : 0) + BATCH
                + (blocksTheGroupWhileItsOldestMessageIsHeld() ? BATCH : 0)
                - (fate == Unacknowledged.KEPT_FOR_THE_MEMBER && dealsToOfflineMembers() ? BATCH / 3 : 0);
        group.next(expected, DELIVERY_TIMEOUT);
        group.assertNothingMoreWithin(quiet);
        List<ShareGroup.Delivery> afterwards = group.all().subList(before, group.all().size());
        Set<Integer> stayers = new TreeSet<>(group.numbersOf("m1"));
        stayers.addAll(group.numbersOf("m2"));
        Set<Integer> lostToTheGroup = numbers(0, 2 * BATCH + 1);
        lostToTheGroup.removeAll(stayers);
        System.out.printf("[shared] %s %s: the leaver held %d unacknowledged %s and left; the others then received"
                + " %d; never received by them: %s%n", broker().name(), clients.profile(), held.size(), held,
                afterwards.size(), lostToTheGroup);
        assertThat(afterwards).extracting(ShareGroup.Delivery::member).doesNotContain("leaver");
        assertThat(receivedTwice(group.all())).as("messages that reached two members").allSatisfy((number, members) ->
                assertThat(fate == Unacknowledged.REDISTRIBUTED && held.contains(number)).isTrue());
        if (!(fate == Unacknowledged.KEPT_FOR_THE_MEMBER && dealsToOfflineMembers())) {
            assertThat(stayers).as("the members that stay").containsAll(numbers(BATCH + 1, 2 * BATCH + 1));
        }
        return new Departure(held, lostToTheGroup, quiet);
    }

    /**
     * The longest wait for "nothing more arrives": 20 times the slowest of five round trips through the broker,
     * at least 200 ms, at most 3 s.
     */
    private static Duration quietWindow(TestClients clients, MqttClient publisher) {
        String topic = clients.topic("round-trip");
        Received<MqttMessage> echo = subscribe(clients.connected("echo"), topic, MqttQos.AT_LEAST_ONCE);
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            TestClients.publish(publisher, MqttMessage.of(topic, new byte[0], MqttQos.AT_LEAST_ONCE));
            echo.next();
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        Duration window = Duration.ofNanos(slowest).multipliedBy(20);
        return window.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
                : window.compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : window;
    }

    private static String sharedFilter(TestClients clients) {
        return "$share/group-" + clients.testId() + "/" + clients.topic("jobs");
    }

    private static int number(MqttMessage message) {
        return Integer.parseInt(message.payloadAsString());
    }

    /** Runs a test with MQTT 3.1.1 and with MQTT 5.0, over TCP. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(names = {"MQTT_3_1_1_TCP", "MQTT_5_TCP"})
    @interface BothVersions {
    }
}
