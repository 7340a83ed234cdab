package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds that keep memory in check and carry backpressure between the application and the broker.
 *
 * <ul>
 *   <li>Inbound QoS 1 and 2: at most {@link #receiveMaximum()} unacknowledged messages; the client advertises
 *       it in CONNECT (MQTT 5.0) and acknowledges a message only once it was delivered downstream (or
 *       acknowledged by the application), so a slow consumer slows the broker down. The payload bytes of those
 *       messages are bounded too, by {@link #receiveMaximumBytes()}.</li>
 *   <li>Inbound QoS 0: a buffer of {@link #qos0BufferSize()} messages and {@link #qos0BufferBytes()} payload
 *       bytes per subscription, handled by {@link #qos0OverflowStrategy()} when either is reached.</li>
 *   <li>Outbound QoS 1 and 2: at most the smaller of {@link #maximumInflightPublishes()} and the broker's
 *       Receive Maximum in flight [MQTT-4.9.0-2] (5.0); beyond that up to {@link #maximumPendingPublishes()}
 *       holding at most {@link #maximumPendingBytes()} payload bytes wait, and further ones fail with
 *       {@link io.mqttreactive.exception.MqttBufferFullException}.</li>
 *   <li>A stream published with {@code publish(Publisher)} never fails for want of room: it stops requesting
 *       until there is room, and concurrent streams share the room in the order their messages came. A single
 *       {@code publish(message)} waits up to {@link #maximumPublishWait()} for room (by default it fails at
 *       once).</li>
 *   <li>While disconnected with a connection coming (before the first {@code connect()}, while connecting or
 *       reconnecting), up to {@link #offlineQueueSize()} publishes holding at most {@link #offlineQueueBytes()}
 *       payload bytes wait for it, in order; when the queue is full,
 *       {@link #offlineQueueOverflow()} fails the new publish or drops the oldest. With no connection coming, a
 *       publish fails at once with {@link io.mqttreactive.exception.MqttNotConnectedException}.</li>
 *   <li>Up to {@link #offlineSubscriptionQueueSize()} subscriptions made while disconnected wait for their
 *       SUBSCRIBE, in a queue of their own with the same overflow behaviour.</li>
 *   <li>Packets larger than {@link #maximumPacketSize()} are refused; MQTT 5.0 brokers are told not to send
 *       them. The default follows the heap, so that a default-sized JVM survives the largest message a broker
 *       may send.</li>
 *   <li>Topic aliases (MQTT 5.0): the broker may use up to {@link #topicAliasMaximum()} towards the client, and
 *       the client uses up to {@link #outgoingTopicAliasMaximum()} (never more than the broker allows) for the
 *       PUBLISH packets it sends, so that a topic name repeated on one connection costs three bytes.</li>
 * </ul>
 */
public final class FlowControlOptions {

    /** The default of {@link #receiveMaximum()}. */
    public static final int DEFAULT_RECEIVE_MAXIMUM = 1024;

    /** The default of {@link #maximumInflightPublishes()}. */
    public static final int DEFAULT_MAXIMUM_INFLIGHT_PUBLISHES = 1024;

    /** The smallest default of {@link #maximumPacketSize()}, however small the heap: 1 MiB. */
    public static final int MINIMUM_DEFAULT_MAXIMUM_PACKET_SIZE = 1024 * 1024;

    /**
     * The default of {@link #maximumPacketSize()}: an eighth of the heap this JVM may grow to
     * ({@link Runtime#maxMemory()}), at least {@link #MINIMUM_DEFAULT_MAXIMUM_PACKET_SIZE} and at most the
     * largest packet MQTT allows (268,435,460 bytes): 16 MiB with {@code -Xmx128m}, 64 MiB with
     * {@code -Xmx512m}, the protocol's maximum from {@code -Xmx2g} on. Reading a PUBLISH holds its bytes twice
     * for a while (as received, and as the message's payload), and a slow subscriber may hold a few more, so a
     * packet near the heap's size would end in an {@link OutOfMemoryError}; an eighth leaves room for that and for
     * the application. Set {@link Builder#maximumPacketSize(int)} for a limit that does not depend on the heap.
     */
    public static final int DEFAULT_MAXIMUM_PACKET_SIZE = defaultMaximumPacketSize(Runtime.getRuntime().maxMemory());

    /** The default of {@link #topicAliasMaximum()}. */
    public static final int DEFAULT_TOPIC_ALIAS_MAXIMUM = 16;

    /**
     * The default of {@link #outgoingTopicAliasMaximum()}: 16, so outgoing topic aliases are on wherever the broker
     * grants some. A broker that grants them must accept every alias up to its maximum [MQTT-3.3.2-12] (5.0), so
     * they are safe to use; they save the topic name's length less three bytes on every PUBLISH after the first
     * on a topic, and cost one small table per connection. Sixteen covers the topics most clients publish to
     * without holding a long list for one that publishes to many.
     */
    public static final int DEFAULT_OUTGOING_TOPIC_ALIAS_MAXIMUM = 16;

    /** The default of {@link #qos0BufferSize()}. */
    public static final int DEFAULT_QOS0_BUFFER_SIZE = 256;

    /**
     * The default of {@link #qos0BufferBytes()}: 8 MiB. With the default {@link #DEFAULT_QOS0_BUFFER_SIZE}, the
     * count bound is reached first while messages average less than 32 KiB.
     */
    public static final int DEFAULT_QOS0_BUFFER_BYTES = 8 * 1024 * 1024;

    /** The default of {@link #qos0OverflowStrategy()}. */
    public static final OverflowStrategy DEFAULT_QOS0_OVERFLOW_STRATEGY = OverflowStrategy.DROP_OLDEST;

    /** The default of {@link #maximumPendingPublishes()}. */
    public static final int DEFAULT_MAXIMUM_PENDING_PUBLISHES = 4096;

    /** The default of {@link #offlineQueueSize()}. */
    public static final int DEFAULT_OFFLINE_QUEUE_SIZE = 1024;

    /**
     * The default of {@link #maximumPendingBytes()} and of {@link #offlineQueueBytes()}: a sixteenth of the heap
     * this JVM may grow to ({@link Runtime#maxMemory()}), at least 1 MiB: 8 MiB with {@code -Xmx128m}, 32 MiB with
     * {@code -Xmx512m}, 256 MiB with {@code -Xmx4g}. Both queues full take an eighth of the heap, as one packet of
     * the default {@link #maximumPacketSize()} may.
     */
    public static final long DEFAULT_QUEUE_BYTES = defaultQueueBytes(Runtime.getRuntime().maxMemory());
    /** The default of {@link #offlineSubscriptionQueueSize()}. */
    public static final int DEFAULT_OFFLINE_SUBSCRIPTION_QUEUE_SIZE = 1024;

    /** The default of {@link #offlineQueueOverflow()}. */
    public static final OfflineQueueOverflow DEFAULT_OFFLINE_QUEUE_OVERFLOW = OfflineQueueOverflow.FAIL_NEW;

    /** The default of {@link #receiveMaximumBytes()}: {@link #DEFAULT_QUEUE_BYTES}, a sixteenth of the heap. */
    public static final long DEFAULT_RECEIVE_MAXIMUM_BYTES = DEFAULT_QUEUE_BYTES;

    /** The default of {@link #maximumPublishWait()}: zero, a single publish that finds no room fails at once. */
    public static final Duration DEFAULT_MAXIMUM_PUBLISH_WAIT = Duration.ZERO;

    /** The default options, with every {@code DEFAULT_*} value. */
    public static final FlowControlOptions DEFAULT = builder().build();

    private final int receiveMaximum;
    private final int maximumInflightPublishes;
    private final int maximumPacketSize;
    private final int topicAliasMaximum;
    private final int outgoingTopicAliasMaximum;
    private final int qos0BufferSize;
    private final int qos0BufferBytes;
    private final OverflowStrategy qos0OverflowStrategy;
    private final int maximumPendingPublishes;
    private final int offlineQueueSize;
    private final long maximumPendingBytes;
    private final long offlineQueueBytes;
    private final int offlineSubscriptionQueueSize;
    private final OfflineQueueOverflow offlineQueueOverflow;
    private final Duration maximumPublishWait;
    private final long receiveMaximumBytes;

    private FlowControlOptions(Builder builder) {
        this.receiveMaximum = builder.receiveMaximum;
        this.maximumInflightPublishes = builder.maximumInflightPublishes;
        this.maximumPacketSize = builder.maximumPacketSize;
        this.topicAliasMaximum = builder.topicAliasMaximum;
        this.outgoingTopicAliasMaximum = builder.outgoingTopicAliasMaximum;
        this.qos0BufferSize = builder.qos0BufferSize;
        this.qos0BufferBytes = builder.qos0BufferBytes;
        this.qos0OverflowStrategy = builder.qos0OverflowStrategy;
        this.maximumPendingPublishes = builder.maximumPendingPublishes;
        this.offlineQueueSize = builder.offlineQueueSize;
        this.maximumPendingBytes = builder.maximumPendingBytes;
        this.offlineQueueBytes = builder.offlineQueueBytes;
        this.offlineSubscriptionQueueSize = builder.offlineSubscriptionQueueSize;
        this.offlineQueueOverflow = builder.offlineQueueOverflow;
        this.maximumPublishWait = builder.maximumPublishWait;
        this.receiveMaximumBytes = builder.receiveMaximumBytes;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding the values of these options.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Returns how many inbound QoS 1 and 2 messages may be unacknowledged at once; sent as Receive Maximum
     * in an MQTT 5.0 CONNECT.
     *
     * @return 1..65,535
     */
    public int receiveMaximum() {
        return receiveMaximum;
    }

    /**
     * Returns the client's own limit on outbound QoS 1 and 2 publishes in flight; the broker's Receive Maximum
     * may lower it.
     *
     * @return 1..65,535
     */
    public int maximumInflightPublishes() {
        return maximumInflightPublishes;
    }

    /**
     * Returns the largest packet the client accepts; sent as Maximum Packet Size in an MQTT 5.0 CONNECT, so that
     * the broker does not send larger ones ([MQTT-3.2.2-15] binds it, in the other direction, like the client).
     * A larger packet from the broker closes the connection with an
     * {@link io.mqttreactive.exception.MqttPacketTooLargeException}, after DISCONNECT 0x95 in MQTT 5.0, as soon as
     * its fixed header is read, before its body is buffered; the client does not reconnect, since the broker would
     * send the same packet again (an MQTT 3.1.1 broker cannot be told the limit). The default,
     * {@link #DEFAULT_MAXIMUM_PACKET_SIZE}, depends on the heap.
     *
     * @return bytes, 1..268,435,460
     */
    public int maximumPacketSize() {
        return maximumPacketSize;
    }

    /**
     * Returns the highest topic alias the broker may use towards the client (MQTT 5.0).
     *
     * @return 0..65,535; 0 accepts no topic aliases
     */
    public int topicAliasMaximum() {
        return topicAliasMaximum;
    }

    /**
     * Returns how many topic aliases the client uses at most on one MQTT 5.0 connection for the messages it
     * publishes (MQTT 5.0 section 3.3.2.3.4). The client assigns them by itself: the first PUBLISH on a topic
     * carries the topic name and a new alias, later ones on that connection only the alias and an empty topic
     * name. When every alias is taken, the least recently used one is given to the new topic, again with the
     * topic name. The broker's Topic Alias Maximum from CONNACK bounds it further: with none (or 0) the client
     * sends no topic alias [MQTT-3.2.2-18] (5.0), and never one above it [MQTT-3.2.2-17] [MQTT-3.3.2-9] (5.0).
     * Aliases belong to one network connection: every new one starts without any, and a message re-sent on it
     * (DUP) always carries its topic name and no alias. Aliases change only what is written: a message keeps its
     * topic in the session store, in results and in errors. A message built with
     * {@link io.mqttreactive.message.MqttMessage.Builder#topicAliasAllowed(boolean) topicAliasAllowed(false)}
     * always goes with its topic name and takes no alias. MQTT 3.1 and 3.1.1 have no topic aliases.
     *
     * <p>With more topics published in turn than aliases, each alias is given to another topic on nearly every
     * PUBLISH, which saves nothing and costs the three bytes of the alias; set a maximum at least as large as the
     * number of topics in use, or 0.
     *
     * @return 0..65,535; 0 turns outgoing topic aliases off; {@link #DEFAULT_OUTGOING_TOPIC_ALIAS_MAXIMUM} by
     *         default
     */
    public int outgoingTopicAliasMaximum() {
        return outgoingTopicAliasMaximum;
    }

    /**
     * Returns the capacity of the QoS 0 buffer of each subscription.
     *
     * @return messages, at least 1
     */
    public int qos0BufferSize() {
        return qos0BufferSize;
    }

    /**
     * Returns how many payload bytes the QoS 0 buffer of each subscription holds at most. A message that would
     * take the buffer past it is handled by {@link #qos0OverflowStrategy()}, as one past {@link #qos0BufferSize()}
     * is: dropping the oldest drops as many as it takes. A buffer without QoS 0 messages takes one message
     * whatever its size, so a message larger than this bound is still delivered; {@link #maximumPacketSize()}
     * bounds it.
     *
     * @return bytes, at least 1
     */
    public int qos0BufferBytes() {
        return qos0BufferBytes;
    }

    /**
     * Returns what happens to QoS 0 messages when a subscription buffer is full.
     *
     * @return the overflow strategy
     */
    public OverflowStrategy qos0OverflowStrategy() {
        return qos0OverflowStrategy;
    }

    /**
     * Returns how many publishes may wait for a free in-flight slot while connected.
     *
     * @return messages, 0 or more; 0 fails a publish at once when no slot is free
     */
    public int maximumPendingPublishes() {
        return maximumPendingPublishes;
    }

    /**
     * Returns how many publishes may wait while the client is not connected but a connection is coming: before
     * the first connection, while connecting and while reconnecting. When a connection is
     * established they join the pending publishes, in the order they were made, after those made while
     * connected; those that find the pending queue full wait for room there, ahead of every later publish, instead
     * of failing. They fail with the cause when the session ends: reconnect gives up, the client disconnects or
     * closes.
     *
     * @return messages, 0 or more; 0 fails publishes made while disconnected at once
     */
    public int offlineQueueSize() {
        return offlineQueueSize;
    }

    /**
     * Returns how many payload bytes the publishes waiting for a free in-flight slot may hold together, next to
     * {@link #maximumPendingPublishes()}: a publish that would pass either bound fails with
     * {@link io.mqttreactive.exception.MqttBufferFullException}, except that an empty queue takes one message of
     * any size, so a message larger than the bound can still be sent.
     *
     * @return bytes, at least 1; {@link #DEFAULT_QUEUE_BYTES} by default
     */
    public long maximumPendingBytes() {
        return maximumPendingBytes;
    }

    /**
     * Returns how many payload bytes the offline queue may hold, next to {@link #offlineQueueSize()}: past either
     * bound {@link #offlineQueueOverflow()} applies, except that an empty queue takes one message of any size.
     *
     * @return bytes, at least 1; {@link #DEFAULT_QUEUE_BYTES} by default
     */
    public long offlineQueueBytes() {
        return offlineQueueBytes;
    }

    /**
     * Returns how many subscriptions may wait for their SUBSCRIBE while the client is not connected (made before
     * the first connection, while reconnecting, or after a disconnect): a queue of their own, apart from the
     * publishes of {@link #offlineQueueSize()}, so that an application that queues no publishes can still subscribe
     * before it connects. A subscription joining filters that are already subscribed, or waiting to be, with the same
     * options needs no SUBSCRIBE and takes no room (if the one it joined is dropped or withdrawn, it asks for them
     * itself, past the bound); SUBSCRIBE packets that were sent but not acknowledged when the connection was
     * lost, and re-subscriptions on a new session, are sent again whatever this bound. When the queue is full,
     * {@link #offlineQueueOverflow()} fails the new subscription or drops the oldest waiting one, with
     * {@link io.mqttreactive.exception.MqttBufferFullException} either way.
     *
     * @return subscriptions, 0 or more; 0 fails subscriptions made while disconnected at once
     */
    public int offlineSubscriptionQueueSize() {
        return offlineSubscriptionQueueSize;
    }

    /**
     * Returns what happens to a publish made while disconnected when the offline queue is full, and to a
     * subscription made while disconnected when the offline subscription queue
     * ({@link #offlineSubscriptionQueueSize()}) is full.
     *
     * @return the overflow behaviour
     */
    public OfflineQueueOverflow offlineQueueOverflow() {
        return offlineQueueOverflow;
    }

    /**
     * Returns how long a single {@code publish(message)} may wait for room when the queue it goes to is full: the
     * pending publishes while connected ({@link #maximumPendingPublishes()}, {@link #maximumPendingBytes()}), or
     * the offline queue while a connection is coming, when its {@link #offlineQueueOverflow()} is
     * {@link OfflineQueueOverflow#FAIL_NEW}. It waits in line with the messages of {@code publish(Publisher)}
     * streams that wait for room, goes on as soon as its turn and the room come, and fails with
     * {@link io.mqttreactive.exception.MqttBufferFullException} if neither came in time. At most
     * {@link #maximumPendingPublishes()} single publishes wait at once; one more fails at once. Cancelling the
     * publish's subscription withdraws it. Streams always wait, however long it takes; this bounds single calls,
     * which have no demand to stop.
     *
     * @return the wait; zero (the default) fails a single publish at once when there is no room
     */
    public Duration maximumPublishWait() {
        return maximumPublishWait;
    }

    /**
     * Returns how many payload bytes the unacknowledged QoS 1 and 2 messages the client holds may take together,
     * next to {@link #receiveMaximum()}: messages on their way to slow subscribers, or delivered and waiting for
     * the acknowledgements before theirs. Once they reach it, the client stops reading the socket until
     * acknowledgements bring them under it again, so the broker's sends back up in TCP. A message is never split or
     * refused for its size: the bound stops further reads, and one message larger than it still arrives.
     *
     * @return bytes, at least 1; {@link #DEFAULT_RECEIVE_MAXIMUM_BYTES} by default
     */
    public long receiveMaximumBytes() {
        return receiveMaximumBytes;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof FlowControlOptions that
                && receiveMaximum == that.receiveMaximum
                && maximumInflightPublishes == that.maximumInflightPublishes
                && maximumPacketSize == that.maximumPacketSize
                && topicAliasMaximum == that.topicAliasMaximum
                && outgoingTopicAliasMaximum == that.outgoingTopicAliasMaximum
                && qos0BufferSize == that.qos0BufferSize
                && qos0BufferBytes == that.qos0BufferBytes
                && qos0OverflowStrategy == that.qos0OverflowStrategy
                && maximumPendingPublishes == that.maximumPendingPublishes
                && offlineQueueSize == that.offlineQueueSize
                && maximumPendingBytes == that.maximumPendingBytes
                && offlineQueueBytes == that.offlineQueueBytes
                && offlineSubscriptionQueueSize == that.offlineSubscriptionQueueSize
                && offlineQueueOverflow == that.offlineQueueOverflow
                && maximumPublishWait.equals(that.maximumPublishWait)
                && receiveMaximumBytes == that.receiveMaximumBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(receiveMaximum, maximumInflightPublishes, maximumPacketSize, topicAliasMaximum,
                outgoingTopicAliasMaximum, qos0BufferSize, qos0BufferBytes, qos0OverflowStrategy,
                maximumPendingPublishes, offlineQueueSize, maximumPendingBytes, offlineQueueBytes,
                offlineSubscriptionQueueSize, offlineQueueOverflow, maximumPublishWait, receiveMaximumBytes);
    }

    @Override
    public String toString() {
        return "FlowControlOptions{receiveMaximum=" + receiveMaximum
                + ", maximumInflightPublishes=" + maximumInflightPublishes
                + ", maximumPacketSize=" + maximumPacketSize
                + ", topicAliasMaximum=" + topicAliasMaximum
                + ", outgoingTopicAliasMaximum=" + outgoingTopicAliasMaximum
                + ", qos0BufferSize=" + qos0BufferSize
                + ", qos0BufferBytes=" + qos0BufferBytes
                + ", qos0OverflowStrategy=" + qos0OverflowStrategy
                + ", maximumPendingPublishes=" + maximumPendingPublishes
                + ", offlineQueueSize=" + offlineQueueSize
                + ", maximumPendingBytes=" + maximumPendingBytes
                + ", offlineQueueBytes=" + offlineQueueBytes
                + ", offlineSubscriptionQueueSize=" + offlineSubscriptionQueueSize
                + ", offlineQueueOverflow=" + offlineQueueOverflow
                + ", maximumPublishWait=" + maximumPublishWait
                + ", receiveMaximumBytes=" + receiveMaximumBytes + '}';
    }

    /**
     * Builds {@link FlowControlOptions}; every setter validates its argument at once. Not thread-safe.
     */
    public static final class Builder {

        private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
        private int maximumInflightPublishes = DEFAULT_MAXIMUM_INFLIGHT_PUBLISHES;
        private int maximumPacketSize = DEFAULT_MAXIMUM_PACKET_SIZE;
        private int topicAliasMaximum = DEFAULT_TOPIC_ALIAS_MAXIMUM;
        private int outgoingTopicAliasMaximum = DEFAULT_OUTGOING_TOPIC_ALIAS_MAXIMUM;
        private int qos0BufferSize = DEFAULT_QOS0_BUFFER_SIZE;
        private int qos0BufferBytes = DEFAULT_QOS0_BUFFER_BYTES;
        private OverflowStrategy qos0OverflowStrategy = DEFAULT_QOS0_OVERFLOW_STRATEGY;
        private int maximumPendingPublishes = DEFAULT_MAXIMUM_PENDING_PUBLISHES;
        private int offlineQueueSize = DEFAULT_OFFLINE_QUEUE_SIZE;
        private long maximumPendingBytes = DEFAULT_QUEUE_BYTES;
        private long offlineQueueBytes = DEFAULT_QUEUE_BYTES;
        private int offlineSubscriptionQueueSize = DEFAULT_OFFLINE_SUBSCRIPTION_QUEUE_SIZE;
        private OfflineQueueOverflow offlineQueueOverflow = DEFAULT_OFFLINE_QUEUE_OVERFLOW;
        private Duration maximumPublishWait = DEFAULT_MAXIMUM_PUBLISH_WAIT;
        private long receiveMaximumBytes = DEFAULT_RECEIVE_MAXIMUM_BYTES;

        private Builder() {
        }

        private Builder(FlowControlOptions options) {
            this.receiveMaximum = options.receiveMaximum;
            this.maximumInflightPublishes = options.maximumInflightPublishes;
            this.maximumPacketSize = options.maximumPacketSize;
            this.topicAliasMaximum = options.topicAliasMaximum;
            this.outgoingTopicAliasMaximum = options.outgoingTopicAliasMaximum;
            this.qos0BufferSize = options.qos0BufferSize;
            this.qos0BufferBytes = options.qos0BufferBytes;
            this.qos0OverflowStrategy = options.qos0OverflowStrategy;
            this.maximumPendingPublishes = options.maximumPendingPublishes;
            this.offlineQueueSize = options.offlineQueueSize;
            this.maximumPendingBytes = options.maximumPendingBytes;
            this.offlineQueueBytes = options.offlineQueueBytes;
            this.offlineSubscriptionQueueSize = options.offlineSubscriptionQueueSize;
            this.offlineQueueOverflow = options.offlineQueueOverflow;
            this.maximumPublishWait = options.maximumPublishWait;
            this.receiveMaximumBytes = options.receiveMaximumBytes;
        }

        /**
         * Sets {@link FlowControlOptions#receiveMaximum()}.
         *
         * @param receiveMaximum 1..65,535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = Checks.requireRange(receiveMaximum, 1, Checks.MAX_TWO_BYTE_INTEGER,
                    "receive maximum");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#maximumInflightPublishes()}.
         *
         * @param maximumInflightPublishes 1..65,535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maximumInflightPublishes(int maximumInflightPublishes) {
            this.maximumInflightPublishes = Checks.requireRange(maximumInflightPublishes, 1,
                    Checks.MAX_TWO_BYTE_INTEGER, "maximum in-flight publishes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#maximumPacketSize()}.
         *
         * @param maximumPacketSize bytes, 1..268,435,460
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maximumPacketSize(int maximumPacketSize) {
            this.maximumPacketSize = Checks.requireRange(maximumPacketSize, 1, Checks.MAX_PACKET_SIZE,
                    "maximum packet size");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#topicAliasMaximum()}.
         *
         * @param topicAliasMaximum 0..65,535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder topicAliasMaximum(int topicAliasMaximum) {
            this.topicAliasMaximum = Checks.requireRange(topicAliasMaximum, 0, Checks.MAX_TWO_BYTE_INTEGER,
                    "topic alias maximum");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#outgoingTopicAliasMaximum()}.
         *
         * @param outgoingTopicAliasMaximum 0..65,535; 0 turns outgoing topic aliases off
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder outgoingTopicAliasMaximum(int outgoingTopicAliasMaximum) {
            this.outgoingTopicAliasMaximum = Checks.requireRange(outgoingTopicAliasMaximum, 0,
                    Checks.MAX_TWO_BYTE_INTEGER, "outgoing topic alias maximum");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#qos0BufferSize()}.
         *
         * @param qos0BufferSize messages, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder qos0BufferSize(int qos0BufferSize) {
            this.qos0BufferSize = Checks.requireRange(qos0BufferSize, 1, Integer.MAX_VALUE, "QoS 0 buffer size");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#qos0BufferBytes()}.
         *
         * @param qos0BufferBytes payload bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder qos0BufferBytes(int qos0BufferBytes) {
            this.qos0BufferBytes = Checks.requireRange(qos0BufferBytes, 1, Integer.MAX_VALUE, "QoS 0 buffer bytes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#qos0OverflowStrategy()}.
         *
         * @param strategy the overflow strategy
         * @return this builder
         */
        public Builder qos0OverflowStrategy(OverflowStrategy strategy) {
            this.qos0OverflowStrategy = Objects.requireNonNull(strategy, "qos0OverflowStrategy");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#maximumPendingPublishes()}.
         *
         * @param maximumPendingPublishes messages, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maximumPendingPublishes(int maximumPendingPublishes) {
            this.maximumPendingPublishes = Checks.requireRange(maximumPendingPublishes, 0, Integer.MAX_VALUE,
                    "maximum pending publishes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#offlineQueueSize()}.
         *
         * @param offlineQueueSize messages, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder offlineQueueSize(int offlineQueueSize) {
            this.offlineQueueSize = Checks.requireRange(offlineQueueSize, 0, Integer.MAX_VALUE, "offline queue size");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#maximumPendingBytes()}.
         *
         * @param maximumPendingBytes payload bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maximumPendingBytes(long maximumPendingBytes) {
            this.maximumPendingBytes = Checks.requireRange(maximumPendingBytes, 1, Long.MAX_VALUE,
                    "maximum pending bytes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#offlineQueueBytes()}.
         *
         * @param offlineQueueBytes payload bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder offlineQueueBytes(long offlineQueueBytes) {
            this.offlineQueueBytes = Checks.requireRange(offlineQueueBytes, 1, Long.MAX_VALUE, "offline queue bytes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#offlineSubscriptionQueueSize()}.
         *
         * @param offlineSubscriptionQueueSize subscriptions, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder offlineSubscriptionQueueSize(int offlineSubscriptionQueueSize) {
            this.offlineSubscriptionQueueSize = Checks.requireRange(offlineSubscriptionQueueSize, 0,
                    Integer.MAX_VALUE, "offline subscription queue size");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#offlineQueueOverflow()}.
         *
         * @param overflow the overflow behaviour
         * @return this builder
         */
        public Builder offlineQueueOverflow(OfflineQueueOverflow overflow) {
            this.offlineQueueOverflow = Objects.requireNonNull(overflow, "offlineQueueOverflow");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#receiveMaximumBytes()}.
         *
         * @param receiveMaximumBytes payload bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder receiveMaximumBytes(long receiveMaximumBytes) {
            this.receiveMaximumBytes = Checks.requireRange(receiveMaximumBytes, 1, Long.MAX_VALUE,
                    "receive maximum bytes");
            return this;
        }

        /**
         * Sets {@link FlowControlOptions#maximumPublishWait()}.
         *
         * @param maximumPublishWait the wait, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maximumPublishWait(Duration maximumPublishWait) {
            Objects.requireNonNull(maximumPublishWait, "maximumPublishWait");
            if (maximumPublishWait.isNegative()) {
                throw new IllegalArgumentException("maximum publish wait must not be negative, was "
                        + maximumPublishWait);
            }
            this.maximumPublishWait = maximumPublishWait;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public FlowControlOptions build() {
            return new FlowControlOptions(this);
        }
    }

    static long defaultQueueBytes(long maximumHeap) {
        return Math.max(1024 * 1024, maximumHeap / 16);
    }

    static int defaultMaximumPacketSize(long maximumHeap) {
        return (int) Math.max(MINIMUM_DEFAULT_MAXIMUM_PACKET_SIZE, Math.min(maximumHeap / 8, Checks.MAX_PACKET_SIZE));
    }
}
