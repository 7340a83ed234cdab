package io.mqttreactive.netty.internal.client;

import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The client's event and connection-state streams: events go best effort to the subscribers that have demand
 * (a slow listener misses events, it never slows the client); the state stream replays the current state to a
 * new subscriber. Emitted from the event loop only.
 */
final class ClientEvents {

    private final Sinks.Many<MqttClientEvent> events = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;

    ClientEvents() {
        states.tryEmitNext(state);
    }

    void emit(MqttClientEvent event) {
        events.tryEmitNext(event);
    }

    void state(ConnectionState next) {
        if (state != next) {
            state = next;
            states.tryEmitNext(next);
        }
    }

    ConnectionState state() {
        return state;
    }

    Flux<MqttClientEvent> events() {
        return events.asFlux();
    }

    Flux<ConnectionState> states() {
        return states.asFlux();
    }

    void complete() {
        events.tryEmitComplete();
        states.tryEmitComplete();
    }
}
