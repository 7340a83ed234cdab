package io.mqttreactive.netty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.mqttreactive.MqttClient;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.metrics.ClientMeters;
import java.util.Objects;
import reactor.core.Disposable;

/**
 * Micrometer meters for clients of this implementation, bound to a client after it was created:
 *
 * <pre>{@code
 * MqttClient client = MqttClients.create(options);
 * Disposable metrics = MqttClientMetrics.of(meterRegistry).tag("service", "telemetry-ingest").bindTo(client);
 * }</pre>
 *
 * <p>Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency: add it to use this class. A
 * client that is never bound loads no Micrometer class and does no measuring on its publish and receive paths.
 *
 * <p>The meters, each tagged with {@code client.id} (unless {@linkplain #clientIdTag(boolean) turned off}) and
 * the {@linkplain #tags(Iterable) common tags}:
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@code mqtt.client.connection.state}</td><td>gauge</td><td>{@code state}</td>
 *     <td>1 for the current {@link io.mqttreactive.event.ConnectionState}, 0 for the others</td></tr>
 * <tr><td>{@code mqtt.client.connects}</td><td>counter</td><td></td>
 *     <td>connections the broker accepted, reconnections included</td></tr>
 * <tr><td>{@code mqtt.client.reconnects}</td><td>counter</td><td></td>
 *     <td>connections re-established by automatic reconnect</td></tr>
 * <tr><td>{@code mqtt.client.connect.failures}</td><td>counter</td><td>{@code reason}</td>
 *     <td>failed connection attempts; the reason is the CONNACK reason code (such as {@code not_authorized})
 *     or the failure's kind (such as {@code timeout}, {@code connection_closed}, {@code tls})</td></tr>
 * <tr><td>{@code mqtt.client.disconnects}</td><td>counter</td><td>{@code reason}</td>
 *     <td>connections that ended: {@code requested} by the application, the broker's DISCONNECT reason code,
 *     or the failure's kind (such as {@code connection_closed}, {@code protocol})</td></tr>
 * <tr><td>{@code mqtt.client.publishes}</td><td>counter</td><td>{@code qos}, {@code outcome}</td>
 *     <td>publishes that ended: {@code success}; {@code rejected} by a reason code of 0x80 or more or by a
 *     broker limit; {@code buffer_full}; {@code failed} for any other error</td></tr>
 * <tr><td>{@code mqtt.client.publish.acknowledgement}</td><td>timer</td><td>{@code qos} (1, 2)</td>
 *     <td>time from a publish reaching the client to its PUBACK or PUBCOMP, for successful QoS 1 and 2
 *     publishes, waits in the offline queue and for the send quota included</td></tr>
 * <tr><td>{@code mqtt.client.messages.received}</td><td>counter</td><td>{@code qos}</td>
 *     <td>PUBLISH packets received, re-deliveries included</td></tr>
 * <tr><td>{@code mqtt.client.messages.dropped}</td><td>counter</td><td>{@code reason}</td>
 *     <td>{@code subscription_buffer_full} (QoS 0 overflow of a subscription), {@code unsolicited} (a message
 *     no subscription matched, dropped because no unsolicited-messages subscriber took it or its buffer was full),
 *     {@code offline_queue_full}, {@code buffered_discarded} (messages a subscription had acknowledged into its
 *     buffer, discarded when it ended before emitting them)</td></tr>
 * <tr><td>{@code mqtt.client.publishes.inflight}</td><td>gauge</td><td></td>
 *     <td>QoS 1 and 2 publishes sent and not yet acknowledged</td></tr>
 * <tr><td>{@code mqtt.client.publishes.pending}</td><td>gauge</td><td></td>
 *     <td>publishes waiting for the send quota or a writable connection</td></tr>
 * <tr><td>{@code mqtt.client.offline.queued}</td><td>gauge</td><td></td>
 *     <td>publishes waiting in the offline queue</td></tr>
 * <tr><td>{@code mqtt.client.subscription.buffered}</td><td>gauge</td><td></td>
 *     <td>received messages waiting in subscription buffers for downstream demand</td></tr>
 * </table>
 * The queue gauges are read without synchronizing with the client's event loop, so they are approximate while
 * traffic moves. The failure and drop counters appear with their first occurrence; every other meter when
 * binding. All meters of a binding are removed from the registry when the client closes or the binding is
 * disposed. Binding one client twice to one registry with the same tags counts its traffic twice.
 *
 * <p>Instances are immutable and thread-safe; the {@code with}-style methods return new instances.
 */
public final class MqttClientMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final boolean clientIdTag;

    private MqttClientMetrics(MeterRegistry registry, Tags tags, boolean clientIdTag) {
        this.registry = registry;
        this.tags = tags;
        this.clientIdTag = clientIdTag;
    }

    /**
     * Returns metrics that register in {@code registry}, with the {@code client.id} tag and no common tags.
     *
     * @param registry where the meters go
     * @return the metrics, ready to {@linkplain #bindTo bind}
     * @throws NullPointerException if {@code registry} is null
     */
    public static MqttClientMetrics of(MeterRegistry registry) {
        return new MqttClientMetrics(Objects.requireNonNull(registry, "registry"), Tags.empty(), true);
    }

    /**
     * Returns these metrics with common tags added to every meter, such as the application or the broker.
     *
     * @param tags the tags; a key given before is replaced
     * @return new metrics
     * @throws NullPointerException if {@code tags} or one of them is null
     */
    public MqttClientMetrics tags(Iterable<Tag> tags) {
        Objects.requireNonNull(tags, "tags");
        return new MqttClientMetrics(registry, this.tags.and(tags), clientIdTag);
    }

    /**
     * Returns these metrics with one common tag added to every meter.
     *
     * @param key   the tag key
     * @param value the tag value
     * @return new metrics
     * @throws NullPointerException if {@code key} or {@code value} is null
     */
    public MqttClientMetrics tag(String key, String value) {
        return tags(Tags.of(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    /**
     * Returns these metrics with or without the {@code client.id} tag. Its value is the client identifier of the
     * options, or {@code assigned} when the broker assigns it. Turn it off when client identifiers are many and
     * short-lived, so that the metrics backend does not see one time series per client.
     *
     * @param enabled whether to tag meters with the client identifier
     * @return new metrics
     */
    public MqttClientMetrics clientIdTag(boolean enabled) {
        return new MqttClientMetrics(registry, tags, enabled);
    }

    /**
     * Registers the meters of {@code client} and measures it from now on, until the client
     * {@linkplain MqttClient#close() closes} or the returned handle is disposed; either removes its meters from
     * the registry. Binding a closed client registers nothing that stays.
     *
     * @param client a client created by this implementation, as {@code MqttClients.create(..)} returns
     * @return the binding; dispose it to stop measuring and remove the meters
     * @throws NullPointerException     if {@code client} is null
     * @throws IllegalArgumentException if {@code client} was not created by this implementation
     */
    public Disposable bindTo(MqttClient client) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof NettyMqttClient nettyClient)) {
            throw new IllegalArgumentException("not a client of mqtt-reactive-impl: " + client.getClass().getName());
        }
        Tags clientTags = tags;
        if (clientIdTag) {
            String clientId = client.options().clientId();
            clientTags = Tags.of("client.id", clientId.isEmpty() ? "assigned" : clientId).and(tags);
        }
        return ClientMeters.bind(client, nettyClient.telemetry(), registry, clientTags);
    }

    @Override
    public String toString() {
        return "MqttClientMetrics[registry=" + registry.getClass().getSimpleName() + ", tags=" + tags
                + ", clientIdTag=" + clientIdTag + "]";
    }
}
