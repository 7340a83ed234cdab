package io.mqttreactive.options;

/**
 * What happens to QoS 1 and 2 messages that were sent but not yet acknowledged when the client reconnects and the
 * broker has no session for it any more (CONNACK Session Present 0, for example after the session expired, the
 * broker restarted without persistence, or always with clean start): the client discards its session state
 * ([MQTT-3.2.2-5] (5.0)) and these messages are no longer in flight. Messages not yet sent are not affected: the
 * broker never saw them, and they go out as usual. A QoS 2 message the broker already acknowledged with PUBREC
 * is the broker's and completes with that acknowledgement under either policy.
 */
public enum SessionLossPolicy {

    /**
     * Publish them again as new messages, with new packet identifiers and in their original order, ahead of the
     * messages not yet sent; the default. Each completes on its new acknowledgement. A message the broker had
     * already received before the session was lost arrives twice.
     */
    REPUBLISH,

    /**
     * Fail them with {@link io.mqttreactive.exception.MqttSessionLostException}, so the application decides
     * whether publishing again is safe.
     */
    FAIL
}
