package io.mqttreactive.netty.internal.telemetry;

import io.mqttreactive.MqttQos;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The internal telemetry view of one client: the probes and the tracing bound to it, which the hot path calls
 * only while one is bound, and the depths of its bounded queues for gauges. The depths are read from any thread without
 * synchronization, so they are approximate while traffic moves; the probes are called on the event loop.
 */
public final class ClientTelemetry implements ClientProbe {

    private static final ClientProbe[] NONE = {};

    private final Depths depths;
    private volatile ClientProbe[] probes = NONE;
    private volatile @Nullable MessageTracing tracing;

    public ClientTelemetry(Depths depths) {
        this.depths = Objects.requireNonNull(depths, "depths");
    }

    /** The depths of a client's queues, as gauges read them. */
    public interface Depths {

        /** QoS 1 and 2 publishes sent and not yet finally acknowledged. */
        int inFlight();

        /** Publishes waiting for the send quota or for the channel to become writable. */
        int pending();

        /** Publishes waiting in the offline queue for a connection. */
        int offlineQueued();

        /** Received messages waiting in subscription buffers for downstream demand. */
        int subscriptionBuffered();
    }

    public Depths depths() {
        return depths;
    }

    /** Tells whether a probe is bound: without one, the hot path skips measuring. */
    public boolean isProbed() {
        return probes.length != 0;
    }

    /** Binds a probe until the returned handle is disposed. */
    public synchronized Disposable add(ClientProbe probe) {
        Objects.requireNonNull(probe, "probe");
        ClientProbe[] bound = Arrays.copyOf(probes, probes.length + 1);
        bound[bound.length - 1] = probe;
        probes = bound;
        return () -> remove(probe);
    }

    /** The bound tracing, or null. */
    public @Nullable MessageTracing tracing() {
        return tracing;
    }

    /**
     * Binds tracing until the returned handle is disposed.
     *
     * @throws IllegalStateException if tracing is bound already
     */
    public synchronized Disposable trace(MessageTracing messageTracing) {
        Objects.requireNonNull(messageTracing, "messageTracing");
        if (tracing != null) {
            throw new IllegalStateException("observations are bound to this client already");
        }
        tracing = messageTracing;
        return () -> untrace(messageTracing);
    }

    private synchronized void untrace(MessageTracing messageTracing) {
        if (tracing == messageTracing) {
            tracing = null;
        }
    }

    private synchronized void remove(ClientProbe probe) {
        probes = Arrays.stream(probes).filter(bound -> bound != probe).toArray(ClientProbe[]::new);
    }

    @Override
    public void publishFinished(MqttQos qos, PublishOutcome outcome, long elapsedNanos) {
        for (ClientProbe probe : probes) {
            probe.publishFinished(qos, outcome, elapsedNanos);
        }
    }

    @Override
    public void received(MqttQos qos) {
        for (ClientProbe probe : probes) {
            probe.received(qos);
        }
    }
}
