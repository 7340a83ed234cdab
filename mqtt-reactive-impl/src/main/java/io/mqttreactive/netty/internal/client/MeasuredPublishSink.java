package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.telemetry.ClientProbe;
import io.mqttreactive.netty.internal.telemetry.PublishOutcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * A publish's sink that tells a {@link ClientProbe} how the publish ended and how long it took, then passes the
 * outcome on. Only used while a probe is bound.
 */
final class MeasuredPublishSink extends ForwardingPublishSink {

    private final MqttQos qos;
    private final ClientProbe probe;
    private final long startNanos = System.nanoTime();

    MeasuredPublishSink(MonoSink<PublishResult> sink, MqttQos qos, ClientProbe probe) {
        super(sink);
        this.qos = qos;
        this.probe = probe;
    }

    @Override
    public void success(@Nullable PublishResult result) {
        probe.publishFinished(qos, PublishOutcome.SUCCESS, System.nanoTime() - startNanos);
        sink.success(result);
    }

    @Override
    public void error(Throwable failure) {
        probe.publishFinished(qos, PublishOutcome.of(failure), System.nanoTime() - startNanos);
        sink.error(failure);
    }
}
