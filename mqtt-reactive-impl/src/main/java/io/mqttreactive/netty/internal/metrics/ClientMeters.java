package io.mqttreactive.netty.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.netty.internal.telemetry.ClientProbe;
import io.mqttreactive.netty.internal.telemetry.ClientTelemetry;
import io.mqttreactive.netty.internal.telemetry.FailureReasons;
import io.mqttreactive.netty.internal.telemetry.PublishOutcome;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * The meters of one client in one registry: gauges read the client's state and queue depths, counters and
 * timers hear the per-message traffic as a {@link ClientProbe} and the connection life cycle from the client's
 * events. Every meter is created when binding, except the drop and failure counters, which appear with their first
 * reason; all are removed when the client closes or the binding is disposed. The only class of the implementation
 * that touches Micrometer's meter API.
 */
public final class ClientMeters implements ClientProbe, Disposable {

    private static final String PREFIX = "mqtt.client.";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Set<Meter.Id> meters = ConcurrentHashMap.newKeySet();
    private final Counter[][] publishes = new Counter[3][PublishOutcome.values().length];
    private final Timer[] acknowledgements = new Timer[3];
    private final Counter[] received = new Counter[3];
    private final Counter connects;
    private final Counter reconnects;
    private final Disposable.Swap bindings = Disposables.swap();
    private final AtomicBoolean disposed = new AtomicBoolean();
    private boolean reconnecting;

    private ClientMeters(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
        for (MqttQos qos : MqttQos.values()) {
            String level = Integer.toString(qos.code());
            for (PublishOutcome outcome : PublishOutcome.values()) {
                publishes[qos.code()][outcome.ordinal()] = counter("publishes",
                        "Publishes that ended, by QoS and outcome", "qos", level, "outcome", outcome.tagValue());
            }
            received[qos.code()] = counter("messages.received", "PUBLISH packets received from the broker",
                    "qos", level);
            if (qos != MqttQos.AT_MOST_ONCE) {
                acknowledgements[qos.code()] = track(Timer.builder(PREFIX + "publish.acknowledgement")
                        .description("Time from a publish to its PUBACK (QoS 1) or PUBCOMP (QoS 2)")
                        .tags(tags).tag("qos", level).register(registry));
            }
        }
        this.connects = counter("connects", "Connections the broker accepted, reconnections included");
        this.reconnects = counter("reconnects", "Connections re-established by automatic reconnect");
    }

    /** Registers the meters of {@code client} and keeps them until the client closes or this is disposed. */
    public static ClientMeters bind(MqttClient client, ClientTelemetry telemetry, MeterRegistry registry,
            Tags tags) {
        ClientMeters bound = new ClientMeters(registry, tags);
        bound.gauges(client, telemetry.depths());
        Disposable probe = telemetry.add(bound);
        Disposable events = client.events().subscribe(bound::onEvent, failure -> bound.dispose(), bound::dispose);
        bound.bindings.update(Disposables.composite(probe, events));
        return bound;
    }

    private void gauges(MqttClient client, ClientTelemetry.Depths depths) {
        for (ConnectionState state : ConnectionState.values()) {
            track(Gauge.builder(PREFIX + "connection.state", client, c -> c.connectionState() == state ? 1 : 0)
                    .description("1 for the client's current connection state, 0 for the others")
                    .tags(tags).tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true).register(registry));
        }
        gauge("publishes.inflight", "QoS 1 and 2 publishes sent and not yet acknowledged", depths,
                ClientTelemetry.Depths::inFlight);
        gauge("publishes.pending", "Publishes waiting for the send quota or a writable connection", depths,
                ClientTelemetry.Depths::pending);
        gauge("offline.queued", "Publishes waiting in the offline queue for a connection", depths,
                ClientTelemetry.Depths::offlineQueued);
        gauge("subscription.buffered", "Received messages waiting in subscription buffers for demand", depths,
                ClientTelemetry.Depths::subscriptionBuffered);
    }

    private void gauge(String name, String description, ClientTelemetry.Depths depths,
            ToDoubleFunction<ClientTelemetry.Depths> value) {
        track(Gauge.builder(PREFIX + name, depths, value).description(description).baseUnit("messages")
                .tags(tags).strongReference(true).register(registry));
    }

    @Override
    public void publishFinished(MqttQos qos, PublishOutcome outcome, long elapsedNanos) {
        publishes[qos.code()][outcome.ordinal()].increment();
        if (outcome == PublishOutcome.SUCCESS && qos != MqttQos.AT_MOST_ONCE) {
            acknowledgements[qos.code()].record(elapsedNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void received(MqttQos qos) {
        received[qos.code()].increment();
    }

    private void onEvent(MqttClientEvent event) {
        if (disposed.get()) {
            return;
        }
        if (event instanceof MqttClientEvent.Connected) {
            connects.increment();
            if (reconnecting) {
                reconnects.increment();
            }
            reconnecting = false;
        } else if (event instanceof MqttClientEvent.Reconnecting) {
            reconnecting = true;
        } else if (event instanceof MqttClientEvent.ReconnectGaveUp) {
            reconnecting = false;
        } else if (event instanceof MqttClientEvent.ConnectFailed failed) {
            counter("connect.failures", "Connection attempts that failed, by reason",
                    "reason", FailureReasons.of(failed.cause())).increment();
        } else if (event instanceof MqttClientEvent.Disconnected disconnected) {
            counter("disconnects", "Connections that ended, by reason; requested when the application ended it",
                    "reason", disconnected.cause().map(FailureReasons::of).orElse("requested")).increment();
        } else if (event instanceof MqttClientEvent.MessageDropped dropped) {
            drop(dropped.subscription().isPresent() ? "subscription_buffer_full" : "unsolicited", 1);
        } else if (event instanceof MqttClientEvent.BufferedMessagesDiscarded discarded) {
            drop("buffered_discarded", discarded.discarded());
        } else if (event instanceof MqttClientEvent.OfflinePublishDropped) {
            drop("offline_queue_full", 1);
        }
    }

    private void drop(String reason, int messages) {
        counter("messages.dropped", "Messages dropped, by reason", "reason", reason).increment(messages);
    }

    private Counter counter(String name, String description, String... extraTags) {
        return track(Counter.builder(PREFIX + name).description(description).tags(tags).tags(extraTags)
                .register(registry));
    }

    private <M extends Meter> M track(M meter) {
        meters.add(meter.getId());
        if (disposed.get()) {
            registry.remove(meter);
        }
        return meter;
    }

    /** Unbinds and removes every meter of this binding from the registry. */
    @Override
    public void dispose() {
        if (disposed.compareAndSet(false, true)) {
            bindings.dispose();
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    @Override
    public boolean isDisposed() {
        return disposed.get();
    }
}
