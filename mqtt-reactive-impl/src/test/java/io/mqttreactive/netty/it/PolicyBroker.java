package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MosquittoInstallation;
import io.mqttreactive.netty.testing.MqttTestBroker;
import reactor.core.publisher.Mono;

/**
 * A test broker with the policy the client contracts rely on, and what that broker answers where brokers
 * legitimately differ.
 *
 * <p>The policy: user {@value #USER} with password {@value #PASSWORD}; any other user name is refused as Not
 * authorized; subscriptions under {@value #DENIED_ROOT}{@code /} are refused (where {@code deniesSubscriptions}).
 * HiveMQ enforces it all through {@link HiveMqPolicyExtension}. Mosquitto enforces the users with a password
 * file and the subscription refusals with its dynamic security plugin, which works for anonymous clients only,
 * so each mosquitto suite starts the variant it needs.
 *
 * @param broker the broker
 * @param wrongPasswordRefusal the CONNACK reason code for {@value #USER} with a wrong password: HiveMQ (through
 *     the extension) sends Bad user name or password; mosquitto 2 sends Not authorized for every failed password
 *     check, in 3.1.1 (return code 5) and in 5.0 (0x87)
 * @param enforcesUsers whether the users above are enforced
 * @param deniesSubscriptions whether subscriptions under {@value #DENIED_ROOT}{@code /} are refused
 * @param announcesSessionTakeover whether the broker always sends an MQTT 5.0 client whose session another
 *     connection takes over a DISCONNECT with reason code Session taken over ([MQTT-3.1.4-3] (5.0)): HiveMQ
 *     does; mosquitto 2.0.11 (Debian 12) just closes the old connection (checked with raw sockets), which the
 *     suites accept from it alongside the DISCONNECT that later versions send
 */
record PolicyBroker(MqttTestBroker broker, ConnectReasonCode wrongPasswordRefusal, boolean enforcesUsers,
        boolean deniesSubscriptions, boolean announcesSessionTakeover) implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "secret";
    static final String UNKNOWN_USER = "mallory";
    static final String DENIED_ROOT = "forbidden";

    /** Like mosquitto's, HiveMQ's queue per subscriber (1,000) would drop messages of the 5,000-message stream. */
    private static final String HIVEMQ_QUEUE =
            "<mqtt><queued-messages><max-queue-size>10000</max-queue-size></queued-messages></mqtt>";

    private static PolicyBroker hivemq;
    private static HiveMqPolicyExtension hivemqPolicy;

    /** HiveMQ with the whole policy, started once per JVM and shared by every HiveMQ suite of this package. */
    static synchronized PolicyBroker hivemq() {
        if (hivemq == null) {
            hivemqPolicy = new HiveMqPolicyExtension();
            HiveMqBroker broker = HiveMqBroker.builder()
                    .extension(hivemqPolicy.embedded())
                    .extraConfig(HIVEMQ_QUEUE)
                    .startJvmWide();
            hivemq = new PolicyBroker(broker, ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, true, true, true);
        }
        return hivemq;
    }

    /**
     * Mosquitto without users or subscription refusals; the caller closes it. Its queue per subscriber is raised
     * from 1,000 to 10,000 QoS 1 and 2 messages: above its limit mosquitto drops messages for a subscriber that
     * acknowledges slower than the publisher sends, and the stream test sends 5,000 at full speed.
     */
    static PolicyBroker mosquitto() {
        MosquittoBroker broker = MosquittoBroker.builder().extraConfig("max_queued_messages 10000").start();
        return new PolicyBroker(broker, ConnectReasonCode.NOT_AUTHORIZED, false, false, false);
    }

    /** Mosquitto with the users of the policy; anonymous clients stay welcome. The caller closes it. */
    static PolicyBroker mosquittoWithUsers() {
        MosquittoBroker broker = MosquittoBroker.builder().user(USER, PASSWORD).allowAnonymous(true).start();
        return new PolicyBroker(broker, ConnectReasonCode.NOT_AUTHORIZED, true, false, false);
    }

    /**
     * Mosquitto refusing subscriptions under {@value #DENIED_ROOT}{@code /}, or, without its dynamic security
     * plugin, plain mosquitto (tests of refusals then skip or fail, see {@code requireSubscriptionRefusals}).
     * The caller closes it.
     */
    static PolicyBroker mosquittoDenyingSubscriptions() {
        if (MosquittoInstallation.dynamicSecurityPlugin().isEmpty()) {
            return mosquitto();
        }
        MosquittoBroker broker = MosquittoBroker.builder().denySubscriptions(DENIED_ROOT + "/#").start();
        return new PolicyBroker(broker, ConnectReasonCode.NOT_AUTHORIZED, false, true, false);
    }

    /**
     * Puts a QoS 1 message on a topic that starts with {@code $}: mosquitto takes it from {@code client} like any
     * other; HiveMQ closes a client's connection for it, so the message is published by the broker itself.
     */
    void publishToDollarTopic(MqttClient client, String topic, byte[] payload) {
        if (broker instanceof HiveMqBroker) {
            Mono.fromFuture(() -> hivemqPolicy.publishAsBroker(topic, payload)).block(Received.TIMEOUT);
        } else {
            client.publish(MqttMessage.of(topic, payload, MqttQos.AT_LEAST_ONCE)).block(Received.TIMEOUT);
        }
    }

    String name() {
        return broker.name();
    }

    /** Stops a per-class broker; the shared HiveMQ ignores it. */
    @Override
    public void close() {
        broker.close();
    }
}
