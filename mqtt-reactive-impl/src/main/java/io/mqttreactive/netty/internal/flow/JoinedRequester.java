package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.message.SubscribeResult;
import java.util.function.Supplier;

/**
 * Tells a requester the outcome once every SUBACK its filters depend on has come: the first failure, or success with
 * the result then in force. Confined to the event loop.
 */
final class JoinedRequester implements SubscribeFlow.Requester {

    private final SubscribeFlow.Requester requester;
    private final Supplier<SubscribeResult> result;
    private int outstanding;
    private boolean failed;

    JoinedRequester(SubscribeFlow.Requester requester, int outstanding, Supplier<SubscribeResult> result) {
        this.requester = requester;
        this.outstanding = outstanding;
        this.result = result;
    }

    @Override
    public void subscribed(SubscribeResult ignored) {
        if (!failed && --outstanding == 0) {
            requester.subscribed(result.get());
        }
    }

    @Override
    public void failed(Throwable error) {
        if (!failed) {
            failed = true;
            requester.failed(error);
        }
    }
}
