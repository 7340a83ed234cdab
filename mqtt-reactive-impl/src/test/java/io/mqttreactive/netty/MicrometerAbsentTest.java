package io.mqttreactive.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: a client that is not bound to metrics or observations connects, publishes, receives and
 * closes with no Micrometer class on its class path, and never asks for one. The client's classes are loaded
 * again by a class loader that hides {@code io.micrometer} and records every attempt to load from it.
 */
class MicrometerAbsentTest {

    @Test
    @DisplayName("a client without metrics never loads a Micrometer class")
    void clientRunsWithoutMicrometer() throws Exception {
        URL[] ownClasses = {location(NettyMqttClient.class), location(MqttClient.class),
                location(WithoutMicrometerScenario.class)};
        try (HidingClassLoader loader = new HidingClassLoader(ownClasses, getClass().getClassLoader())) {
            Class<?> scenario = loader.loadClass(WithoutMicrometerScenario.class.getName());
            assertThat(scenario.getClassLoader()).isSameAs(loader);
            Object received = ((Callable<?>) scenario.getDeclaredConstructor().newInstance()).call();
            assertThat(received).isEqualTo(List.of("zero", "one"));
            assertThat(loader.hiddenRequests).isEmpty();
            assertThat(loader.loadedOwnClasses).contains(NettyMqttClient.class.getName(),
                    "io.mqttreactive.netty.internal.telemetry.ClientTelemetry");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads the project's classes itself, hides Micrometer and delegates everything else to its parent. */
    private static final class HidingClassLoader extends URLClassLoader {

        final List<String> hiddenRequests = new CopyOnWriteArrayList<>();
        final List<String> loadedOwnClasses = new CopyOnWriteArrayList<>();

        HidingClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                hiddenRequests.add(name);
                throw new ClassNotFoundException(name + " is hidden");
            }
            if (!name.startsWith("io.mqttreactive.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                    loadedOwnClasses.add(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
