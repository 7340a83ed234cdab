package io.mqttreactive.netty.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the {@code mosquitto} executable and decides what a test does when it is missing: skip with a
 * printed reason, or, when the environment variable {@value #REQUIRE_ENV} is {@code true} (as in CI), fail.
 *
 * <p>Looked up in this order: the environment variable {@value #BIN_ENV} (a path to the executable), each
 * {@code PATH} entry, then {@code /usr/sbin}, {@code /usr/local/sbin}, {@code /opt/homebrew/sbin}
 * (Debian installs it to {@code /usr/sbin}, which is not on every user's {@code PATH}).
 */
public final class MosquittoInstallation {

    /** Set to {@code true} to make a missing mosquitto a test failure instead of a skip. */
    public static final String REQUIRE_ENV = "MQTT_REQUIRE_MOSQUITTO";
    /** Optional path to the mosquitto executable. */
    public static final String BIN_ENV = "MQTT_MOSQUITTO_BIN";

    private MosquittoInstallation() {
    }

    /** @return the executable, if found */
    public static Optional<Path> executable() {
        return find("mosquitto", "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin");
    }

    /** @return {@code mosquitto_passwd}, if found (it ships in the same Debian package) */
    public static Optional<Path> passwordTool() {
        Optional<Path> beside = executable().map(bin -> bin.resolveSibling("mosquitto_passwd")).filter(Files::isExecutable);
        return beside.isPresent() ? beside : find("mosquitto_passwd", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin");
    }

    /**
     * @return mosquitto's dynamic security plugin ({@code mosquitto_dynamic_security.so}, shipped in the Debian
     *     package), if found in one of the usual library folders
     */
    public static Optional<Path> dynamicSecurityPlugin() {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/mosquitto",
                "/usr/lib", "/usr/local/lib", "/opt/homebrew/lib")) {
            Path candidate = Path.of(dir, "mosquitto_dynamic_security.so");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return whether {@value #REQUIRE_ENV} is {@code true} */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /**
     * For a test that needs mosquitto: returns if it is installed; otherwise skips the test (a JUnit
     * assumption) after printing why, or fails it when {@value #REQUIRE_ENV} is {@code true}.
     *
     * @throws IllegalStateException if mosquitto is missing and required
     */
    public static void assumeInstalled() {
        if (executable().isPresent()) {
            return;
        }
        if (required()) {
            throw new IllegalStateException(missingMessage());
        }
        System.err.println("[mosquitto] SKIPPED: " + missingMessage());
        Assumptions.abort(missingMessage());
    }

    /** @return the explanation used for a skip or failure when mosquitto is missing */
    public static String missingMessage() {
        return "mosquitto is not installed (looked at $" + BIN_ENV + ", PATH, /usr/sbin, /usr/local/sbin, "
                + "/opt/homebrew/sbin); install it with 'apt-get install -y mosquitto'"
                + (required() ? " - it is required because " + REQUIRE_ENV + "=true"
                        : "; set " + REQUIRE_ENV + "=true to make this a failure instead of a skip");
    }

    private static Optional<Path> find(String name, String... fallbacks) {
        if (name.equals("mosquitto")) {
            String configured = System.getenv(BIN_ENV);
            if (configured != null && !configured.isBlank()) {
                Path path = Path.of(configured);
                return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
            }
        }
        Set<String> dirs = new LinkedHashSet<>();
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            dirs.addAll(List.of(pathEnv.split(File.pathSeparator)));
        }
        dirs.addAll(List.of(fallbacks));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
