package io.mqttreactive.event;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.OverflowStrategy;
import io.mqttreactive.topic.MqttTopic;
import io.mqttreactive.topic.MqttTopicFilter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a client, published on {@link io.mqttreactive.MqttClient#events()}: connection
 * life cycle, broker disconnects, subscription outcomes, dropped messages and the session store. Meant for logging,
 * metrics and alerting; the outcome of an operation is always also its own signal.
 *
 * <p>Sealed: switch over the record kinds with pattern matching.
 */
public sealed interface MqttClientEvent {

    /**
     * The broker accepted a connection, on {@code connect()} or a reconnect.
     *
     * @param result what the CONNACK said
     */
    record Connected(ConnectResult result) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param result what the CONNACK said
         */
        public Connected {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A connection attempt failed.
     *
     * @param attempt the number of the attempt, 1 for {@code connect()} or the first reconnect attempt
     * @param cause   why it failed, for example an {@link io.mqttreactive.exception.MqttConnectException}
     */
    record ConnectFailed(long attempt, Throwable cause) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param attempt the number of the attempt, 1 for {@code connect()} or the first reconnect attempt
         * @param cause   why it failed, for example an {@link io.mqttreactive.exception.MqttConnectException}
         */
        public ConnectFailed {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The connection ended.
     *
     * @param cause empty after a {@code disconnect()} or {@code close()}; otherwise the error that ended it,
     *              for example an {@link io.mqttreactive.exception.MqttDisconnectedException} after a
     *              {@link ServerDisconnect}
     */
    record Disconnected(Optional<Throwable> cause) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param cause empty after a {@code disconnect()} or {@code close()}; otherwise the error that ended it,
         *              for example an {@link io.mqttreactive.exception.MqttDisconnectedException} after a
         *              {@link ServerDisconnect}
         */
        public Disconnected {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The broker sent DISCONNECT (MQTT 5.0); a {@link Disconnected} follows.
     *
     * @param reasonCode      the reason code
     * @param reasonString    the reason string, or empty
     * @param userProperties  the user properties
     * @param serverReference the server the broker redirects to, or empty
     */
    record ServerDisconnect(DisconnectReasonCode reasonCode, Optional<String> reasonString,
            UserProperties userProperties, Optional<String> serverReference) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param reasonCode      the reason code
         * @param reasonString    the reason string, or empty
         * @param userProperties  the user properties
         * @param serverReference the server the broker redirects to, or empty
         */
        public ServerDisconnect {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(reasonString, "reasonString");
            Objects.requireNonNull(userProperties, "userProperties");
            Objects.requireNonNull(serverReference, "serverReference");
        }
    }

    /**
     * A broker sent the client to another server, with reason Use another server (0x9C) or Server moved (0x9D) and
     * a Server Reference, and the client follows ({@link io.mqttreactive.options.FailoverOptions}).
     *
     * @param from      the server that sent the client away, as {@code host:port}
     * @param to        the server the client connects to now, as {@code host:port}
     * @param permanent whether the reason was Server moved rather than Use another server
     */
    record Redirected(String from, String to, boolean permanent) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param from      the server that sent the client away
         * @param to        the server the client connects to now
         * @param permanent whether the server moved
         */
        public Redirected {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The client will make a reconnect attempt after a delay.
     *
     * @param attempt the number of the coming attempt, starting at 1
     * @param delay   the wait before it
     */
    record Reconnecting(long attempt, Duration delay) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param attempt the number of the coming attempt, starting at 1
         * @param delay   the wait before it
         */
        public Reconnecting {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * The broker answered a SUBSCRIBE, including re-subscriptions after a reconnect.
     *
     * @param result what the SUBACK said
     */
    record Subscribed(SubscribeResult result) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param result what the SUBACK said
         */
        public Subscribed {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The broker answered an UNSUBSCRIBE, sent when a subscription was cancelled.
     *
     * @param filters     the topic filters, in order
     * @param reasonCodes one reason code per filter, in the same order
     */
    record Unsubscribed(List<MqttTopicFilter> filters, List<UnsubscribeReasonCode> reasonCodes)
            implements MqttClientEvent {

        /**
         * Creates the event; the lists are copied.
         *
         * @param filters     the topic filters, in order
         * @param reasonCodes one reason code per filter, in the same order
         */
        public Unsubscribed {
            filters = List.copyOf(filters);
            reasonCodes = List.copyOf(reasonCodes);
        }
    }

    /**
     * A QoS 0 message was dropped because a subscriber's buffer was full.
     *
     * @param subscription the filter of the subscription that lost it, or empty for
     *                     {@link io.mqttreactive.MqttClient#unsolicitedMessages()}
     * @param topic        the topic of the dropped message
     * @param strategy     the overflow strategy that dropped it
     * @param totalDropped how many messages this subscription has dropped so far, this one included
     */
    record MessageDropped(Optional<MqttTopicFilter> subscription, MqttTopic topic, OverflowStrategy strategy,
            long totalDropped) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param subscription the filter of the subscription that lost it, or empty for
         *                     {@link io.mqttreactive.MqttClient#unsolicitedMessages()}
         * @param topic        the topic of the dropped message
         * @param strategy     the overflow strategy that dropped it
         * @param totalDropped how many messages this subscription has dropped so far, this one included
         */
        public MessageDropped {
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /**
     * A subscription that acknowledges messages on entering its buffer
     * ({@link io.mqttreactive.options.AcknowledgeMode#onBuffer(int, long)}) ended with acknowledged messages it had
     * not emitted yet: they are discarded, and the broker, which has their acknowledgement, will not send them
     * again. The subscription ended because it was cancelled, unsubscribed, completed by {@code disconnect()} or
     * {@code close()}, or failed.
     *
     * @param subscription   the first topic filter of the subscription that discarded them
     * @param discarded      how many acknowledged messages it discarded
     * @param totalDiscarded how many acknowledged messages this client's subscriptions discarded so far, these
     *                       included
     */
    record BufferedMessagesDiscarded(MqttTopicFilter subscription, int discarded, long totalDiscarded)
            implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param subscription   the first topic filter of the subscription that discarded them
         * @param discarded      how many acknowledged messages it discarded
         * @param totalDiscarded how many acknowledged messages this client's subscriptions discarded so far, these
         *                       included
         */
        public BufferedMessagesDiscarded {
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * The broker sent more unacknowledged QoS 1 and 2 messages than the Receive Maximum this client announced
     * (MQTT 5.0 section 4.9), which some brokers do under load (mosquitto 2.0.11 does). The client keeps the
     * messages and delivers and acknowledges them in order as usual. It goes on reading, so that the
     * acknowledgements of its own publishes still arrive, until the broker sent a whole Receive Maximum more; then
     * it stops reading until the unacknowledged messages are fewer than that again, so the excess backs up in TCP
     * rather than in memory. Told once each time the broker goes over the Receive Maximum.
     *
     * @param receiveMaximum the Receive Maximum the client announced
     * @param unacknowledged the number of messages the client had not acknowledged yet, the newest one included
     * @param totalExceeded  how many messages arrived beyond the Receive Maximum on this client so far
     */
    record ReceiveMaximumExceeded(int receiveMaximum, int unacknowledged, long totalExceeded)
            implements MqttClientEvent {
    }

    /**
     * The client loaded the unfinished session state a {@link io.mqttreactive.spi.SessionStore} kept for its
     * client identifier, on its first connect without clean start, before it sent the CONNECT: typically what a
     * previous process left when it crashed or closed with messages in flight. With the session present on the
     * broker the restored messages are re-sent with DUP set and their original packet identifiers, and PUBREL
     * for those the broker already received ([MQTT-4.4.0-1], [MQTT-4.6.0-1]); without it they are published
     * again as new messages, except QoS 2 messages the broker already received, which complete. Each restored
     * message ends with a {@link RestoredPublishFinished}. Emitted on every such first connect with a store, with
     * counts of 0 when the store kept nothing.
     *
     * @param clientId         the client identifier the state was stored under
     * @param outboundMessages how many outbound QoS 1 and 2 messages were restored
     * @param inboundPacketIds how many inbound QoS 2 packet identifiers awaiting PUBREL were restored
     */
    record SessionRestored(String clientId, int outboundMessages, int inboundPacketIds) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param clientId         the client identifier the state was stored under
         * @param outboundMessages how many outbound QoS 1 and 2 messages were restored
         * @param inboundPacketIds how many inbound QoS 2 packet identifiers awaiting PUBREL were restored
         */
        public SessionRestored {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /**
     * A message restored from the session store ({@link SessionRestored}) finished its flow; no publish
     * {@code Mono} of this client carries its outcome, this event does.
     *
     * @param message   the restored message
     * @param failure   empty when the broker acknowledged it, otherwise why it failed, as a publish
     *                  {@code Mono} would have: for example an {@link io.mqttreactive.exception.MqttPublishException}
     *                  for a reason code of 0x80 or more, or an
     *                  {@link io.mqttreactive.exception.MqttClientClosedException}
     * @param remaining how many restored messages of this client are still unfinished; 0 once all are done
     */
    record RestoredPublishFinished(MqttMessage message, Optional<Throwable> failure, int remaining)
            implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param message   the restored message
         * @param failure   empty when the broker acknowledged it, otherwise why it failed, as a publish
         *                  {@code Mono} would have: for example an
         *                  {@link io.mqttreactive.exception.MqttPublishException} for a reason code of 0x80 or more,
         *                  or an
         *                  {@link io.mqttreactive.exception.MqttClientClosedException}
         * @param remaining how many restored messages of this client are still unfinished; 0 once all are done
         */
        public RestoredPublishFinished {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * An operation of the {@link io.mqttreactive.spi.SessionStore} failed. A message that could not be stored
     * before its PUBLISH fails its publish {@code Mono} and is not sent; a later change of an in-flight message
     * or of an inbound QoS 2 packet identifier that could not be stored does not stop the flow, which goes on in
     * memory, but what the store holds is then out of date, so after a process crash that message may be
     * delivered twice. Loading a session that fails also fails the connect.
     *
     * @param operation     the store operation, as in {@code "storeOutbound"}
     * @param cause         the store's error
     * @param totalFailures how many store operations of this client failed so far, this one included
     */
    record SessionStoreFailed(String operation, Throwable cause, long totalFailures) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param operation     the store operation, as in {@code "storeOutbound"}
         * @param cause         the store's error
         * @param totalFailures how many store operations of this client failed so far, this one included
         */
        public SessionStoreFailed {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The {@link io.mqttreactive.spi.SessionStore} of this client found damaged or cut-short records in what it
     * keeps when it was opened, discarded them, and kept every record around them that it could prove intact
     * (see {@link io.mqttreactive.spi.SessionStore#discardedOnOpen()}). Whatever the discarded records held is
     * lost from the session: a message stored in one is not re-sent after a restart, and a change recorded in one
     * (a message's completion, for example) did not happen as far as the store knows, so that message may be
     * delivered twice. The damage cannot be traced to a client identifier, so every client using the store is
     * told, once, before its first CONNECT. A crash in the middle of a write leaves a cut-short record at the end,
     * whose operation never completed; anything else points at a failing disk or at something else writing the
     * files.
     *
     * @param location where the store keeps the damaged data, such as the path of its log file
     * @param ranges   the discarded byte ranges, in order; never empty
     */
    record SessionStoreRecordsDiscarded(String location, List<Range> ranges) implements MqttClientEvent {

        /**
         * Creates the event; the list is copied.
         *
         * @param location where the store keeps the damaged data, such as the path of its log file
         * @param ranges   the discarded byte ranges, in order; never empty
         * @throws IllegalArgumentException if {@code ranges} is empty
         */
        public SessionStoreRecordsDiscarded {
            Objects.requireNonNull(location, "location");
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("at least one discarded range is needed");
            }
        }

        /**
         * Returns how many bytes were discarded in all.
         *
         * @return the sum of the ranges' lengths
         */
        public long discardedBytes() {
            return ranges.stream().mapToLong(Range::length).sum();
        }

        /**
         * A stretch of the store's data that was discarded: one damaged record, several in a row, or, when the
         * damage hides where the records end, everything from the damage to the end.
         *
         * @param offset where it starts, in bytes from the start of the file
         * @param length how many bytes it covers
         */
        public record Range(long offset, long length) {

            /**
             * Creates the range.
             *
             * @param offset where it starts, in bytes from the start of the file
             * @param length how many bytes it covers
             * @throws IllegalArgumentException if {@code offset} is negative or {@code length} is not positive
             */
            public Range {
                if (offset < 0 || length <= 0) {
                    throw new IllegalArgumentException("invalid range: offset " + offset + ", length " + length);
                }
            }
        }
    }

    /**
     * Automatic reconnect ended without a connection: the connection was lost with a failure that rules out
     * reconnecting (a protocol error, a server DISCONNECT whose reason would repeat, such as not authorized or
     * session taken over, or a JVM {@link Error} such as an {@link OutOfMemoryError}, told as an
     * {@link io.mqttreactive.exception.MqttJvmErrorException}), or an attempt failed that way (bad credentials, not authorized, a refused TLS
     * handshake), or {@link io.mqttreactive.options.ReconnectOptions#maxAttempts()} attempts failed. The
     * subscriptions and the waiting publishes have failed with {@code cause}; the client is
     * {@link ConnectionState#DISCONNECTED} and {@code connect()} may be called again. Not told after
     * {@code disconnect()} or {@code close()}, nor when reconnect is off.
     *
     * @param attempts the number of reconnect attempts made; 0 when the lost connection's failure ruled out
     *                 reconnecting
     * @param cause    the failure that ended reconnecting
     */
    record ReconnectGaveUp(long attempts, Throwable cause) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param attempts the number of reconnect attempts made; 0 when the lost connection's failure ruled out
         *                 reconnecting
         * @param cause    the failure that ended reconnecting
         */
        public ReconnectGaveUp {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * A publish made while the client was not connected was dropped from the full offline queue to make room
     * for a newer one, as {@link io.mqttreactive.options.OfflineQueueOverflow#DROP_OLDEST} asks; its
     * {@code Mono} errors with {@link io.mqttreactive.exception.MqttBufferFullException}.
     *
     * @param topic        the topic of the dropped message
     * @param qos          its QoS
     * @param totalDropped how many publishes this client dropped from its offline queue so far
     */
    record OfflinePublishDropped(MqttTopic topic, MqttQos qos, long totalDropped) implements MqttClientEvent {

        /**
         * Creates the event.
         *
         * @param topic        the topic of the dropped message
         * @param qos          its QoS
         * @param totalDropped how many publishes this client dropped from its offline queue so far
         */
        public OfflinePublishDropped {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(qos, "qos");
        }
    }

    /**
     * A subscription made while the client was not connected was dropped from the full offline subscription queue
     * to make room for a newer one, as {@link io.mqttreactive.options.OfflineQueueOverflow#DROP_OLDEST} asks; its
     * {@code Flux} errors with {@link io.mqttreactive.exception.MqttBufferFullException}.
     *
     * @param filters      the topic filters its SUBSCRIBE would have carried
     * @param totalDropped how many subscriptions this client dropped from its offline subscription queue so far
     */
    record OfflineSubscriptionDropped(List<MqttTopicFilter> filters, long totalDropped) implements MqttClientEvent {

        /**
         * Creates the event; the list is copied.
         *
         * @param filters      the topic filters its SUBSCRIBE would have carried
         * @param totalDropped how many subscriptions this client dropped from its offline subscription queue so far
         */
        public OfflineSubscriptionDropped {
            filters = List.copyOf(filters);
        }
    }
}
