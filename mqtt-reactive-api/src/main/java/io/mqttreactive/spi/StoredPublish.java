package io.mqttreactive.spi;

import io.mqttreactive.MqttQos;
import io.mqttreactive.internal.Checks;
import io.mqttreactive.message.MqttMessage;

import java.util.Objects;

/**
 * An outbound QoS 1 or 2 message a {@link SessionStore} keeps until its flow completes: the packet identifier
 * it was sent with, where it is in its acknowledgement flow, and the message itself.
 *
 * @param packetId the packet identifier, 1..65,535; kept across re-sends [MQTT-4.4.0-1]
 * @param state    the acknowledgement the client waits for
 * @param message  the message, to re-send with DUP set on a resumed session
 */
public record StoredPublish(int packetId, State state, MqttMessage message) {

    /**
     * Creates a stored publish.
     *
     * @param packetId the packet identifier, 1..65,535; kept across re-sends [MQTT-4.4.0-1]
     * @param state    the acknowledgement the client waits for
     * @param message  the message, to re-send with DUP set on a resumed session
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the packet identifier is out of range or the state does not fit the
     *                                  message's QoS
     */
    public StoredPublish {
        Checks.requireRange(packetId, 1, Checks.MAX_TWO_BYTE_INTEGER, "packet identifier");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        if (message.qos() != state.qos) {
            throw new IllegalArgumentException("a QoS " + message.qos().code() + " message cannot be " + state);
        }
    }

    /**
     * Returns a copy in another state, for example {@link State#AWAITING_PUBCOMP} after the PUBREC.
     *
     * @param state the new state
     * @return the changed copy
     */
    public StoredPublish withState(State state) {
        return new StoredPublish(packetId, state, message);
    }

    /**
     * Where an outbound QoS 1 or 2 message is in its acknowledgement flow.
     */
    public enum State {

        /** QoS 1: PUBLISH sent, waiting for PUBACK; re-sent as PUBLISH with DUP on resume. */
        AWAITING_PUBACK(MqttQos.AT_LEAST_ONCE),

        /** QoS 2: PUBLISH sent, waiting for PUBREC; re-sent as PUBLISH with DUP on resume. */
        AWAITING_PUBREC(MqttQos.EXACTLY_ONCE),

        /** QoS 2: PUBREL sent, waiting for PUBCOMP; re-sent as PUBREL on resume, never as PUBLISH. */
        AWAITING_PUBCOMP(MqttQos.EXACTLY_ONCE);

        private final MqttQos qos;

        State(MqttQos qos) {
            this.qos = qos;
        }
    }
}
