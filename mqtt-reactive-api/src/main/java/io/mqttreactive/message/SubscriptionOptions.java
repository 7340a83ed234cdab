package io.mqttreactive.message;

import io.mqttreactive.MqttQos;

import java.util.Objects;

/**
 * The options of one topic filter in a SUBSCRIBE (MQTT 5.0 section 3.8.3.1). MQTT 3.1 and 3.1.1 send only the
 * maximum QoS; the other options are MQTT 5.0 and ignored there.
 *
 * @param maxQos            the maximum QoS the broker may deliver with
 * @param noLocal           whether the broker withholds messages this client published itself; not allowed on
 *                          a shared subscription [MQTT-3.8.3-4] (5.0)
 * @param retainAsPublished whether forwarded messages keep the retain flag they were published with
 * @param retainHandling    whether retained messages are sent when subscribing
 */
public record SubscriptionOptions(MqttQos maxQos, boolean noLocal, boolean retainAsPublished,
        RetainHandling retainHandling) {

    /** The default options: maximum QoS 2 and the MQTT defaults for the rest. */
    public static final SubscriptionOptions DEFAULT = of(MqttQos.EXACTLY_ONCE);

    /**
     * Creates subscription options.
     *
     * @param maxQos            the maximum QoS the broker may deliver with
     * @param noLocal           whether the broker withholds messages this client published itself; not allowed on
     *                          a shared subscription [MQTT-3.8.3-4] (5.0)
     * @param retainAsPublished whether forwarded messages keep the retain flag they were published with
     * @param retainHandling    whether retained messages are sent when subscribing
     * @throws NullPointerException if {@code maxQos} or {@code retainHandling} is {@code null}
     */
    public SubscriptionOptions {
        Objects.requireNonNull(maxQos, "maxQos");
        Objects.requireNonNull(retainHandling, "retainHandling");
    }

    /**
     * Returns options with a maximum QoS and the MQTT defaults: local messages delivered, retain flag not kept,
     * retained messages sent.
     *
     * @param maxQos the maximum QoS
     * @return the options
     */
    public static SubscriptionOptions of(MqttQos maxQos) {
        return new SubscriptionOptions(maxQos, false, false, RetainHandling.SEND);
    }

    /**
     * Returns a copy with another maximum QoS.
     *
     * @param maxQos the maximum QoS
     * @return the changed copy
     */
    public SubscriptionOptions withMaxQos(MqttQos maxQos) {
        return new SubscriptionOptions(maxQos, noLocal, retainAsPublished, retainHandling);
    }

    /**
     * Returns a copy with another No Local option.
     *
     * @param noLocal whether messages published by this client are withheld
     * @return the changed copy
     */
    public SubscriptionOptions withNoLocal(boolean noLocal) {
        return new SubscriptionOptions(maxQos, noLocal, retainAsPublished, retainHandling);
    }

    /**
     * Returns a copy with another Retain As Published option.
     *
     * @param retainAsPublished whether forwarded messages keep their retain flag
     * @return the changed copy
     */
    public SubscriptionOptions withRetainAsPublished(boolean retainAsPublished) {
        return new SubscriptionOptions(maxQos, noLocal, retainAsPublished, retainHandling);
    }

    /**
     * Returns a copy with another Retain Handling option.
     *
     * @param retainHandling whether retained messages are sent when subscribing
     * @return the changed copy
     */
    public SubscriptionOptions withRetainHandling(RetainHandling retainHandling) {
        return new SubscriptionOptions(maxQos, noLocal, retainAsPublished, retainHandling);
    }
}
