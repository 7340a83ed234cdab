package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClient;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * A binding of the auto-configured client to a registry of the application (meters, observations), disposed
 * with the application context. Binds nothing when there is no auto-configured client or no single registry.
 */
final class MqttClientBinding {

    private final Disposable binding;

    private MqttClientBinding(Disposable binding) {
        this.binding = binding;
    }

    static <R> MqttClientBinding of(ObjectProvider<DrainableMqttClient> client, ObjectProvider<R> registry,
            BiFunction<MqttClient, R, Disposable> bind) {
        DrainableMqttClient mqttClient = client.getIfAvailable();
        R target = registry.getIfUnique();
        return new MqttClientBinding(mqttClient == null || target == null ? Disposables.disposed()
                : bind.apply(mqttClient.delegate(), target));
    }

    boolean isBound() {
        return !binding.isDisposed();
    }

    void dispose() {
        binding.dispose();
    }
}
