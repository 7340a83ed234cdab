package io.mqttreactive.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the internal packages layered: each may import only packages of a lower layer, so dependencies run one
 * way (client, then reconnect, then flows, then transport, then codec, mapping and the session and routing
 * state, then the packet model). Read from the sources, since the packages live in one module.
 */
class PackageLayeringTest {

    private static final Path INTERNAL = Path.of("src/main/java/io/mqttreactive/netty/internal");
    private static final Pattern INTERNAL_IMPORT =
            Pattern.compile("^import (?:static )?io\\.mqttreactive\\.netty\\.internal\\.([a-z]+)\\.", Pattern.MULTILINE);

    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("packet", 0), Map.entry("routing", 0), Map.entry("session", 0), Map.entry("telemetry", 0),
            Map.entry("codec", 1), Map.entry("mapping", 1), Map.entry("metrics", 1), Map.entry("observation", 1),
            Map.entry("transport", 2),
            Map.entry("flow", 3),
            Map.entry("reconnect", 4),
            Map.entry("client", 5));

    @Test
    @DisplayName("every internal package imports only packages of a lower layer")
    void dependenciesRunOneWay() throws IOException {
        List<String> upwards = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(INTERNAL)) {
            sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getParent().equals(INTERNAL))
                    .forEach(source -> collectUpwardImports(source, upwards));
        }
        assertThat(upwards).isEmpty();
    }

    @Test
    @DisplayName("every internal package has a layer")
    void everyPackageHasALayer() throws IOException {
        try (Stream<Path> packages = Files.list(INTERNAL)) {
            assertThat(packages.filter(Files::isDirectory).map(path -> path.getFileName().toString()))
                    .allMatch(LAYERS::containsKey);
        }
    }

    private static void collectUpwardImports(Path source, List<String> upwards) {
        String from = INTERNAL.relativize(source).getName(0).toString();
        int layer = LAYERS.getOrDefault(from, -1);
        Matcher imports = INTERNAL_IMPORT.matcher(read(source));
        while (imports.find()) {
            String to = imports.group(1);
            if (!to.equals(from) && LAYERS.getOrDefault(to, Integer.MAX_VALUE) >= layer) {
                upwards.add(INTERNAL.relativize(source) + " imports " + to);
            }
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
