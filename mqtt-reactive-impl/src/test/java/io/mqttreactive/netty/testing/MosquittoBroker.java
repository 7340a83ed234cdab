package io.mqttreactive.netty.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Eclipse Mosquitto 2 run as a child process with its own generated configuration, every {@link Listener}
 * bound to a pre-picked free loopback port:
 *
 * <pre>{@code
 * @RequiresMosquitto
 * class SomeIT {
 *     static MosquittoBroker broker;
 *     @BeforeAll static void start() { broker = MosquittoBroker.builder().persistence(true).start(); }
 *     @AfterAll static void stop() { broker.close(); }
 * }
 * }</pre>
 *
 * <p>Configuration, certificates' use, password file, ACL, persistence database and log all live in a
 * temporary directory deleted by {@link #close()}. {@link #stop()} ends the process with SIGTERM (mosquitto
 * then saves its persistence database), {@link #kill()} with SIGKILL (a crash: nothing saved since the last
 * autosave), and {@link #start()} brings it back on the same ports. Every wait is bounded.
 *
 * <p>Mosquitto's WebSocket listeners accept any request path, so {@link #webSocketPath()} ({@code /mqtt})
 * works as it does on HiveMQ.
 */
public final class MosquittoBroker implements MqttTestBroker {

    /** How long a start waits for mosquitto to report it is running. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** How long {@link #stop()} waits after SIGTERM before it sends SIGKILL. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;
    private static final int LOG_LINES = 200;

    private final Path executable;
    private final Path directory;
    private final Path configFile;
    private final Map<Listener, Integer> ports;
    private final TestCertificates certificates;
    private final boolean persistence;
    private final Deque<String> log = new ArrayDeque<>();
    private Process process;
    private boolean closed;

    private MosquittoBroker(Path executable, Path directory, Map<Listener, Integer> ports, TestCertificates certificates,
            boolean persistence) {
        this.executable = executable;
        this.directory = directory;
        this.configFile = directory.resolve("mosquitto.conf");
        this.ports = ports;
        this.certificates = certificates;
        this.persistence = persistence;
    }

    /** @return a builder; {@link Builder#start()} starts the broker */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public int port(Listener listener) {
        return ports.get(listener);
    }

    @Override
    public TestCertificates certificates() {
        return certificates;
    }

    /** @return the directory holding the configuration, log and persistence data */
    public Path directory() {
        return directory;
    }

    /** @return whether persistence was enabled (sessions and retained messages survive {@link #stop()}) */
    public boolean persistence() {
        return persistence;
    }

    /** @return whether the process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the stopped broker again on the same ports, with its persistence data if enabled.
     *
     * @throws IllegalStateException if it is running or closed, or does not come up in time
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (isRunning()) {
            throw new IllegalStateException("already running");
        }
        launch();
    }

    /** Stops the broker gracefully (SIGTERM; SIGKILL after {@link #STOP_TIMEOUT}); idempotent. */
    public synchronized void stop() {
        terminate(false);
    }

    /** Kills the broker (SIGKILL), as a crash would; idempotent. */
    public synchronized void kill() {
        terminate(true);
    }

    /** Stops gracefully and starts again on the same ports. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Waits for mosquitto's log to say the client's last connection ended ({@code connection_messages}). */
    @Override
    public void awaitOffline(String clientId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isOnline(clientId)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("mosquitto still counts " + clientId + " as connected after " + timeout
                        + "; log:\n" + recentLog());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + clientId + " to go offline", e);
            }
        }
    }

    /** Whether the last log line about the client is the one for a new connection. */
    private boolean isOnline(String clientId) {
        String connected = " as " + clientId + " (";
        synchronized (log) {
            for (Iterator<String> lines = log.descendingIterator(); lines.hasNext(); ) {
                String line = lines.next();
                if (line.contains(connected)) {
                    return true;
                }
                if (line.contains("lient " + clientId + " ") || line.contains("lient " + clientId + ",")) {
                    return false;
                }
            }
        }
        return false;
    }

    /** @return the last lines mosquitto logged, for diagnostics */
    public String recentLog() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            TempDirs.deleteQuietly(directory);
        }
    }

    @Override
    public String toString() {
        return "MosquittoBroker" + ports;
    }

    private void launch() {
        CompletableFuture<Void> running = new CompletableFuture<>();
        synchronized (log) {
            log.clear();
        }
        try {
            process = new ProcessBuilder(executable.toString(), "-c", configFile.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        }
        Process started = process;
        Thread reader = new Thread(() -> readLog(started, running), "mosquitto-log-" + ports.get(Listener.TCP));
        reader.setDaemon(true);
        reader.start();
        try {
            CompletableFuture.anyOf(running, started.onExit())
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(true);
            throw new IllegalStateException("interrupted while starting mosquitto", e);
        } catch (ExecutionException | TimeoutException e) {
            terminate(true);
            throw new IllegalStateException("mosquitto did not start within " + START_TIMEOUT + "; log:\n" + recentLog(), e);
        }
        if (!started.isAlive() || !running.isDone()) {
            terminate(true);
            String message = "mosquitto exited on start (code " + started.exitValue() + "); log:\n" + recentLog();
            throw recentLog().contains("Address already in use")
                    ? new PortTakenException(message) : new IllegalStateException(message);
        }
        for (Listener listener : Listener.values()) {
            if (!FreePorts.accepts(ports.get(listener), 2_000)) {
                terminate(true);
                throw new PortTakenException("mosquitto is running but its " + listener + " listener on port "
                        + ports.get(listener) + " accepts no connection; log:\n" + recentLog());
            }
        }
    }

    private void readLog(Process source, CompletableFuture<Void> running) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (log) {
                    if (log.size() == LOG_LINES) {
                        log.removeFirst();
                    }
                    log.addLast(line);
                }
                if (line.contains("mosquitto version") && line.endsWith(" running")) {
                    running.complete(null);
                }
            }
        } catch (IOException e) {
            // the process ended and took its pipe with it
        }
    }

    private void terminate(boolean forcibly) {
        Process current = process;
        if (current == null) {
            return;
        }
        process = null;
        if (forcibly) {
            current.destroyForcibly();
        } else {
            current.destroy();
        }
        try {
            if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly();
                if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("mosquitto (pid " + current.pid() + ") survived SIGKILL");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping mosquitto", e);
        }
    }

    /** Options for {@link MosquittoBroker}; every one has a working default. */
    public static final class Builder {

        private TestCertificates certificates;
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean allowAnonymous = true;
        private String acl;
        private boolean persistence;
        private String deniedSubscriptions;
        private String extraConfig = "";

        private Builder() {
        }

        /**
         * @param certificates the TLS material (default {@link TestCertificates#shared()})
         * @return this builder
         */
        public Builder certificates(TestCertificates certificates) {
            this.certificates = certificates;
            return this;
        }

        /**
         * Adds a user to the password file (hashed with {@code mosquitto_passwd}). With at least one user,
         * anonymous clients are refused unless {@link #allowAnonymous(boolean)} says otherwise.
         *
         * @param username a user name without {@code :}
         * @param password its password
         * @return this builder
         */
        public Builder user(String username, String password) {
            if (username.contains(":")) {
                throw new IllegalArgumentException("a mosquitto user name cannot contain ':'");
            }
            users.put(username, password);
            allowAnonymous = false;
            return this;
        }

        /**
         * @param allow whether clients without credentials may connect (default true, false once a user is added)
         * @return this builder
         */
        public Builder allowAnonymous(boolean allow) {
            this.allowAnonymous = allow;
            return this;
        }

        /**
         * An ACL file's content, e.g. {@code "user alice\ntopic readwrite alice/#\n"}. Mosquitto then denies
         * everything the ACL does not grant, anonymous clients included ({@code pattern} lines apply to all).
         *
         * @param content mosquitto {@code acl_file} syntax
         * @return this builder
         */
        public Builder acl(String content) {
            this.acl = content;
            return this;
        }

        /**
         * Makes mosquitto refuse every subscription whose topic filter matches {@code pattern}: SUBACK return code
         * 0x80 (MQTT 3.1.1) or reason code 0x87 Not authorized (MQTT 5.0); other subscriptions and all publishes
         * stay allowed. Mosquitto's ACL file never refuses a SUBSCRIBE (it filters deliveries instead), so this
         * loads the dynamic security plugin ({@link MosquittoInstallation#dynamicSecurityPlugin()}) with a role for
         * anonymous clients; it cannot be combined with {@link #user(String, String)}.
         *
         * @param pattern a topic filter such as {@code "forbidden/#"}
         * @return this builder
         */
        public Builder denySubscriptions(String pattern) {
            this.deniedSubscriptions = pattern;
            return this;
        }

        /**
         * @param enabled whether sessions, queued and retained messages are saved to the data directory on
         *     {@link MosquittoBroker#stop()} and restored on {@link MosquittoBroker#start()} (default false)
         * @return this builder
         */
        public Builder persistence(boolean enabled) {
            this.persistence = enabled;
            return this;
        }

        /**
         * Extra global options, one per line, placed before the listeners, e.g.
         * {@code "max_inflight_messages 5\nmax_packet_size 1024"}.
         *
         * @param lines mosquitto.conf lines
         * @return this builder
         */
        public Builder extraConfig(String lines) {
            this.extraConfig = lines;
            return this;
        }

        /**
         * Writes the configuration and starts mosquitto, retrying with new ports if a pre-picked one was taken
         * meanwhile.
         *
         * @return the running broker, every listener accepting connections
         * @throws IllegalStateException if mosquitto is missing or does not start within {@link #START_TIMEOUT}
         */
        public MosquittoBroker start() {
            Path executable = MosquittoInstallation.executable()
                    .orElseThrow(() -> new IllegalStateException(MosquittoInstallation.missingMessage()));
            TestCertificates certs = certificates != null ? certificates : TestCertificates.shared();
            if (deniedSubscriptions != null && !users.isEmpty()) {
                throw new IllegalStateException("denySubscriptions works for anonymous clients only, not with users");
            }
            RuntimeException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Path dir = TempDirs.create("mosquitto");
                try {
                    Map<Listener, Integer> ports = new EnumMap<>(Listener.class);
                    int[] picked = FreePorts.pick(Listener.values().length);
                    for (Listener listener : Listener.values()) {
                        ports.put(listener, picked[listener.ordinal()]);
                    }
                    MosquittoBroker broker = new MosquittoBroker(executable, dir, ports, certs, persistence);
                    new MosquittoConfig(Map.copyOf(users), allowAnonymous, acl, persistence, deniedSubscriptions,
                            extraConfig)
                            .write(dir, broker.configFile, ports, certs);
                    broker.launch();
                    return broker;
                } catch (PortTakenException e) {
                    TempDirs.deleteQuietly(dir);
                    if (last != null) {
                        e.addSuppressed(last);
                    }
                    last = e;
                } catch (RuntimeException e) {
                    TempDirs.deleteQuietly(dir);
                    throw e;
                }
            }
            throw last;
        }
    }

    /** A pre-picked port was taken by someone else before mosquitto could bind it. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
