package io.mqttreactive;

import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.DisconnectOptions;
import io.mqttreactive.options.RequesterOptions;
import io.mqttreactive.topic.MqttTopicFilter;

import java.util.List;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A non-blocking MQTT client: one logical connection to one broker, with its session, subscriptions and
 * in-flight messages. Create one with {@link MqttClients}.
 *
 * <p><b>Cold and lazy.</b> Every method returning a {@code Mono} or {@code Flux} does nothing until that
 * publisher is subscribed, and does it again on each subscription. Invalid arguments are rejected when the
 * method is called, before any publisher is returned and before any I/O, with
 * {@link IllegalArgumentException} (for topics {@link io.mqttreactive.exception.InvalidTopicException}) or
 * {@link NullPointerException}. Failures of the operation itself are error signals carrying an
 * {@link io.mqttreactive.exception.MqttException}.
 *
 * <p><b>Threading.</b> All protocol state of a connection lives on its event loop. Signals of the returned
 * publishers, and the values they carry, arrive on that event loop: subscribers must not block it (use
 * {@code publishOn} to move slow work elsewhere). Nothing ever blocks the caller's thread: where a bound is
 * reached the operation waits asynchronously or fails with
 * {@link io.mqttreactive.exception.MqttBufferFullException}. All methods are thread-safe.
 *
 * <p><b>Not connected.</b> Publishes and subscriptions made while a connection may still come (before
 * {@link #connect()}, while connecting and during a reconnect) wait in bounded offline queues and are sent once
 * connected ({@link io.mqttreactive.options.FlowControlOptions#offlineQueueSize()},
 * {@link io.mqttreactive.options.FlowControlOptions#offlineSubscriptionQueueSize()}). After {@link #disconnect()},
 * or once reconnecting gave up, a publish fails at once with
 * {@link io.mqttreactive.exception.MqttNotConnectedException} until {@link #connect()} is called again; see
 * {@link #publish(io.mqttreactive.message.MqttMessage)}.
 */
public interface MqttClient {

    /**
     * Returns the options this client was created with.
     *
     * @return the options
     */
    MqttClientOptions options();

    /**
     * Connects: opens the network connection, sends CONNECT and waits for the CONNACK, within
     * {@link MqttClientOptions#connectTimeout()}.
     *
     * <p>If the connection is lost later and {@link io.mqttreactive.options.ReconnectOptions#enabled()} is
     * set, the client reconnects on its own; this {@code Mono} is not involved. A failed attempt is retried only
     * within {@link io.mqttreactive.options.ReconnectOptions#connectRetry()} (off by default), for services that
     * may start before their broker. Subscribing while already connected completes with the current
     * connection's result; cancelling while connecting abandons the attempt and closes the connection.
     *
     * @return a cold {@code Mono} emitting what the broker's CONNACK said; errors with
     *         {@link io.mqttreactive.exception.MqttConnectException} or
     *         {@link io.mqttreactive.exception.MqttServerUnavailableException} if the broker refuses,
     *         {@link io.mqttreactive.exception.MqttTimeoutException} on timeout,
     *         {@link io.mqttreactive.exception.MqttConnectionClosedException} on network failure,
     *         {@link io.mqttreactive.exception.MqttJvmErrorException} if the JVM raised an {@link Error} (such as an
     *         {@link OutOfMemoryError} while a large packet was read), and
     *         {@link io.mqttreactive.exception.MqttClientClosedException} after {@link #close()}. An {@code Error}
     *         is never taken for a network failure: it is wrapped, as the cause of an
     *         {@link io.mqttreactive.exception.MqttJvmErrorException}, so that every error signal stays an
     *         {@code MqttException}, and automatic reconnect stops on it (a retry would fetch the same message and
     *         fail again), failing subscriptions and waiting publishes with it and emitting
     *         {@link MqttClientEvent.ReconnectGaveUp}
     */
    Mono<ConnectResult> connect();

    /**
     * Disconnects normally: sends DISCONNECT with reason code
     * {@link DisconnectReasonCode#NORMAL_DISCONNECTION} (the broker discards the will), closes the connection
     * and stops reconnecting. The same as {@code disconnect(DisconnectOptions.DEFAULT)}.
     *
     * @return a cold {@code Mono} completing when the connection is closed; completes at once if not connected
     * @see #disconnect(DisconnectOptions)
     */
    default Mono<Void> disconnect() {
        return disconnect(DisconnectOptions.DEFAULT);
    }

    /**
     * Disconnects with a reason code, for example {@link DisconnectReasonCode#DISCONNECT_WITH_WILL_MESSAGE} to
     * have the broker publish the will (MQTT 5.0).
     *
     * @param reasonCode a reason code a client may send
     * @return a cold {@code Mono} completing when the connection is closed
     * @throws IllegalArgumentException if only a broker may send {@code reasonCode}
     * @see #disconnect(DisconnectOptions)
     */
    default Mono<Void> disconnect(DisconnectReasonCode reasonCode) {
        return disconnect(DisconnectOptions.of(reasonCode));
    }

    /**
     * Disconnects: sends DISCONNECT with the given options, closes the connection [MQTT-3.14.4-1] (3.1.1) and
     * stops reconnecting. Active subscriptions complete without UNSUBSCRIBE (a persistent session keeps them
     * at the broker); publishes not yet acknowledged fail with an
     * {@link io.mqttreactive.exception.MqttConnectionClosedException} and leave the session store, so that no
     * later client sends a message whose publish failed. The client can connect again.
     *
     * @param options the reason code, session expiry interval, reason string and user properties (MQTT 5.0)
     * @return a cold {@code Mono} completing when the connection is closed; completes at once if not connected
     */
    Mono<Void> disconnect(DisconnectOptions options);

    /**
     * Publishes a message. Completes when the protocol says the message is delivered to the broker: QoS 0 when
     * written to the network, QoS 1 on PUBACK, QoS 2 on PUBCOMP.
     *
     * <p>At most the smaller of the broker's Receive Maximum and
     * {@link io.mqttreactive.options.FlowControlOptions#maximumInflightPublishes()} QoS 1 and 2 messages are in
     * flight; others wait in a bounded queue. Cancelling before the message was written withdraws it; after, it
     * only stops waiting for the acknowledgement.
     *
     * <p>While the client is not connected, the message waits in the offline queue
     * ({@link io.mqttreactive.options.FlowControlOptions#offlineQueueSize()}, with its overflow policy) for as
     * long as a connection may come: before the first {@link #connect()} (there is no time limit: it waits for
     * that call), while connecting, and while reconnecting. Once a connection has ended with nothing to
     * reconnect it (lost without automatic reconnect, reconnecting gave up, or {@link #disconnect()}), a publish
     * fails at once with {@link io.mqttreactive.exception.MqttNotConnectedException} until {@link #connect()} is
     * called again.
     *
     * <p>A QoS 1 or 2 message is written to the session store of the
     * {@linkplain io.mqttreactive.options.SessionOptions#store() session options} before its PUBLISH is sent and
     * removed when this {@code Mono} signals, so after a process crash a client with the same client identifier
     * and store finishes it (see {@link io.mqttreactive.event.MqttClientEvent.SessionRestored}).
     *
     * @param message the message; it must carry no subscription identifiers [MQTT-3.3.4-6] (5.0)
     * @return a cold {@code Mono} emitting the result; errors with
     *         {@link io.mqttreactive.exception.MqttPublishException} if the broker rejects it (reason code 0x80
     *         or more) or announced it cannot accept it (QoS above its maximum, retain unavailable),
     *         {@link io.mqttreactive.exception.MqttPacketTooLargeException} if it exceeds the broker's maximum
     *         packet size, {@link io.mqttreactive.exception.MqttBufferFullException} if the queue is full
     *         (after waiting up to {@link io.mqttreactive.options.FlowControlOptions#maximumPublishWait()} for
     *         room, zero by default),
     *         {@link io.mqttreactive.exception.MqttNotConnectedException} if no connection is coming, and
     *         {@link io.mqttreactive.exception.MqttSessionStoreException} (or the store's own
     *         {@code MqttException}) if the session store cannot keep it, in which case it is not sent
     * @throws IllegalArgumentException if the message carries subscription identifiers
     */
    Mono<PublishResult> publish(MqttMessage message);

    /**
     * Publishes a stream of messages with backpressure: requests messages from {@code messages} only as
     * in-flight slots free up and the connection can take more, so a fast source never fills memory.
     *
     * <p>Unlike single publishes, the messages of a stream never fail because a queue is full: when the pending
     * queue ({@link io.mqttreactive.options.FlowControlOptions#maximumPendingPublishes()} and
     * {@link io.mqttreactive.options.FlowControlOptions#maximumPendingBytes()}) or, while a connection is coming,
     * the offline queue is full (as when many streams publish at once, or during an outage), a message waits for
     * room and the stream stops requesting more until it has gone on. Concurrent streams share the room in the
     * order their messages arrived.
     *
     * @param messages the messages, in order
     * @return a cold {@code Flux} emitting one result per message, in the order of {@code messages}; errors
     *         with the first failure (see {@link #publish(MqttMessage)}) or the error of {@code messages}, and
     *         completes after the last result
     */
    Flux<PublishResult> publish(Publisher<MqttMessage> messages);

    /**
     * Subscribes to a topic filter with default options; see {@link #subscribe(SubscribeRequest)}.
     *
     * @param filter the topic filter, possibly shared ({@code $share/group/filter})
     * @param maxQos the maximum QoS to receive with
     * @return a cold {@code Flux} of the matching messages
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code filter} is not a valid topic filter
     */
    default Flux<MqttMessage> subscribe(String filter, MqttQos maxQos) {
        return subscribe(SubscribeRequest.of(Subscription.of(filter, maxQos)));
    }

    /**
     * Subscribes to a topic filter with default options; see {@link #subscribe(SubscribeRequest)}.
     *
     * @param filter the topic filter
     * @param maxQos the maximum QoS to receive with
     * @return a cold {@code Flux} of the matching messages
     */
    default Flux<MqttMessage> subscribe(MqttTopicFilter filter, MqttQos maxQos) {
        return subscribe(SubscribeRequest.of(Subscription.of(filter, maxQos)));
    }

    /**
     * Subscribes to several topic filters in one SUBSCRIBE; see {@link #subscribe(SubscribeRequest)}.
     *
     * @param subscriptions the subscriptions; at least one
     * @return a cold {@code Flux} of the messages matching any of them
     * @throws IllegalArgumentException if {@code subscriptions} is empty
     */
    default Flux<MqttMessage> subscribe(List<Subscription> subscriptions) {
        return subscribe(SubscribeRequest.of(subscriptions));
    }

    /**
     * Subscribes: sends SUBSCRIBE when the returned {@code Flux} is subscribed, emits every message whose topic
     * matches one of the request's filters, and sends UNSUBSCRIBE when it is cancelled.
     *
     * <p>The client routes received messages by topic filter, so overlapping subscriptions each get their copy.
     * QoS 1 and 2 messages are acknowledged once emitted downstream, so demand is backpressure all the way to
     * the broker, and acknowledgements leave in the order the messages arrived, so a subscriber that stops
     * requesting soon holds back every subscription of the client
     * ({@link #subscribe(SubscribeRequest, AcknowledgeMode)} can isolate it); QoS 0 messages wait in a bounded
     * buffer handled by {@link io.mqttreactive.options.FlowControlOptions#qos0OverflowStrategy()}. The flux survives reconnects
     * when reconnect is enabled (re-subscribing on a new session); it completes on {@link #disconnect()} and
     * {@link #close()}, and errors if the connection is lost while reconnect is disabled.
     *
     * <p><b>Filters already subscribed.</b> The broker holds one subscription per topic filter for the client, and
     * the client shares it between all its subscriptions to that filter: a subscription to a filter that is already
     * subscribed with the same {@link io.mqttreactive.message.SubscriptionOptions} (maximum QoS, No Local, Retain As
     * Published, Retain Handling) sends no SUBSCRIBE for it and shares the SUBACK's result. With different options,
     * the client sends a SUBSCRIBE for that filter with the new options and the broker replaces its subscription
     * ([MQTT-3.8.4-3]): the options of the newest request are in force for every subscription to the filter, and stay
     * in force until another request changes them, also after the subscription that asked for them ends. Every flux
     * subscribed to the filter keeps receiving what matches it, with the QoS the new options grant, and the retained
     * messages the broker sends for the new SUBSCRIBE as its Retain Handling says. If the broker refuses the new
     * options, only the new subscription fails.
     *
     * @param request the subscriptions and the SUBSCRIBE properties
     * @return a cold {@code Flux} of the matching messages; errors with
     *         {@link io.mqttreactive.exception.MqttSubscribeException} if the broker rejects any filter of the
     *         request (the granted ones are unsubscribed), or, without sending anything, if the broker's CONNACK
     *         says it does not support what the request needs (wildcard or shared subscriptions, subscription
     *         identifiers; the exception carries the SUBACK reason code) or the SUBSCRIBE would exceed the
     *         broker's maximum packet size (caused by a
     *         {@link io.mqttreactive.exception.MqttPacketTooLargeException}); a request made before
     *         {@link #connect()} is checked once the CONNACK is known, and only that request fails
     * @throws IllegalArgumentException if the client speaks MQTT 3.1.1 or 3.1 and the request uses an MQTT 5.0
     *         feature: a subscription identifier, user properties, No Local, Retain As Published or a Retain
     *         Handling other than {@link io.mqttreactive.message.RetainHandling#SEND}
     * @see #subscribe(SubscribeRequest, AcknowledgeMode)
     */
    default Flux<MqttMessage> subscribe(SubscribeRequest request) {
        return subscribe(request, AcknowledgeMode.ON_DELIVERY);
    }

    /**
     * Subscribes as {@link #subscribe(SubscribeRequest)} does, acknowledging QoS 1 and 2 messages as
     * {@code acknowledgeMode} says: once emitted downstream ({@link AcknowledgeMode#ON_DELIVERY}, what
     * {@link #subscribe(SubscribeRequest)} does), or as they enter a bounded buffer of the subscription
     * ({@link AcknowledgeMode#onBuffer(int, long)}), so that a subscriber that falls behind holds back the other
     * subscriptions of the client only once that buffer is full. {@link AcknowledgeMode} tells the trade-off: a
     * message acknowledged into the buffer is lost if the process dies before the subscriber took it.
     *
     * @param request         the subscriptions and the SUBSCRIBE properties
     * @param acknowledgeMode when QoS 1 and 2 messages are acknowledged
     * @return a cold {@code Flux} of the matching messages; errors as {@link #subscribe(SubscribeRequest)}
     * @throws IllegalArgumentException as {@link #subscribe(SubscribeRequest)} does
     */
    Flux<MqttMessage> subscribe(SubscribeRequest request, AcknowledgeMode acknowledgeMode);

    /**
     * Subscribes as {@link #subscribe(SubscribeRequest)} does, with the broker's acceptance as a {@code Mono} of
     * its own: see {@link MqttSubscription}.
     *
     * @param request the subscriptions and the SUBSCRIBE properties
     * @return the subscription; nothing is sent until its {@link MqttSubscription#messages()} is subscribed
     * @throws IllegalArgumentException as {@link #subscribe(SubscribeRequest)} does
     */
    default MqttSubscription subscription(SubscribeRequest request) {
        return subscription(request, AcknowledgeMode.ON_DELIVERY);
    }

    /**
     * Subscribes as {@link #subscribe(SubscribeRequest, AcknowledgeMode)} does, with the broker's acceptance as a
     * {@code Mono} of its own: see {@link MqttSubscription}.
     *
     * @param request         the subscriptions and the SUBSCRIBE properties
     * @param acknowledgeMode when QoS 1 and 2 messages are acknowledged
     * @return the subscription; nothing is sent until its {@link MqttSubscription#messages()} is subscribed
     * @throws IllegalArgumentException as {@link #subscribe(SubscribeRequest)} does
     */
    MqttSubscription subscription(SubscribeRequest request, AcknowledgeMode acknowledgeMode);

    /**
     * Subscribes with manual acknowledgement to a topic filter with default options; see
     * {@link #subscribeAcknowledged(SubscribeRequest)}.
     *
     * @param filter the topic filter, possibly shared
     * @param maxQos the maximum QoS to receive with
     * @return a cold {@code Flux} of messages to acknowledge
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code filter} is not a valid topic filter
     */
    default Flux<AcknowledgeableMessage> subscribeAcknowledged(String filter, MqttQos maxQos) {
        return subscribeAcknowledged(SubscribeRequest.of(Subscription.of(filter, maxQos)));
    }

    /**
     * Subscribes like {@link #subscribe(SubscribeRequest)}, but QoS 1 and 2 messages are acknowledged to the
     * broker only when the application calls {@link AcknowledgeableMessage#acknowledge()}. Unacknowledged
     * messages count against the Receive Maximum the client advertised, so the broker stops sending until the
     * application catches up. Combine with a persistent session for at-least-once processing across restarts:
     * {@code subscribeAcknowledged(request).concatMap(m -> process(m.message()).then(m.acknowledge()))}.
     *
     * @param request the subscriptions and the SUBSCRIBE properties
     * @return a cold {@code Flux} of messages to acknowledge; errors as {@link #subscribe(SubscribeRequest)}
     * @throws IllegalArgumentException as {@link #subscribe(SubscribeRequest)}
     */
    Flux<AcknowledgeableMessage> subscribeAcknowledged(SubscribeRequest request);

    /**
     * Returns a requester with {@link RequesterOptions#DEFAULT}; see {@link #requester(RequesterOptions)}.
     *
     * @return a new requester
     * @throws UnsupportedOperationException if the client does not speak MQTT 5.0
     */
    default MqttRequester requester() {
        return requester(RequesterOptions.DEFAULT);
    }

    /**
     * Returns a requester: MQTT 5.0 request/response (sec 4.10) on this client, with one response subscription
     * shared by all its requests, made on its first request. Nothing is sent until a request is subscribed. A
     * client usually needs one requester; keep it rather than making one per request.
     *
     * @param options the response topic, timeout and bounds
     * @return a new requester
     * @throws NullPointerException          if {@code options} is {@code null}
     * @throws UnsupportedOperationException if the client speaks MQTT 3.1.1 or 3.1, which have no Response Topic
     *                                       and Correlation Data
     */
    MqttRequester requester(RequesterOptions options);

    /**
     * Returns a responder for one topic filter with default subscription options; see
     * {@link #responder(SubscribeRequest, Function)}.
     *
     * @param filter  the topic filter requests arrive on, possibly shared ({@code $share/group/filter})
     * @param maxQos  the maximum QoS to receive requests with
     * @param handler computes the response to a request
     * @return a new responder; nothing happens until its {@link MqttResponder#responses()} is subscribed
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code filter} is not a valid topic filter
     * @throws UnsupportedOperationException                     if the client does not speak MQTT 5.0
     */
    default MqttResponder responder(String filter, MqttQos maxQos,
            Function<MqttMessage, Mono<MqttMessage>> handler) {
        return responder(SubscribeRequest.of(Subscription.of(filter, maxQos)), handler);
    }

    /**
     * Returns a responder: it answers every MQTT 5.0 request (sec 4.10) matching {@code request} with what
     * {@code handler} computes, published to the request's Response Topic with its Correlation Data. See
     * {@link MqttResponder} for what happens to requests without a Response Topic and to handler errors.
     *
     * @param request the subscriptions requests arrive on
     * @param handler computes the response to a request; called on the client's event loop, must not block
     * @return a new responder; nothing happens until its {@link MqttResponder#responses()} is subscribed
     * @throws NullPointerException          if an argument is {@code null}
     * @throws UnsupportedOperationException if the client speaks MQTT 3.1.1 or 3.1, whose requests carry no
     *                                       Response Topic
     */
    MqttResponder responder(SubscribeRequest request, Function<MqttMessage, Mono<MqttMessage>> handler);

    /**
     * Returns the messages the broker sends that match no active subscription of this client, for example
     * for subscriptions a resumed session still holds from an earlier process. They are acknowledged when
     * emitted here; with no subscriber they are acknowledged and dropped, and counted as
     * {@link MqttClientEvent.MessageDropped} events.
     *
     * @return a hot {@code Flux}; it completes on {@link #close()}
     */
    Flux<MqttMessage> unsolicitedMessages();

    /**
     * Returns the connection state and its changes.
     *
     * @return a hot {@code Flux} that first emits the current state, then every change; it completes after
     *         emitting {@link ConnectionState#CLOSED}
     */
    Flux<ConnectionState> connectionStates();

    /**
     * Returns the current connection state.
     *
     * @return the state now
     */
    ConnectionState connectionState();

    /**
     * Returns what happens to the client: connects, disconnects, reconnect attempts, subscription outcomes and
     * dropped messages. Best effort: events are multicast to current subscribers, not replayed, and dropped for
     * a subscriber that does not keep up.
     *
     * @return a hot {@code Flux} of events; it completes on {@link #close()}
     */
    Flux<MqttClientEvent> events();

    /**
     * Re-authenticates the connection with the client's
     * {@link io.mqttreactive.MqttClientOptions#enhancedAuthentication() enhanced authenticator} (MQTT 5.0 section
     * 4.12.1): sends AUTH with reason Re-authenticate (0x19), the connection's Authentication Method
     * ([MQTT-4.12.1-1]) and a new exchange's initial data, answers the broker's challenges, and completes on its AUTH
     * Success. Messages keep flowing meanwhile. Calls while one runs join it.
     *
     * @return a cold {@code Mono} completing on success; errors with
     *         {@link io.mqttreactive.exception.MqttNotConnectedException} when not connected,
     *         {@link IllegalStateException} without an enhanced authenticator,
     *         {@link io.mqttreactive.exception.MqttAuthenticationException} when the client's side fails (the
     *         connection is then closed [MQTT-4.12.1-2]), and
     *         {@link io.mqttreactive.exception.MqttDisconnectedException} when the broker refuses with DISCONNECT
     */
    default Mono<Void> reauthenticate() {
        return Mono.error(new UnsupportedOperationException("this client does not re-authenticate"));
    }

    /**
     * Closes the client for good: disconnects normally if connected, completes every subscription and the hot
     * fluxes, fails waiting publishes with {@link io.mqttreactive.exception.MqttClientClosedException}, and
     * releases the client's resources. Idempotent; a closed client rejects every operation with
     * {@link io.mqttreactive.exception.MqttClientClosedException}.
     *
     * @return a cold {@code Mono} completing when the client is closed
     */
    Mono<Void> close();
}
