package io.mqttreactive.samples.gateway;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.samples.SimulatedDevice;
import io.mqttreactive.samples.Telemetry;
import io.mqttreactive.spi.PayloadCodec;
import io.mqttreactive.spring.boot.MqttClientLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Simulated devices, each with its own {@link MqttClient} on the gateway's broker: they publish telemetry to
 * {@code devices/<id>/telemetry} ({@link SimulatedDevice}) and answer every command on
 * {@code devices/<id>/commands} with a {@link Messages.CommandResult} on {@code devices/<id>/command-results}.
 *
 * <p>They start after the gateway's client and stop before it: a device's stop ends its readings, waits for the
 * acknowledgements of those in flight, then disconnects and closes its client.
 */
final class DeviceSimulation implements SmartLifecycle {

    private static final Logger LOG = Loggers.getLogger(DeviceSimulation.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final MqttClientOptions gatewayOptions;
    private final int count;
    private final Duration period;
    private final PayloadCodec<Telemetry> telemetryCodec;
    private final PayloadCodec<Messages.DeviceCommand> commandCodec;
    private final PayloadCodec<Messages.CommandResult> resultCodec;
    private final Clock clock = Clock.systemUTC();
    private final List<MqttClient> clients = new ArrayList<>();
    private Sinks.Empty<Void> stop = Sinks.empty();
    private Disposable running = Disposables.disposed();
    private Mono<Void> stopped = Mono.empty();
    private volatile boolean started;

    DeviceSimulation(MqttClientOptions gatewayOptions, int count, Duration period,
            PayloadCodec<Telemetry> telemetryCodec, PayloadCodec<Messages.DeviceCommand> commandCodec,
            PayloadCodec<Messages.CommandResult> resultCodec) {
        this.gatewayOptions = gatewayOptions;
        this.count = count;
        this.period = period;
        this.telemetryCodec = telemetryCodec;
        this.commandCodec = commandCodec;
        this.resultCodec = resultCodec;
    }

    static String deviceId(int number) {
        return "device-" + number;
    }

    @Override
    public synchronized void start() {
        stop = Sinks.empty();
        List<Mono<Void>> devices = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String deviceId = deviceId(number);
            MqttClient client = MqttClients.create(gatewayOptions.mutate().clientId("simulated-" + deviceId).build());
            clients.add(client);
            SimulatedDevice device = new SimulatedDevice(deviceId, number, client, telemetryCodec,
                    "devices/" + deviceId + "/telemetry");
            Duration spread = period.multipliedBy(number).dividedBy(count);
            devices.add(device.connect()
                    .then(Mono.when(device.publish(period, spread, stop.asMono(), clock),
                            answerCommands(client, deviceId).takeUntilOther(stop.asMono())))
                    .doOnError(error -> LOG.warn("simulated {} stopped: {}", deviceId, error.toString()))
                    .onErrorResume(error -> Mono.empty())
                    .then(client.disconnect().onErrorResume(error -> Mono.empty()))
                    .then(client.close()));
        }
        stopped = Flux.merge(devices).then().cache();
        running = stopped.subscribe();
        started = true;
        LOG.info("{} simulated devices publish telemetry every {} ms", count, period.toMillis());
    }

    private Flux<Void> answerCommands(MqttClient client, String deviceId) {
        String results = "devices/" + deviceId + "/command-results";
        return client.subscribe("devices/" + deviceId + "/commands", MqttQos.AT_LEAST_ONCE)
                .concatMap(message -> Mono.fromCallable(() -> commandCodec.decode(message))
                        .map(command -> resultCodec.encode(new Messages.CommandResult(command.commandId(), deviceId,
                                        command.action(), "DONE", clock.instant().truncatedTo(ChronoUnit.MILLIS)),
                                MqttMessage.builder().topic(results).qos(MqttQos.AT_LEAST_ONCE)).build())
                        .flatMap(client::publish)
                        .doOnError(error -> LOG.warn("simulated {} could not answer a command: {}", deviceId,
                                error.toString()))
                        .onErrorResume(error -> Mono.empty())
                        .then());
    }

    @Override
    public synchronized void stop(Runnable callback) {
        if (!started) {
            callback.run();
            return;
        }
        started = false;
        stop.tryEmitEmpty();
        stopped.timeout(STOP_TIMEOUT)
                .onErrorResume(error -> Flux.fromIterable(clients).flatMap(MqttClient::close).then())
                .doFinally(signal -> {
                    running.dispose();
                    clients.clear();
                    callback.run();
                })
                .subscribe();
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** After the gateway's client: it starts later and stops earlier. */
    @Override
    public int getPhase() {
        return MqttClientLifecycle.PHASE + 1;
    }
}
