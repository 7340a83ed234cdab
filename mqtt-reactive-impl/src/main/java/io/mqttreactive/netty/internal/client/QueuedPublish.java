package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;

/**
 * A publish waiting in a queue (offline, or for room), and the sink it is handed on as: the caller's sink takes
 * one cancel callback only, which the queue holds, so the callback of whoever takes the publish next is kept
 * here and run on cancel.
 */
class QueuedPublish extends ForwardingPublishSink {

    final MqttMessage message;
    final CancelRelay cancellation = new CancelRelay();

    QueuedPublish(MqttMessage message, MonoSink<PublishResult> sink) {
        super(sink);
        this.message = message;
        sink.onCancel(cancellation::cancel);
    }

    @Override
    public MonoSink<PublishResult> onCancel(Disposable callback) {
        cancellation.onCancel(callback);
        return this;
    }
}
