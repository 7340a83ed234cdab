package io.mqttreactive.samples.gateway;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttPublishException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.samples.Telemetry;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import io.mqttreactive.spring.boot.MqttConnectionStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's HTTP API: telemetry and command results as Server-Sent Events, commands to devices, and the
 * connection status.
 */
@RestController
@RequestMapping("/api")
class GatewayController {

    /** A device identifier is one topic level: no wildcard, no separator. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final URI PUBLISH_FAILED = URI.create("urn:mqtt-reactive:gateway:command-not-delivered");

    private final MqttClient client;
    private final MqttConnectionStatus status;
    private final SharedSubscription<Telemetry> telemetry;
    private final SharedSubscription<Messages.CommandResult> commandResults;
    private final PayloadCodec<Messages.DeviceCommand> commandCodec;
    private final Duration commandTimeout;
    private final EventStreams streams;
    private final Clock clock = Clock.systemUTC();

    GatewayController(MqttClient client, MqttConnectionStatus status, SharedSubscription<Telemetry> telemetry,
            SharedSubscription<Messages.CommandResult> commandResults, JsonCodecProvider json,
            GatewayProperties gateway, EventStreams streams) {
        this.client = client;
        this.streams = streams;
        this.status = status;
        this.telemetry = telemetry;
        this.commandResults = commandResults;
        this.commandCodec = json.create(Messages.DeviceCommand.class);
        this.commandTimeout = gateway.getCommandTimeout();
    }

    @GetMapping(path = "/telemetry", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Telemetry>> telemetry() {
        return streams.untilShutdown(telemetry.events(telemetry.messages()));
    }

    @GetMapping(path = "/devices/{id}/telemetry", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Telemetry>> deviceTelemetry(@PathVariable("id") String id) {
        String deviceId = requireDeviceId(id);
        return streams.untilShutdown(
                telemetry.events(telemetry.messages().filter(reading -> reading.deviceId().equals(deviceId))));
    }

    @GetMapping(path = "/command-results", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Messages.CommandResult>> commandResults() {
        return streams.untilShutdown(commandResults.events(commandResults.messages()));
    }

    /**
     * Publishes a command at QoS 1 and answers 202 once the broker has acknowledged it: 400 for a bad body or
     * device identifier, 503 when the broker refuses it, the client cannot take it or the PUBACK does not come
     * within {@code gateway.command-timeout}.
     */
    @PostMapping(path = "/devices/{id}/commands", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Messages.CommandAccepted>> command(@PathVariable("id") String id,
            @RequestBody Mono<Messages.CommandRequest> body) {
        String deviceId = requireDeviceId(id);
        return body.switchIfEmpty(Mono.error(() -> badRequest("a JSON body is required")))
                .map(request -> {
                    if (request.action() == null || request.action().isBlank()) {
                        throw badRequest("\"action\" is required");
                    }
                    return new Messages.DeviceCommand(UUID.randomUUID().toString(), request.action(), request.value(),
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                })
                .flatMap(command -> client.publish(commandCodec.encode(command, MqttMessage.builder()
                                .topic("devices/" + deviceId + "/commands").qos(MqttQos.AT_LEAST_ONCE)).build())
                        .timeout(commandTimeout)
                        .map(result -> ResponseEntity.accepted().body(new Messages.CommandAccepted(command.commandId(),
                                result.message().topic().value(), result.reasonCode().name()))));
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>(status.details());
        body.put("connected", status.isUp());
        body.put("telemetry", telemetry.stats());
        body.put("commandResults", commandResults.stats());
        return body;
    }

    @GetMapping(path = "/status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> connectionStates() {
        return streams.untilShutdown(client.connectionStates().map(ConnectionState::name));
    }

    /** 400 with the reason: a malformed body, a missing action, a device identifier that is no topic level. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> rejected(ResponseStatusException error) {
        return ResponseEntity.status(error.getStatusCode()).body(error.getBody());
    }

    @ExceptionHandler(MqttException.class)
    ResponseEntity<ProblemDetail> commandNotDelivered(MqttException error) {
        ProblemDetail problem = problem(error.getClass().getSimpleName(), error.getMessage());
        if (error instanceof MqttPublishException rejected) {
            rejected.reason().ifPresent(reason -> problem.setProperty("reasonCode", reason.toString()));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(TimeoutException.class)
    ResponseEntity<ProblemDetail> commandNotAcknowledged(TimeoutException error) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem("CommandTimeout",
                "the broker did not acknowledge the command within " + commandTimeout.toMillis() + " ms"));
    }

    private static ProblemDetail problem(String error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(PUBLISH_FAILED);
        problem.setTitle("Command not delivered to the broker");
        problem.setProperty("error", error);
        return problem;
    }

    private static String requireDeviceId(String id) {
        if (!DEVICE_ID.matcher(id).matches()) {
            throw badRequest("a device identifier is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
