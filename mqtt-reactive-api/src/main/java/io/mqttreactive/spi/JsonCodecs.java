package io.mqttreactive.spi;

import org.jspecify.annotations.Nullable;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link JsonCodecProvider} behind {@link PayloadCodec#json(Class)} and {@link PayloadCodec#json(Type)}:
 * among the providers that {@link ServiceLoader} can load and that are
 * {@linkplain JsonCodecProvider#available() available}, the one named by
 * {@value JsonCodecProvider#PROVIDER_PROPERTY} if that is set, else the one with the highest priority (then the first
 * by name, then by class name, so the choice never depends on class-path order). Providers that fail to load or are
 * not available are skipped and named in the error if none is left.
 */
final class JsonCodecs {

    /** Stops a service iterator that keeps failing on the same entry from looping for ever. */
    private static final int MAX_FAILURES = 32;

    private static final Comparator<JsonCodecProvider> PREFERRED_FIRST =
            Comparator.comparingInt(JsonCodecProvider::priority).reversed()
                    .thenComparing(JsonCodecProvider::name)
                    .thenComparing(provider -> provider.getClass().getName());

    private JsonCodecs() {
    }

    static <T> PayloadCodec<T> json(Type type) {
        Objects.requireNonNull(type, "type");
        return json(type, ServiceLoader.load(JsonCodecProvider.class, JsonCodecProvider.class.getClassLoader())
                .iterator(), System.getProperty(JsonCodecProvider.PROVIDER_PROPERTY));
    }

    static <T> PayloadCodec<T> json(Type type, Iterator<JsonCodecProvider> providers) {
        return json(type, providers, null);
    }

    static <T> PayloadCodec<T> json(Type type, Iterator<JsonCodecProvider> providers, @Nullable String chosen) {
        List<JsonCodecProvider> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        collect(providers, usable, skipped);
        usable.sort(PREFERRED_FIRST);
        JsonCodecProvider provider = chosen == null || chosen.isBlank()
                ? first(type, usable, skipped)
                : named(chosen.strip(), usable, skipped);
        return Objects.requireNonNull(provider.<T>create(type),
                () -> "JsonCodecProvider " + provider.name() + " returned no codec");
    }

    private static void collect(Iterator<JsonCodecProvider> providers, List<JsonCodecProvider> usable,
            List<String> skipped) {
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                JsonCodecProvider provider = providers.next();
                if (provider.available()) {
                    usable.add(provider);
                } else {
                    skipped.add(provider.name() + " (not available)");
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                skipped.add(describe(e));
            }
        }
    }

    private static JsonCodecProvider first(Type type, List<JsonCodecProvider> usable, List<String> skipped) {
        if (!usable.isEmpty()) {
            return usable.get(0);
        }
        throw new IllegalStateException("No JsonCodecProvider found for a JSON codec of " + type.getTypeName()
                + "; providers found: " + (skipped.isEmpty()
                        ? "none (are mqtt-reactive-impl and jackson-databind on the class path or module path?)"
                        : "none usable, " + skipped));
    }

    private static JsonCodecProvider named(String chosen, List<JsonCodecProvider> usable, List<String> skipped) {
        for (JsonCodecProvider provider : usable) {
            if (provider.name().equalsIgnoreCase(chosen)) {
                return provider;
            }
        }
        throw new IllegalStateException("The JsonCodecProvider \"" + chosen + "\" chosen by the system property "
                + JsonCodecProvider.PROVIDER_PROPERTY + " is not available; available: "
                + usable.stream().map(JsonCodecProvider::name).toList() + ", skipped: " + skipped);
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" caused by ").append(cause);
        }
        return text.toString();
    }
}
