package io.mqttreactive.message;

import io.mqttreactive.MqttQos;

import java.util.Optional;

/**
 * The reason code of one topic filter in a SUBACK (MQTT 5.0 section 3.9.3). MQTT 3.1.1 return codes 0x00, 0x01,
 * 0x02 and 0x80 (failure) have the same values.
 */
public enum SubscribeReasonCode implements ReasonCode {

    /** The subscription is accepted with maximum QoS 0 (0x00). */
    GRANTED_QOS_0(0x00),

    /** The subscription is accepted with maximum QoS 1 (0x01). */
    GRANTED_QOS_1(0x01),

    /** The subscription is accepted with maximum QoS 2 (0x02). */
    GRANTED_QOS_2(0x02),

    /** The subscription is not accepted and the broker gives no other reason (3.1.1 failure) (0x80). */
    UNSPECIFIED_ERROR(0x80),

    /** The SUBSCRIBE is valid but the broker does not accept it (0x83). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),

    /** The client is not authorized to make this subscription (0x87). */
    NOT_AUTHORIZED(0x87),

    /** The topic filter is valid MQTT but not allowed for this client (0x8F). */
    TOPIC_FILTER_INVALID(0x8F),

    /** The packet identifier is already in use (0x91). */
    PACKET_IDENTIFIER_IN_USE(0x91),

    /** An implementation or administrative quota is exceeded (0x97). */
    QUOTA_EXCEEDED(0x97),

    /** The broker does not support shared subscriptions for this client (0x9E). */
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E),

    /** The broker does not support subscription identifiers (0xA1). */
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),

    /** The broker does not support wildcard subscriptions (0xA2). */
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final ReasonCodeTable<SubscribeReasonCode> TABLE = new ReasonCodeTable<>(values(), "SUBACK");

    private final int code;

    SubscribeReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * Returns the constant with a wire value.
     *
     * @param code the reason code from the packet
     * @return the constant
     * @throws IllegalArgumentException if {@code code} is not a SUBACK reason code
     */
    public static SubscribeReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }

    /**
     * Returns the QoS the broker granted.
     *
     * @return the granted maximum QoS for {@link #GRANTED_QOS_0}, {@link #GRANTED_QOS_1} and
     *         {@link #GRANTED_QOS_2}, empty for an error code
     */
    public Optional<MqttQos> grantedQos() {
        return isError() ? Optional.empty() : Optional.of(MqttQos.fromCode(code));
    }

    /**
     * Returns the success code granting a QoS.
     *
     * @param qos the granted QoS
     * @return {@link #GRANTED_QOS_0}, {@link #GRANTED_QOS_1} or {@link #GRANTED_QOS_2}
     */
    public static SubscribeReasonCode granted(MqttQos qos) {
        return fromCode(qos.code());
    }
}
