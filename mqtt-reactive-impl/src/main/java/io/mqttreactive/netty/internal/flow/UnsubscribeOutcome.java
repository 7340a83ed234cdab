package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.exception.MqttUnsubscribeException;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UnsubscribeResult;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of unsubscribing one subscription: collects the UNSUBACKs of the UNSUBSCRIBE packets it waits for
 * (more than one when the broker's Maximum Packet Size splits it) and tells the requester once all have come. Filters
 * that were not sent, because another subscription still uses them, count as {@link UnsubscribeReasonCode#SUCCESS};
 * a reason code of 0x80 or more fails it (MQTT 5.0 sections 2.4 and 3.11.3). Told once; confined to the event loop.
 */
public final class UnsubscribeOutcome {

    /** Hears how one unsubscribe ended. */
    public interface Requester {
        void unsubscribed(UnsubscribeResult result);

        void failed(Throwable error);
    }

    private final List<MqttTopicFilter> filters;
    private final Requester requester;
    private final Map<MqttTopicFilter, UnsubscribeReasonCode> answered = new HashMap<>();
    private @Nullable String reasonString;
    private UserProperties userProperties = UserProperties.empty();
    private int outstanding;
    private boolean told;

    /**
     * @param filters the filters of the subscription, in the order of its request
     */
    public UnsubscribeOutcome(List<MqttTopicFilter> filters, Requester requester) {
        this.filters = List.copyOf(filters);
        this.requester = requester;
    }

    /** Tells the requester that nothing was subscribed, so nothing was sent. */
    public void nothingSubscribed() {
        filters.forEach(filter -> answered.put(filter, UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED));
        finish();
    }

    /** One more UNSUBSCRIBE packet whose UNSUBACK this outcome waits for. */
    void expect() {
        outstanding++;
    }

    /** An UNSUBACK for some of the filters; the outcome is told once every packet it waits for is answered. */
    void answered(List<MqttTopicFilter> sent, List<UnsubscribeReasonCode> codes, @Nullable String reasonString,
            UserProperties userProperties) {
        for (int i = 0; i < sent.size(); i++) {
            answered.put(sent.get(i), codes.get(i));
        }
        if (reasonString != null) {
            this.reasonString = reasonString;
        }
        if (!userProperties.isEmpty()) {
            this.userProperties = userProperties;
        }
        outstanding--;
        finishIfAnswered();
    }

    /** Tells the result if no UNSUBACK is awaited any more: at once when nothing had to be sent. */
    void finishIfAnswered() {
        if (outstanding == 0) {
            finish();
        }
    }

    void failed(Throwable error) {
        if (!told) {
            told = true;
            requester.failed(error);
        }
    }

    private void finish() {
        if (told) {
            return;
        }
        List<UnsubscribeReasonCode> codes = filters.stream()
                .map(filter -> answered.getOrDefault(filter, UnsubscribeReasonCode.SUCCESS))
                .toList();
        UnsubscribeResult result = new UnsubscribeResult(filters, codes, Optional.ofNullable(reasonString),
                userProperties);
        if (result.isSuccess()) {
            told = true;
            requester.unsubscribed(result);
        } else {
            failed(new MqttUnsubscribeException(result));
        }
    }
}
