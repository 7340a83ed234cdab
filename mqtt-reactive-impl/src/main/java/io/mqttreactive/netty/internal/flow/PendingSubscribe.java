package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A SUBSCRIBE to send or awaiting its SUBACK: {@code sent} is what goes on the wire, {@code original} the request it
 * serves; {@code followers} are later requests for some of its filters with the same options, which the broker is not
 * asked for again and which share its outcome.
 */
record PendingSubscribe(SubscribeRequest sent, SubscribeRequest original, SubscribeFlow.Requester requester,
        MessageSubscriber subscriber, List<Follower> followers) {

    PendingSubscribe(SubscribeRequest sent, SubscribeRequest original, SubscribeFlow.Requester requester,
            MessageSubscriber subscriber) {
        this(sent, original, requester, subscriber, new ArrayList<>());
    }

    List<MqttTopicFilter> sentFilters() {
        return filters(sent.subscriptions());
    }

    /** Fails this request and those that followed it. */
    void fail(Throwable error) {
        requester.failed(error);
        followers.forEach(follower -> follower.requester().failed(error));
    }

    static List<MqttTopicFilter> filters(List<Subscription> subscriptions) {
        return subscriptions.stream().map(Subscription::filter).toList();
    }

    /** A request waiting on another request's SUBACK for some of its filters. */
    record Follower(SubscribeRequest request, SubscribeFlow.Requester requester, MessageSubscriber subscriber) {

        /** Fails the follower if the SUBACK rejected one of its filters, else counts the SUBACK as granted. */
        void settle(SubscribeResult result) {
            List<MqttTopicFilter> own = filters(request.subscriptions());
            boolean rejected = false;
            for (int i = 0; i < result.reasonCodes().size(); i++) {
                rejected |= result.reasonCodes().get(i).isError()
                        && own.contains(result.subscriptions().get(i).filter());
            }
            if (rejected) {
                requester.failed(new MqttSubscribeException(result));
            } else {
                requester.subscribed(result);
            }
        }
    }
}
