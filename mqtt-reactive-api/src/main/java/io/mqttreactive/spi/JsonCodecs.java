package io.mqttreactive.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link JsonCodecProvider} behind {@link PayloadCodec#json(Class)}: the first one that
 * {@link ServiceLoader} can load and instantiate. Providers that fail to load are skipped and named in the
 * error if none is left.
 */
final class JsonCodecs {

    /** Stops a service iterator that keeps failing on the same entry from looping for ever. */
    private static final int MAX_FAILURES = 32;

    private JsonCodecs() {
    }

    static <T> PayloadCodec<T> json(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return json(type, ServiceLoader.load(JsonCodecProvider.class, JsonCodecProvider.class.getClassLoader())
                .iterator());
    }

    static <T> PayloadCodec<T> json(Class<T> type, Iterator<JsonCodecProvider> providers) {
        List<String> failures = new ArrayList<>();
        while (failures.size() < MAX_FAILURES) {
            JsonCodecProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add(describe(e));
                continue;
            }
            return Objects.requireNonNull(provider.create(type),
                    () -> "JsonCodecProvider " + provider.name() + " returned no codec");
        }
        throw new IllegalStateException("No JsonCodecProvider found for a JSON codec of " + type.getName()
                + "; providers found: " + (failures.isEmpty()
                        ? "none (are mqtt-reactive-impl and jackson-databind on the class path or module path?)"
                        : "none usable, " + failures));
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" caused by ").append(cause);
        }
        return text.toString();
    }
}
