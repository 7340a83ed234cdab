package io.mqttreactive.message;

import io.mqttreactive.MqttQos;
import io.mqttreactive.internal.Checks;
import io.mqttreactive.internal.MqttStrings;
import io.mqttreactive.internal.PayloadLending;
import io.mqttreactive.topic.MqttTopic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An application message: what is published and what subscriptions receive.
 *
 * <p>It holds the topic, payload, QoS and retain flag, and the MQTT 5.0 publish properties (message expiry,
 * payload format, content type, response topic, correlation data, user properties, and on received messages
 * the subscription identifiers). It never carries a packet identifier, the DUP flag or a topic alias: those
 * belong to the connection, not the message, which only says whether a topic alias may stand for its topic
 * ({@link #topicAliasAllowed()}). MQTT 5.0 properties are not sent with MQTT 3.1 and 3.1.1.
 *
 * <p>Instances are immutable and thread-safe: byte arrays are copied in and out. Build one with
 * {@link #builder()} or {@link #of(String, byte[], MqttQos)}; derive a changed copy with {@link #mutate()}.
 */
public final class MqttMessage {

    /** The largest payload a PUBLISH can carry in theory: the largest Remaining Length, 268,435,455 bytes. */
    public static final int MAX_PAYLOAD_SIZE = Checks.MAX_VARIABLE_BYTE_INTEGER;

    private static final byte[] EMPTY = new byte[0];

    static {
        PayloadLending.register(new PayloadLending.Lender<Builder, MqttMessage>() {
            @Override
            public void adopt(Builder builder, byte[] payload) {
                builder.adoptPayload(payload);
            }

            @Override
            public byte[] read(MqttMessage message) {
                return message.payload;
            }
        });
    }

    private final MqttTopic topic;
    private final byte[] payload;
    private final MqttQos qos;
    private final boolean retain;
    private final @Nullable Duration messageExpiryInterval;
    private final PayloadFormatIndicator payloadFormatIndicator;
    private final @Nullable String contentType;
    private final @Nullable MqttTopic responseTopic;
    private final byte @Nullable [] correlationData;
    private final UserProperties userProperties;
    private final List<Integer> subscriptionIdentifiers;
    private final boolean topicAliasAllowed;

    private MqttMessage(Builder builder, MqttTopic topic) {
        this.topic = topic;
        this.payload = builder.payload;
        this.qos = builder.qos;
        this.retain = builder.retain;
        this.messageExpiryInterval = builder.messageExpiryInterval;
        this.payloadFormatIndicator = builder.payloadFormatIndicator;
        this.contentType = builder.contentType;
        this.responseTopic = builder.responseTopic;
        this.correlationData = builder.correlationData;
        this.userProperties = builder.userProperties;
        this.subscriptionIdentifiers = builder.subscriptionIdentifiers;
        this.topicAliasAllowed = builder.topicAliasAllowed;
    }

    /**
     * Returns a message with the given topic, payload and QoS, not retained and without properties.
     *
     * @param topic   the topic name
     * @param payload the payload; copied
     * @param qos     the QoS
     * @return the message
     * @throws NullPointerException                               if an argument is {@code null}
     * @throws io.mqttreactive.exception.InvalidTopicException    if {@code topic} is not a valid topic name
     * @throws IllegalArgumentException                           if the payload is too large
     */
    public static MqttMessage of(String topic, byte[] payload, MqttQos qos) {
        return builder().topic(topic).payload(payload).qos(qos).build();
    }

    /**
     * Returns a builder for a message; the topic must be set, everything else has a default: an empty
     * payload, QoS 0, not retained, no properties.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding every value of this message, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Returns the topic.
     *
     * @return the topic name
     */
    public MqttTopic topic() {
        return topic;
    }

    /**
     * Returns a copy of the payload.
     *
     * @return a new array; empty for an empty payload
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the payload as a read-only buffer, without copying.
     *
     * @return a read-only buffer positioned at 0 with the payload as its remaining bytes
     */
    public ByteBuffer payloadAsBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    /**
     * Returns the payload decoded as UTF-8, replacing malformed input.
     *
     * @return the payload as text
     */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Returns the payload size.
     *
     * @return the number of payload bytes
     */
    public int payloadSize() {
        return payload.length;
    }

    /**
     * Returns the QoS: the QoS to publish with, or the QoS the message was delivered with.
     *
     * @return the QoS
     */
    public MqttQos qos() {
        return qos;
    }

    /**
     * Returns the retain flag.
     *
     * @return {@code true} if the broker is to keep (or kept) this message as the retained message of its topic
     */
    public boolean retain() {
        return retain;
    }

    /**
     * Returns the MQTT 5.0 Message Expiry Interval.
     *
     * @return the lifetime of the message in whole seconds, or empty if it does not expire
     */
    public Optional<Duration> messageExpiryInterval() {
        return Optional.ofNullable(messageExpiryInterval);
    }

    /**
     * Returns the MQTT 5.0 Payload Format Indicator. A message built with {@link #builder()} always has a payload
     * that agrees with it. A received message carries the indicator its sender set and is delivered even when its
     * payload is not well-formed UTF-8: MQTT 5.0 lets the receiver, not the client, decide whether to check
     * (section 3.3.2.3.2); the JSON codecs of {@link io.mqttreactive.spi.PayloadCodec#json(Class)} do.
     *
     * @return the indicator; {@link PayloadFormatIndicator#UNSPECIFIED} by default
     */
    public PayloadFormatIndicator payloadFormatIndicator() {
        return payloadFormatIndicator;
    }

    /**
     * Returns the MQTT 5.0 Content Type, for example a MIME type.
     *
     * @return the content type, or empty
     */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * Returns the MQTT 5.0 Response Topic of a request.
     *
     * @return the topic to answer to, or empty
     */
    public Optional<MqttTopic> responseTopic() {
        return Optional.ofNullable(responseTopic);
    }

    /**
     * Returns a copy of the MQTT 5.0 Correlation Data of a request or response.
     *
     * @return a new array, or empty
     */
    public Optional<byte[]> correlationData() {
        return correlationData == null ? Optional.empty() : Optional.of(correlationData.clone());
    }

    /**
     * Returns the MQTT 5.0 user properties.
     *
     * @return the user properties, possibly empty
     */
    public UserProperties userProperties() {
        return userProperties;
    }

    /**
     * Returns the MQTT 5.0 Subscription Identifiers of the subscriptions a received message matched. Always
     * empty on messages to publish: a client never sends them [MQTT-3.3.4-6] (5.0).
     *
     * @return an unmodifiable list of identifiers, each 1..268,435,455
     */
    public List<Integer> subscriptionIdentifiers() {
        return subscriptionIdentifiers;
    }

    /**
     * Tells whether the client may send this message with an MQTT 5.0 topic alias (section 3.3.2.3.4) on a
     * connection where it uses them ({@link io.mqttreactive.options.FlowControlOptions#outgoingTopicAliasMaximum()}).
     * When false, its PUBLISH always carries the topic name and no alias, and takes no alias from other topics:
     * for a topic published once, or for a broker or bridge that mishandles aliases on some topics. A wire
     * matter only: the message is the same whether it went with an alias or not, and received messages always
     * say true.
     *
     * @return true by default
     */
    public boolean topicAliasAllowed() {
        return topicAliasAllowed;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MqttMessage that
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload)
                && qos == that.qos
                && retain == that.retain
                && Objects.equals(messageExpiryInterval, that.messageExpiryInterval)
                && payloadFormatIndicator == that.payloadFormatIndicator
                && Objects.equals(contentType, that.contentType)
                && Objects.equals(responseTopic, that.responseTopic)
                && Arrays.equals(correlationData, that.correlationData)
                && userProperties.equals(that.userProperties)
                && subscriptionIdentifiers.equals(that.subscriptionIdentifiers)
                && topicAliasAllowed == that.topicAliasAllowed;
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(topic, qos, retain, messageExpiryInterval, payloadFormatIndicator, contentType,
                responseTopic, userProperties, subscriptionIdentifiers, topicAliasAllowed);
        return 31 * (31 * result + Arrays.hashCode(payload)) + Arrays.hashCode(correlationData);
    }

    /**
     * Describes the message without its payload bytes.
     *
     * @return the topic, QoS, retain flag, payload size and the properties that are set
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MqttMessage{topic=").append(topic).append(", qos=").append(qos.code())
                .append(", retain=").append(retain).append(", payload=").append(payload.length).append(" bytes");
        if (messageExpiryInterval != null) {
            text.append(", messageExpiryInterval=").append(messageExpiryInterval);
        }
        if (payloadFormatIndicator != PayloadFormatIndicator.UNSPECIFIED) {
            text.append(", payloadFormatIndicator=").append(payloadFormatIndicator);
        }
        if (contentType != null) {
            text.append(", contentType=").append(contentType);
        }
        if (responseTopic != null) {
            text.append(", responseTopic=").append(responseTopic);
        }
        if (correlationData != null) {
            text.append(", correlationData=").append(correlationData.length).append(" bytes");
        }
        if (!userProperties.isEmpty()) {
            text.append(", userProperties=").append(userProperties);
        }
        if (!subscriptionIdentifiers.isEmpty()) {
            text.append(", subscriptionIdentifiers=").append(subscriptionIdentifiers);
        }
        if (!topicAliasAllowed) {
            text.append(", topicAliasAllowed=false");
        }
        return text.append('}').toString();
    }

    /**
     * Builds an {@link MqttMessage}. Not thread-safe; every setter validates its argument at once.
     */
    public static final class Builder {

        private @Nullable MqttTopic topic;
        private byte[] payload = EMPTY;
        private MqttQos qos = MqttQos.AT_MOST_ONCE;
        private boolean retain;
        private @Nullable Duration messageExpiryInterval;
        private PayloadFormatIndicator payloadFormatIndicator = PayloadFormatIndicator.UNSPECIFIED;
        private @Nullable String contentType;
        private @Nullable MqttTopic responseTopic;
        private byte @Nullable [] correlationData;
        private UserProperties userProperties = UserProperties.empty();
        private List<Integer> subscriptionIdentifiers = List.of();
        private boolean topicAliasAllowed = true;
        private boolean payloadAsReceived;

        private Builder() {
        }

        private Builder(MqttMessage message) {
            this.topic = message.topic;
            this.payload = message.payload;
            this.qos = message.qos;
            this.retain = message.retain;
            this.messageExpiryInterval = message.messageExpiryInterval;
            this.payloadFormatIndicator = message.payloadFormatIndicator;
            this.contentType = message.contentType;
            this.responseTopic = message.responseTopic;
            this.correlationData = message.correlationData;
            this.userProperties = message.userProperties;
            this.subscriptionIdentifiers = message.subscriptionIdentifiers;
            this.topicAliasAllowed = message.topicAliasAllowed;
        }

        /**
         * Sets the topic.
         *
         * @param topic the topic name
         * @return this builder
         * @throws NullPointerException                            if {@code topic} is {@code null}
         * @throws io.mqttreactive.exception.InvalidTopicException if {@code topic} is not a valid topic name
         */
        public Builder topic(String topic) {
            return topic(MqttTopic.of(topic));
        }

        /**
         * Sets the topic.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder topic(MqttTopic topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * Sets the payload.
         *
         * @param payload the payload; copied, so later changes to the array do not affect the message
         * @return this builder
         * @throws IllegalArgumentException if the payload is larger than {@link #MAX_PAYLOAD_SIZE}
         */
        public Builder payload(byte[] payload) {
            Objects.requireNonNull(payload, "payload");
            Checks.requireRange(payload.length, 0, MAX_PAYLOAD_SIZE, "payload size");
            this.payload = payload.clone();
            this.payloadAsReceived = false;
            return this;
        }

        private void adoptPayload(byte[] payload) {
            Checks.requireRange(payload.length, 0, MAX_PAYLOAD_SIZE, "payload size");
            this.payload = payload;
            this.payloadAsReceived = true;
        }

        /**
         * Sets the payload to the remaining bytes of a buffer, without changing the buffer's position.
         *
         * @param payload the payload; copied
         * @return this builder
         * @throws IllegalArgumentException if the payload is larger than {@link #MAX_PAYLOAD_SIZE}
         */
        public Builder payload(ByteBuffer payload) {
            Checks.requireRange(payload.remaining(), 0, MAX_PAYLOAD_SIZE, "payload size");
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            this.payload = bytes;
            this.payloadAsReceived = false;
            return this;
        }

        /**
         * Sets the payload to the UTF-8 encoding of a text. Does not change the payload format indicator.
         *
         * @param payload the text
         * @return this builder
         */
        public Builder payload(String payload) {
            return payload(payload.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets the QoS to publish with.
         *
         * @param qos the QoS; {@link MqttQos#AT_MOST_ONCE} by default
         * @return this builder
         */
        public Builder qos(MqttQos qos) {
            this.qos = Objects.requireNonNull(qos, "qos");
            return this;
        }

        /**
         * Sets the retain flag.
         *
         * @param retain whether the broker keeps the message as the retained message of its topic
         * @return this builder
         */
        public Builder retain(boolean retain) {
            this.retain = retain;
            return this;
        }

        /**
         * Sets the MQTT 5.0 Message Expiry Interval.
         *
         * @param interval whole seconds, 0..4,294,967,295, or {@code null} for a message that does not expire
         * @return this builder
         * @throws IllegalArgumentException if the interval is negative, too long or not whole seconds
         */
        public Builder messageExpiryInterval(@Nullable Duration interval) {
            this.messageExpiryInterval = interval == null ? null
                    : Checks.requireSeconds(interval, Checks.MAX_FOUR_BYTE_INTEGER, "message expiry interval");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Payload Format Indicator. With {@link PayloadFormatIndicator#UTF_8},
         * {@link #build()} checks that the payload is well-formed UTF-8.
         *
         * @param indicator the indicator
         * @return this builder
         */
        public Builder payloadFormatIndicator(PayloadFormatIndicator indicator) {
            this.payloadFormatIndicator = Objects.requireNonNull(indicator, "payloadFormatIndicator");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Content Type.
         *
         * @param contentType a valid MQTT UTF-8 string [MQTT-3.3.2-19] (5.0), or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code contentType} is not a valid MQTT UTF-8 string
         */
        public Builder contentType(@Nullable String contentType) {
            this.contentType = contentType == null ? null : MqttStrings.requireValid(contentType, "content type");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Response Topic.
         *
         * @param responseTopic a topic name without wildcards [MQTT-3.3.2-14] (5.0), or {@code null} for none
         * @return this builder
         * @throws io.mqttreactive.exception.InvalidTopicException if it is not a valid topic name
         */
        public Builder responseTopic(@Nullable String responseTopic) {
            return responseTopic(responseTopic == null ? null : MqttTopic.of(responseTopic));
        }

        /**
         * Sets the MQTT 5.0 Response Topic.
         *
         * @param responseTopic the topic to answer to, or {@code null} for none
         * @return this builder
         */
        public Builder responseTopic(@Nullable MqttTopic responseTopic) {
            this.responseTopic = responseTopic;
            return this;
        }

        /**
         * Sets the MQTT 5.0 Correlation Data.
         *
         * @param correlationData the data, copied, at most 65,535 bytes; or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if the data is longer than 65,535 bytes
         */
        public Builder correlationData(byte @Nullable [] correlationData) {
            if (correlationData != null) {
                Checks.requireRange(correlationData.length, 0, 65_535, "correlation data length");
            }
            this.correlationData = correlationData == null ? null : correlationData.clone();
            return this;
        }

        /**
         * Sets the MQTT 5.0 user properties.
         *
         * @param userProperties the user properties
         * @return this builder
         */
        public Builder userProperties(UserProperties userProperties) {
            this.userProperties = Objects.requireNonNull(userProperties, "userProperties");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Subscription Identifiers. Meant for the client implementation building received
         * messages; publishing a message that carries any is rejected [MQTT-3.3.4-6] (5.0).
         *
         * @param identifiers the identifiers, each 1..268,435,455; copied
         * @return this builder
         * @throws IllegalArgumentException if an identifier is out of range
         */
        public Builder subscriptionIdentifiers(List<Integer> identifiers) {
            List<Integer> copy = List.copyOf(identifiers);
            copy.forEach(id -> Checks.requireRange(id, 1, Checks.MAX_VARIABLE_BYTE_INTEGER, "subscription identifier"));
            this.subscriptionIdentifiers = copy;
            return this;
        }

        /**
         * Sets whether the client may send the message with an MQTT 5.0 topic alias; see
         * {@link MqttMessage#topicAliasAllowed()}.
         *
         * @param allowed false to always send the topic name and no alias; true by default
         * @return this builder
         */
        public Builder topicAliasAllowed(boolean allowed) {
            this.topicAliasAllowed = allowed;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws NullPointerException     if no topic was set
         * @throws IllegalArgumentException if the payload format indicator is UTF-8 and the payload is not
         *                                  well-formed UTF-8
         */
        public MqttMessage build() {
            MqttTopic checkedTopic = Objects.requireNonNull(topic, "topic must be set");
            if (payloadFormatIndicator == PayloadFormatIndicator.UTF_8 && !payloadAsReceived
                    && !MqttStrings.isWellFormedUtf8(payload)) {
                throw new IllegalArgumentException(
                        "the payload format indicator is UTF-8 but the payload is not well-formed UTF-8");
            }
            return new MqttMessage(this, checkedTopic);
        }
    }
}
