package io.mqttreactive.options;

/**
 * What happens to a message whose QoS is above the Maximum QoS an MQTT 5.0 broker gave in its CONNACK. The client
 * never sends a PUBLISH above it ([MQTT-3.2.2-11] (5.0)); it checks each message when it goes out on a
 * connection, so a message queued while offline or before the first connection is held to the limit of the
 * connection that sends it. Only MQTT 5.0 brokers announce a Maximum QoS.
 */
public enum MaximumQosPolicy {

    /**
     * Fail the publish with {@link io.mqttreactive.exception.MqttPublishException} naming both levels; the
     * default, since the application asked for a delivery guarantee the broker will not give.
     */
    FAIL,

    /**
     * Send the message at the broker's Maximum QoS instead. Its {@link io.mqttreactive.message.PublishResult}
     * carries the message as sent, so {@code result.message().qos()} tells the guarantee it got; a message sent at
     * QoS 0 completes once written.
     */
    DOWNGRADE
}
