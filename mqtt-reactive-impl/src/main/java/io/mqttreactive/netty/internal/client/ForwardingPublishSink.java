package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.PublishResult;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

/** A publish's sink that passes everything on to another; subclasses step in where they need to. */
abstract class ForwardingPublishSink implements MonoSink<PublishResult> {

    final MonoSink<PublishResult> sink;

    ForwardingPublishSink(MonoSink<PublishResult> sink) {
        this.sink = sink;
    }

    @Override
    public void success() {
        sink.success();
    }

    @Override
    public void success(@Nullable PublishResult result) {
        sink.success(result);
    }

    @Override
    public void error(Throwable failure) {
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
