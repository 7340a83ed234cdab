package io.mqttreactive.exception;

import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UnsubscribeResult;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * An unsubscribe failed: the UNSUBACK carried an error reason code (0x80 or more, MQTT 5.0) for at least one topic
 * filter, or was not a valid answer, or the UNSUBSCRIBE could not be sent because it exceeds the broker's Maximum
 * Packet Size (the cause is then a {@link MqttPacketTooLargeException}). The subscription has ended on the client
 * all the same; the broker may still send messages for a filter it kept, which reach
 * {@link io.mqttreactive.MqttClient#unsolicitedMessages()}.
 */
public class MqttUnsubscribeException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable UnsubscribeResult result;

    /**
     * Creates the exception from an UNSUBACK with at least one error reason code.
     *
     * @param result the unsubscribe result; {@link #reasonCode()} is its first error code
     */
    public MqttUnsubscribeException(UnsubscribeResult result) {
        super(describeRejections(result), firstError(result), result.reasonString().orElse(null),
                result.userProperties(), null);
        this.result = result;
    }

    /**
     * Creates the exception for an unsubscribe without a usable UNSUBACK.
     *
     * @param description what went wrong
     * @param cause       the cause, such as a {@link MqttPacketTooLargeException}, or {@code null}
     */
    public MqttUnsubscribeException(String description, @Nullable Throwable cause) {
        super("The unsubscribe failed: " + description, cause);
        this.result = null;
    }

    /**
     * Returns what the UNSUBACK said.
     *
     * @return the result, or empty if there was no usable UNSUBACK
     */
    public Optional<UnsubscribeResult> result() {
        return Optional.ofNullable(result);
    }

    private static int firstError(UnsubscribeResult result) {
        return result.reasonCodes().stream().filter(UnsubscribeReasonCode::isError)
                .mapToInt(UnsubscribeReasonCode::code).findFirst().orElse(NO_REASON_CODE);
    }

    private static String describeRejections(UnsubscribeResult result) {
        String rejected = IntStream.range(0, result.reasonCodes().size())
                .filter(i -> result.reasonCodes().get(i).isError())
                .mapToObj(i -> result.filters().get(i) + " -> " + describe(result.reasonCodes().get(i), null))
                .collect(Collectors.joining(", "));
        String reasonString = result.reasonString().map(text -> " (" + text + ")").orElse("");
        return "The broker refused the unsubscribe: " + rejected + reasonString;
    }
}
