package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.telemetry.ClientProbe;
import io.mqttreactive.netty.internal.telemetry.PublishOutcome;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

/**
 * A publish's sink that tells a {@link ClientProbe} how the publish ended and how long it took, then passes the
 * outcome on. Only used while a probe is bound.
 */
final class MeasuredPublishSink implements MonoSink<PublishResult> {

    private final MonoSink<PublishResult> sink;
    private final MqttQos qos;
    private final ClientProbe probe;
    private final long startNanos = System.nanoTime();

    MeasuredPublishSink(MonoSink<PublishResult> sink, MqttQos qos, ClientProbe probe) {
        this.sink = sink;
        this.qos = qos;
        this.probe = probe;
    }

    @Override
    public void success() {
        sink.success();
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

    @Override
    @SuppressWarnings("deprecation")
    public Context currentContext() {
        return sink.currentContext();
    }

    @Override
    public MonoSink<PublishResult> onRequest(LongConsumer consumer) {
        sink.onRequest(consumer);
        return this;
    }

    @Override
    public MonoSink<PublishResult> onCancel(Disposable callback) {
        sink.onCancel(callback);
        return this;
    }

    @Override
    public MonoSink<PublishResult> onDispose(Disposable callback) {
        sink.onDispose(callback);
        return this;
    }
}
