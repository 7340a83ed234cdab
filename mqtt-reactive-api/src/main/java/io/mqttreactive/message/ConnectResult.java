package io.mqttreactive.message;

import io.mqttreactive.MqttQos;
import io.mqttreactive.internal.Checks;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the broker's CONNACK said about an accepted connection: whether a session was resumed, and the limits
 * and features the broker announced (MQTT 5.0 section 3.2.2.3).
 *
 * <p>A property the broker did not send has the value the specification gives its absence, which is also
 * what MQTT 3.1 and 3.1.1 connections report: receive maximum 65,535, maximum QoS 2, retain available,
 * maximum packet size {@value #UNLIMITED_PACKET_SIZE} (no limit but the protocol's), topic alias maximum 0,
 * and wildcard, subscription identifier and shared subscriptions available.
 */
public final class ConnectResult {

    /** The maximum packet size reported when the broker sets no limit: the largest packet MQTT allows. */
    public static final int UNLIMITED_PACKET_SIZE = Checks.MAX_PACKET_SIZE;

    private final boolean sessionPresent;
    private final @Nullable String assignedClientIdentifier;
    private final @Nullable Duration sessionExpiryInterval;
    private final @Nullable Duration serverKeepAlive;
    private final int receiveMaximum;
    private final MqttQos maximumQos;
    private final boolean retainAvailable;
    private final int maximumPacketSize;
    private final int topicAliasMaximum;
    private final boolean wildcardSubscriptionAvailable;
    private final boolean subscriptionIdentifiersAvailable;
    private final boolean sharedSubscriptionAvailable;
    private final @Nullable String responseInformation;
    private final @Nullable String serverReference;
    private final @Nullable String reasonString;
    private final UserProperties userProperties;

    private ConnectResult(Builder builder) {
        this.sessionPresent = builder.sessionPresent;
        this.assignedClientIdentifier = builder.assignedClientIdentifier;
        this.sessionExpiryInterval = builder.sessionExpiryInterval;
        this.serverKeepAlive = builder.serverKeepAlive;
        this.receiveMaximum = builder.receiveMaximum;
        this.maximumQos = builder.maximumQos;
        this.retainAvailable = builder.retainAvailable;
        this.maximumPacketSize = builder.maximumPacketSize;
        this.topicAliasMaximum = builder.topicAliasMaximum;
        this.wildcardSubscriptionAvailable = builder.wildcardSubscriptionAvailable;
        this.subscriptionIdentifiersAvailable = builder.subscriptionIdentifiersAvailable;
        this.sharedSubscriptionAvailable = builder.sharedSubscriptionAvailable;
        this.responseInformation = builder.responseInformation;
        this.serverReference = builder.serverReference;
        this.reasonString = builder.reasonString;
        this.userProperties = builder.userProperties;
    }

    /**
     * Returns a builder with the values of an absent property for everything, and no session present. Meant
     * for the client implementation decoding a CONNACK, and for tests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether the broker resumed a session it held for this client identifier.
     *
     * @return the CONNACK Session Present flag
     */
    public boolean sessionPresent() {
        return sessionPresent;
    }

    /**
     * Returns the client identifier the broker assigned because the client sent an empty one
     * [MQTT-3.2.2-16] (5.0).
     *
     * @return the assigned identifier, or empty
     */
    public Optional<String> assignedClientIdentifier() {
        return Optional.ofNullable(assignedClientIdentifier);
    }

    /**
     * Returns the session expiry interval the broker chose instead of the one the client asked for.
     *
     * @return the broker's interval, or empty if the client's applies
     */
    public Optional<Duration> sessionExpiryInterval() {
        return Optional.ofNullable(sessionExpiryInterval);
    }

    /**
     * Returns the keep alive the broker imposes instead of the client's [MQTT-3.1.2-21] (5.0).
     *
     * @return the server keep alive, or empty if the client's applies
     */
    public Optional<Duration> serverKeepAlive() {
        return Optional.ofNullable(serverKeepAlive);
    }

    /**
     * Returns how many QoS 1 and 2 publishes the broker accepts in flight from this client.
     *
     * @return 1..65,535
     */
    public int receiveMaximum() {
        return receiveMaximum;
    }

    /**
     * Returns the highest QoS the broker accepts in publishes from this client [MQTT-3.2.2-11] (5.0).
     *
     * @return the maximum QoS
     */
    public MqttQos maximumQos() {
        return maximumQos;
    }

    /**
     * Tells whether the broker accepts retained messages [MQTT-3.2.2-14] (5.0).
     *
     * @return {@code false} if the client must not publish with the retain flag
     */
    public boolean retainAvailable() {
        return retainAvailable;
    }

    /**
     * Returns the largest packet the broker accepts [MQTT-3.2.2-15] (5.0).
     *
     * @return the size in bytes; {@link #UNLIMITED_PACKET_SIZE} if the broker sets no limit
     */
    public int maximumPacketSize() {
        return maximumPacketSize;
    }

    /**
     * Returns the highest topic alias the broker accepts from this client [MQTT-3.2.2-17] (5.0).
     *
     * @return 0..65,535; 0 means no topic aliases may be sent
     */
    public int topicAliasMaximum() {
        return topicAliasMaximum;
    }

    /**
     * Tells whether the broker supports wildcard subscriptions.
     *
     * @return the Wildcard Subscription Available property
     */
    public boolean wildcardSubscriptionAvailable() {
        return wildcardSubscriptionAvailable;
    }

    /**
     * Tells whether the broker supports subscription identifiers.
     *
     * @return the Subscription Identifiers Available property
     */
    public boolean subscriptionIdentifiersAvailable() {
        return subscriptionIdentifiersAvailable;
    }

    /**
     * Tells whether the broker supports shared subscriptions.
     *
     * @return the Shared Subscription Available property
     */
    public boolean sharedSubscriptionAvailable() {
        return sharedSubscriptionAvailable;
    }

    /**
     * Returns the Response Information the broker sent, if the client requested it.
     *
     * @return the response information, or empty
     */
    public Optional<String> responseInformation() {
        return Optional.ofNullable(responseInformation);
    }

    /**
     * Returns the other server the broker suggests.
     *
     * @return the Server Reference, or empty
     */
    public Optional<String> serverReference() {
        return Optional.ofNullable(serverReference);
    }

    /**
     * Returns the reason string of the CONNACK.
     *
     * @return the reason string, or empty
     */
    public Optional<String> reasonString() {
        return Optional.ofNullable(reasonString);
    }

    /**
     * Returns the user properties of the CONNACK.
     *
     * @return the user properties, possibly empty
     */
    public UserProperties userProperties() {
        return userProperties;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ConnectResult that
                && sessionPresent == that.sessionPresent
                && Objects.equals(assignedClientIdentifier, that.assignedClientIdentifier)
                && Objects.equals(sessionExpiryInterval, that.sessionExpiryInterval)
                && Objects.equals(serverKeepAlive, that.serverKeepAlive)
                && receiveMaximum == that.receiveMaximum
                && maximumQos == that.maximumQos
                && retainAvailable == that.retainAvailable
                && maximumPacketSize == that.maximumPacketSize
                && topicAliasMaximum == that.topicAliasMaximum
                && wildcardSubscriptionAvailable == that.wildcardSubscriptionAvailable
                && subscriptionIdentifiersAvailable == that.subscriptionIdentifiersAvailable
                && sharedSubscriptionAvailable == that.sharedSubscriptionAvailable
                && Objects.equals(responseInformation, that.responseInformation)
                && Objects.equals(serverReference, that.serverReference)
                && Objects.equals(reasonString, that.reasonString)
                && userProperties.equals(that.userProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionPresent, assignedClientIdentifier, sessionExpiryInterval, serverKeepAlive,
                receiveMaximum, maximumQos, retainAvailable, maximumPacketSize, topicAliasMaximum,
                wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                responseInformation, serverReference, reasonString, userProperties);
    }

    @Override
    public String toString() {
        return "ConnectResult{sessionPresent=" + sessionPresent
                + ", assignedClientIdentifier=" + assignedClientIdentifier
                + ", sessionExpiryInterval=" + sessionExpiryInterval
                + ", serverKeepAlive=" + serverKeepAlive
                + ", receiveMaximum=" + receiveMaximum
                + ", maximumQos=" + maximumQos.code()
                + ", retainAvailable=" + retainAvailable
                + ", maximumPacketSize=" + maximumPacketSize
                + ", topicAliasMaximum=" + topicAliasMaximum
                + ", wildcardSubscriptionAvailable=" + wildcardSubscriptionAvailable
                + ", subscriptionIdentifiersAvailable=" + subscriptionIdentifiersAvailable
                + ", sharedSubscriptionAvailable=" + sharedSubscriptionAvailable
                + ", responseInformation=" + responseInformation
                + ", serverReference=" + serverReference
                + ", reasonString=" + reasonString
                + ", userProperties=" + userProperties + '}';
    }

    /**
     * Builds a {@link ConnectResult}; each setter is named after the CONNACK property it takes and validates it
     * at once. Not thread-safe.
     */
    public static final class Builder {

        private boolean sessionPresent;
        private @Nullable String assignedClientIdentifier;
        private @Nullable Duration sessionExpiryInterval;
        private @Nullable Duration serverKeepAlive;
        private int receiveMaximum = Checks.MAX_TWO_BYTE_INTEGER;
        private MqttQos maximumQos = MqttQos.EXACTLY_ONCE;
        private boolean retainAvailable = true;
        private int maximumPacketSize = UNLIMITED_PACKET_SIZE;
        private int topicAliasMaximum;
        private boolean wildcardSubscriptionAvailable = true;
        private boolean subscriptionIdentifiersAvailable = true;
        private boolean sharedSubscriptionAvailable = true;
        private @Nullable String responseInformation;
        private @Nullable String serverReference;
        private @Nullable String reasonString;
        private UserProperties userProperties = UserProperties.empty();

        private Builder() {
        }

        /**
         * Sets the Session Present flag.
         *
         * @param sessionPresent whether a session was resumed
         * @return this builder
         */
        public Builder sessionPresent(boolean sessionPresent) {
            this.sessionPresent = sessionPresent;
            return this;
        }

        /**
         * Sets the Assigned Client Identifier.
         *
         * @param identifier the identifier, or {@code null}
         * @return this builder
         */
        public Builder assignedClientIdentifier(@Nullable String identifier) {
            this.assignedClientIdentifier = identifier;
            return this;
        }

        /**
         * Sets the Session Expiry Interval.
         *
         * @param interval whole seconds up to 4,294,967,295, or {@code null}
         * @return this builder
         */
        public Builder sessionExpiryInterval(@Nullable Duration interval) {
            this.sessionExpiryInterval = interval == null ? null
                    : Checks.requireSeconds(interval, Checks.MAX_FOUR_BYTE_INTEGER, "session expiry interval");
            return this;
        }

        /**
         * Sets the Server Keep Alive.
         *
         * @param keepAlive whole seconds up to 65,535, or {@code null}
         * @return this builder
         */
        public Builder serverKeepAlive(@Nullable Duration keepAlive) {
            this.serverKeepAlive = keepAlive == null ? null
                    : Checks.requireSeconds(keepAlive, Checks.MAX_TWO_BYTE_INTEGER, "server keep alive");
            return this;
        }

        /**
         * Sets the Receive Maximum.
         *
         * @param receiveMaximum 1..65,535
         * @return this builder
         */
        public Builder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = Checks.requireRange(receiveMaximum, 1, Checks.MAX_TWO_BYTE_INTEGER,
                    "receive maximum");
            return this;
        }

        /**
         * Sets the Maximum QoS.
         *
         * @param maximumQos the maximum QoS
         * @return this builder
         */
        public Builder maximumQos(MqttQos maximumQos) {
            this.maximumQos = Objects.requireNonNull(maximumQos, "maximumQos");
            return this;
        }

        /**
         * Sets Retain Available.
         *
         * @param retainAvailable whether retained messages are supported
         * @return this builder
         */
        public Builder retainAvailable(boolean retainAvailable) {
            this.retainAvailable = retainAvailable;
            return this;
        }

        /**
         * Sets the Maximum Packet Size.
         *
         * @param maximumPacketSize 1..{@value #UNLIMITED_PACKET_SIZE} bytes
         * @return this builder
         */
        public Builder maximumPacketSize(int maximumPacketSize) {
            this.maximumPacketSize = Checks.requireRange(maximumPacketSize, 1, UNLIMITED_PACKET_SIZE,
                    "maximum packet size");
            return this;
        }

        /**
         * Sets the Topic Alias Maximum.
         *
         * @param topicAliasMaximum 0..65,535
         * @return this builder
         */
        public Builder topicAliasMaximum(int topicAliasMaximum) {
            this.topicAliasMaximum = Checks.requireRange(topicAliasMaximum, 0, Checks.MAX_TWO_BYTE_INTEGER,
                    "topic alias maximum");
            return this;
        }

        /**
         * Sets Wildcard Subscription Available.
         *
         * @param available whether wildcard subscriptions are supported
         * @return this builder
         */
        public Builder wildcardSubscriptionAvailable(boolean available) {
            this.wildcardSubscriptionAvailable = available;
            return this;
        }

        /**
         * Sets Subscription Identifiers Available.
         *
         * @param available whether subscription identifiers are supported
         * @return this builder
         */
        public Builder subscriptionIdentifiersAvailable(boolean available) {
            this.subscriptionIdentifiersAvailable = available;
            return this;
        }

        /**
         * Sets Shared Subscription Available.
         *
         * @param available whether shared subscriptions are supported
         * @return this builder
         */
        public Builder sharedSubscriptionAvailable(boolean available) {
            this.sharedSubscriptionAvailable = available;
            return this;
        }

        /**
         * Sets the Response Information.
         *
         * @param responseInformation the response information, or {@code null}
         * @return this builder
         */
        public Builder responseInformation(@Nullable String responseInformation) {
            this.responseInformation = responseInformation;
            return this;
        }

        /**
         * Sets the Server Reference.
         *
         * @param serverReference the server reference, or {@code null}
         * @return this builder
         */
        public Builder serverReference(@Nullable String serverReference) {
            this.serverReference = serverReference;
            return this;
        }

        /**
         * Sets the Reason String.
         *
         * @param reasonString the reason string, or {@code null}
         * @return this builder
         */
        public Builder reasonString(@Nullable String reasonString) {
            this.reasonString = reasonString;
            return this;
        }

        /**
         * Sets the user properties.
         *
         * @param userProperties the user properties
         * @return this builder
         */
        public Builder userProperties(UserProperties userProperties) {
            this.userProperties = Objects.requireNonNull(userProperties, "userProperties");
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public ConnectResult build() {
            return new ConnectResult(this);
        }
    }
}
