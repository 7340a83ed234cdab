package io.mqttreactive;

import io.mqttreactive.spi.MqttClientProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Creates {@link MqttClient}s with the implementation found on the class path or module path: the first
 * {@link MqttClientProvider} registered with {@link ServiceLoader} that supports the options.
 */
public final class MqttClients {

    private MqttClients() {
    }

    /**
     * Creates a client. No I/O happens until its {@link MqttClient#connect()} is subscribed.
     *
     * @param options the client options
     * @return a new, disconnected client
     * @throws NullPointerException  if {@code options} is {@code null}
     * @throws IllegalStateException if no provider supports the options; the message lists the providers found
     */
    public static MqttClient create(MqttClientOptions options) {
        return create(options, ServiceLoader.load(MqttClientProvider.class, MqttClientProvider.class.getClassLoader()));
    }

    /**
     * Creates a client from a broker URI, with defaults for everything the URI does not say; see
     * {@link MqttClientOptions.Builder#uri(String)} for the format.
     *
     * @param uri the URI, for example {@code mqtt://broker.example.com?clientId=sensor-7}
     * @return a new, disconnected client
     * @throws IllegalArgumentException if the URI is not valid
     * @throws IllegalStateException    if no provider supports the options
     */
    public static MqttClient create(String uri) {
        return create(MqttClientOptions.parse(uri));
    }

    static MqttClient create(MqttClientOptions options, Iterable<MqttClientProvider> providers) {
        Objects.requireNonNull(options, "options");
        List<String> found = new ArrayList<>();
        for (MqttClientProvider provider : providers) {
            if (provider.supports(options)) {
                return Objects.requireNonNull(provider.create(options),
                        () -> "MqttClientProvider " + provider.name() + " returned no client");
            }
            found.add(provider.name());
        }
        throw new IllegalStateException("No MqttClientProvider supports " + options + "; providers found: "
                + (found.isEmpty() ? "none (is mqtt-reactive-impl on the class path or module path?)" : found));
    }
}
