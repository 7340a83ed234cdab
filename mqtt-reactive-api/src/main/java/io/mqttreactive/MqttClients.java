package io.mqttreactive;

import io.mqttreactive.spi.ClientResources;
import io.mqttreactive.spi.MqttClientProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Creates {@link MqttClient}s with the implementation found on the class path or module path: the first
 * {@link MqttClientProvider} registered with {@link ServiceLoader} that supports the options, and, where the
 * application passes {@link ClientResources} (for example event loops it shares with its web server), those
 * resources too.
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

    /**
     * Creates a client that runs on resources the application owns, for example
     * {@code MqttClientResources.of(loopResources)} of the reactor-netty implementation to share event loops
     * with the rest of the application. No I/O happens until its {@link MqttClient#connect()} is subscribed, and
     * the client never disposes the resources.
     *
     * @param options   the client options
     * @param resources the resources to run on, made by the implementation that is to run the client
     * @return a new, disconnected client
     * @throws NullPointerException  if an argument is {@code null}
     * @throws IllegalStateException if no provider supports the options on these resources; the message lists
     *                               the providers found
     */
    public static MqttClient create(MqttClientOptions options, ClientResources resources) {
        return create(options, resources,
                ServiceLoader.load(MqttClientProvider.class, MqttClientProvider.class.getClassLoader()));
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
        throw noProvider(options.toString(), found);
    }

    static MqttClient create(MqttClientOptions options, ClientResources resources,
            Iterable<MqttClientProvider> providers) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resources, "resources");
        List<String> found = new ArrayList<>();
        for (MqttClientProvider provider : providers) {
            if (provider.supports(options, resources)) {
                return Objects.requireNonNull(provider.create(options, resources),
                        () -> "MqttClientProvider " + provider.name() + " returned no client");
            }
            found.add(provider.name());
        }
        throw noProvider(options + " on " + resources, found);
    }

    private static IllegalStateException noProvider(String what, List<String> found) {
        return new IllegalStateException("No MqttClientProvider supports " + what + "; providers found: "
                + (found.isEmpty() ? "none (is mqtt-reactive-impl on the class path or module path?)" : found));
    }
}
