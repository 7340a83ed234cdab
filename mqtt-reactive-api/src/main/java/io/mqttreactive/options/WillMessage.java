package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;
import io.mqttreactive.message.MqttMessage;

import java.time.Duration;
import java.util.Objects;

/**
 * The will: a message the broker publishes on the client's behalf when the connection ends without a normal
 * DISCONNECT (MQTT 5.0 section 3.1.2.5).
 *
 * <p>The will is an {@link MqttMessage} (topic, payload, QoS, retain, and the MQTT 5.0 properties it shares
 * with a publish) plus the MQTT 5.0 Will Delay Interval. For MQTT 3.1 and 3.1.1 only topic, payload, QoS and
 * retain are sent. Subscription identifiers are not allowed in a will.
 *
 * @param message       the message to publish
 * @param delayInterval how long the broker waits after the connection ends before publishing (MQTT 5.0),
 *                      whole seconds up to 4,294,967,295; zero by default
 */
public record WillMessage(MqttMessage message, Duration delayInterval) {

    /**
     * Creates a will.
     *
     * @param message       the message to publish
     * @param delayInterval how long the broker waits after the connection ends before publishing (MQTT 5.0),
     *                      whole seconds up to 4,294,967,295; zero by default
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the delay is out of range or the message carries subscription
     *                                  identifiers
     */
    public WillMessage {
        Objects.requireNonNull(message, "message");
        Checks.requireSeconds(delayInterval, Checks.MAX_FOUR_BYTE_INTEGER, "will delay interval");
        if (!message.subscriptionIdentifiers().isEmpty()) {
            throw new IllegalArgumentException("a will message must not carry subscription identifiers");
        }
    }

    /**
     * Returns a will published as soon as the connection ends.
     *
     * @param message the message to publish
     * @return the will
     */
    public static WillMessage of(MqttMessage message) {
        return new WillMessage(message, Duration.ZERO);
    }
}
