package io.mqttreactive.exception;

import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeResult;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * A subscription failed: the SUBACK carried an error reason code for at least one topic filter, or the client
 * refused to send the SUBSCRIBE because the broker announced it does not support what it asks for (wildcards,
 * shared subscriptions, subscription identifiers).
 */
public class MqttSubscribeException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable SubscribeResult result;

    /**
     * Creates the exception from a SUBACK with at least one error reason code.
     *
     * @param result the subscribe result; {@link #reasonCode()} is its first error code
     */
    public MqttSubscribeException(SubscribeResult result) {
        super(describeRejections(result), firstError(result), result.reasonString().orElse(null),
                result.userProperties(), null);
        this.result = result;
    }

    /**
     * Creates the exception for a subscription the client refused to send.
     *
     * @param description why the client refused it
     */
    public MqttSubscribeException(String description) {
        super("The subscription was not sent: " + description, null);
        this.result = null;
    }

    /**
     * Returns the SUBACK the broker answered with.
     *
     * @return the result, or empty if the client refused the subscription itself
     */
    public Optional<SubscribeResult> result() {
        return Optional.ofNullable(result);
    }

    private static int firstError(SubscribeResult result) {
        return result.reasonCodes().stream().filter(SubscribeReasonCode::isError)
                .mapToInt(SubscribeReasonCode::code).findFirst().orElse(NO_REASON_CODE);
    }

    private static String describeRejections(SubscribeResult result) {
        String rejected = IntStream.range(0, result.reasonCodes().size())
                .filter(i -> result.reasonCodes().get(i).isError())
                .mapToObj(i -> result.subscriptions().get(i).filter() + " -> "
                        + describe(result.reasonCodes().get(i), null))
                .collect(Collectors.joining(", "));
        String reasonString = result.reasonString().map(text -> " (" + text + ")").orElse("");
        return "The broker rejected the subscription: " + rejected + reasonString;
    }
}
