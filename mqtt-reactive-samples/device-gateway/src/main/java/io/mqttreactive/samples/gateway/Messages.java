package io.mqttreactive.samples.gateway;

import java.time.Instant;

/** The JSON documents of the gateway's API and of its MQTT topics besides telemetry. */
public final class Messages {

    private Messages() {
    }

    /**
     * The body of {@code POST /api/devices/{id}/commands}.
     *
     * @param action what the device should do, for example {@code "reboot"}; required
     * @param value  an argument of the action, or {@code null}
     */
    public record CommandRequest(String action, String value) {
    }

    /**
     * A command as the device gets it on {@code devices/{id}/commands}.
     *
     * @param commandId the gateway's identifier of this command, in the device's answer too
     * @param action    what to do
     * @param value     the action's argument, or {@code null}
     * @param sentAt    when the gateway sent it
     */
    public record DeviceCommand(String commandId, String action, String value, Instant sentAt) {
    }

    /**
     * The answer of {@code POST /api/devices/{id}/commands}: the broker acknowledged the command.
     *
     * @param commandId  the command's identifier, to match the device's result
     * @param topic      where it was published
     * @param reasonCode the PUBACK's reason code
     */
    public record CommandAccepted(String commandId, String topic, String reasonCode) {
    }

    /**
     * A device's answer to a command, on {@code devices/{id}/command-results}.
     *
     * @param commandId   the command's identifier
     * @param deviceId    the device
     * @param action      the command's action
     * @param status      the outcome, for example {@code "DONE"}
     * @param completedAt when the device finished it
     */
    public record CommandResult(String commandId, String deviceId, String action, String status, Instant completedAt) {
    }
}
