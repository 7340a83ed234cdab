package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.RetainHandling;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.SubscriptionOptions;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import org.jspecify.annotations.Nullable;

/**
 * What a SUBSCRIBE may ask for. Under MQTT 3.1.1 and 3.1, none of the MQTT 5 subscription features, checked when
 * the application subscribes. Under MQTT 5, only what the broker's CONNACK made available (wildcard
 * subscriptions, subscription identifiers, shared subscriptions: MQTT 5.0 sections 3.2.2.3.11 to 3.2.2.3.13) and
 * within its Maximum Packet Size ([MQTT-3.2.2-15] 5.0), checked before each SUBSCRIBE goes out, since every
 * connection may bring other limits.
 */
public final class SubscribeLimits {

    private SubscribeLimits() {
    }

    /**
     * Refuses a request that uses an MQTT 5 feature when the client speaks an older version.
     *
     * @throws IllegalArgumentException naming the feature
     */
    public static void requireSupportedBy(MqttVersion version, SubscribeRequest request) {
        if (version.isMqtt5()) {
            return;
        }
        if (request.subscriptionIdentifier().isPresent()) {
            throw unsupported("a subscription identifier", version);
        }
        if (!request.userProperties().isEmpty()) {
            throw unsupported("user properties", version);
        }
        for (Subscription subscription : request.subscriptions()) {
            SubscriptionOptions options = subscription.options();
            if (options.noLocal()) {
                throw unsupported("No Local on " + subscription.filter(), version);
            }
            if (options.retainAsPublished()) {
                throw unsupported("Retain As Published on " + subscription.filter(), version);
            }
            if (options.retainHandling() != RetainHandling.SEND) {
                throw unsupported("Retain Handling " + options.retainHandling() + " on " + subscription.filter(),
                        version);
            }
        }
    }

    /** Returns why the broker, as its CONNACK describes it, cannot take the request, or null if it can. */
    static @Nullable MqttSubscribeException refusal(SubscribeRequest request, ConnectResult server) {
        if (request.subscriptionIdentifier().isPresent() && !server.subscriptionIdentifiersAvailable()) {
            return new MqttSubscribeException(SubscribeReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                    "the broker does not support subscription identifiers (5.0 section 3.2.2.3.12)");
        }
        for (Subscription subscription : request.subscriptions()) {
            if (subscription.filter().isShared() && !server.sharedSubscriptionAvailable()) {
                return new MqttSubscribeException(SubscribeReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                        "the broker does not support shared subscriptions such as " + subscription.filter()
                                + " (5.0 section 3.2.2.3.13)");
            }
            if (subscription.filter().isWildcard() && !server.wildcardSubscriptionAvailable()) {
                return new MqttSubscribeException(SubscribeReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
                        "the broker does not support wildcard subscriptions such as " + subscription.filter()
                                + " (5.0 section 3.2.2.3.11)");
            }
        }
        return null;
    }

    /** Maps a SUBSCRIBE that could not be encoded, most often for its size, to the subscriber's error. */
    static MqttSubscribeException encodeFailure(MqttEncodeException failure) {
        if (failure.reasonCode() == ReasonCode.PACKET_TOO_LARGE) {
            return new MqttSubscribeException("the SUBSCRIBE of " + failure.packetSize()
                    + " bytes exceeds the broker's Maximum Packet Size of " + failure.maximumPacketSize()
                    + " bytes [MQTT-3.2.2-15] (5.0)",
                    new MqttPacketTooLargeException(failure.packetSize(), failure.maximumPacketSize()));
        }
        return new MqttSubscribeException(failure.getMessage());
    }

    private static IllegalArgumentException unsupported(String feature, MqttVersion version) {
        return new IllegalArgumentException(feature + " needs MQTT 5.0; the client speaks " + version);
    }
}
