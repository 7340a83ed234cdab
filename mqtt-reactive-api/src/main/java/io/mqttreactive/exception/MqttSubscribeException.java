package io.mqttreactive.exception;

import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.UserProperties;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * A subscription failed: the SUBACK carried an error reason code for at least one topic filter, or the client
 * refused to send the SUBSCRIBE because the broker announced it does not support what it asks for (wildcards,
 * shared subscriptions, subscription identifiers; {@link #reasonCode()} is then the SUBACK reason code the broker
 * would have answered with) or because the SUBSCRIBE exceeds the broker's Maximum Packet Size (the cause is then
 * a {@link MqttPacketTooLargeException}).
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
     * Creates the exception for a subscription the client refused to send because the broker announced, in its
     * CONNACK, that it does not support what the subscription needs.
     *
     * @param reasonCode  the SUBACK reason code the broker would have answered with, such as
     *                    {@link SubscribeReasonCode#WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED}
     * @param description why the client refused it
     */
    public MqttSubscribeException(SubscribeReasonCode reasonCode, String description) {
        super("The subscription was not sent: " + description, reasonCode.code(), null, UserProperties.empty(),
                null);
        this.result = null;
    }

    /**
     * Creates the exception for a subscription the client could not send.
     *
     * @param description why the client could not send it
     * @param cause       the cause, such as a {@link MqttPacketTooLargeException}
     */
    public MqttSubscribeException(String description, Throwable cause) {
        super("The subscription was not sent: " + description, cause);
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
