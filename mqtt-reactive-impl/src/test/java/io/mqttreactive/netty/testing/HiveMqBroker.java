package io.mqttreactive.netty.testing;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ Community Edition, embedded in the test JVM, with every {@link Listener} on a pre-picked free
 * loopback port. Start it once per test class:
 *
 * <pre>{@code
 * static HiveMqBroker broker;
 * @BeforeAll static void start() { broker = HiveMqBroker.start(); }
 * @AfterAll static void stop() { broker.close(); }
 * }</pre>
 *
 * <p>Its configuration, data and extension folders live in a temporary directory deleted by
 * {@link #close()}; persistence is in memory (nothing survives a restart: use {@link MosquittoBroker} for
 * that); anonymous usage statistics are off; anyone may connect (add an {@link EmbeddedExtension} with an
 * authenticator to test rejections). {@code jna.tmpdir} is pointed at a temporary directory when unset.
 * Logging goes through the test logback configuration ({@code logback-test.xml}), not HiveMQ's own.
 */
public final class HiveMqBroker implements MqttTestBroker {

    /** How long {@link #start()} waits for HiveMQ to come up before it gives up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 3;

    private static HiveMqBroker shared;

    private final EmbeddedHiveMQ hivemq;
    private final Path directory;
    private final Map<Listener, Integer> ports;
    private final TestCertificates certificates;
    private final HiveMqProbe probe;
    private boolean jvmWide;
    private boolean closed;

    private HiveMqBroker(EmbeddedHiveMQ hivemq, Path directory, Map<Listener, Integer> ports,
            TestCertificates certificates, HiveMqProbe probe) {
        this.hivemq = hivemq;
        this.directory = directory;
        this.ports = ports;
        this.certificates = certificates;
        this.probe = probe;
    }

    /**
     * Starts a broker with the default configuration and {@link TestCertificates#shared()}.
     *
     * @return the started broker
     */
    public static HiveMqBroker start() {
        return builder().start();
    }

    /**
     * One default broker for the whole test JVM, started on first use and never stopped before the JVM
     * exits ({@link #close()} does nothing on it). HiveMQ needs about 4 s to stop (its Netty shutdown has a
     * fixed 2 s quiet period per event-loop group), so suites that can share a broker save that per class.
     * Tests on it must use their own client identifiers and topics.
     *
     * @return the shared, running broker
     */
    public static synchronized HiveMqBroker shared() {
        if (shared == null) {
            shared = builder().startJvmWide();
        }
        return shared;
    }

    /** @return a builder for a broker with extensions or extra configuration */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "hivemq";
    }

    @Override
    public int port(Listener listener) {
        return ports.get(listener);
    }

    @Override
    public TestCertificates certificates() {
        return certificates;
    }

    @Override
    public void awaitOffline(String clientId, Duration timeout) {
        probe.awaitOffline(clientId, timeout);
    }

    /** @return the broker's metrics, e.g. {@code com.hivemq.networking.connections.current} */
    public MetricRegistry metrics() {
        return hivemq.getMetricRegistry();
    }

    @Override
    public synchronized void close() {
        if (closed || jvmWide) {
            return;
        }
        closed = true;
        try {
            stopAndClose(hivemq);
        } finally {
            TempDirs.deleteQuietly(directory);
        }
    }

    @Override
    public String toString() {
        return "HiveMqBroker" + ports;
    }

    private static void stopAndClose(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.stop().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping HiveMQ", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("HiveMQ did not stop within " + STOP_TIMEOUT, e);
        }
    }

    /** Options for {@link HiveMqBroker}; every one has a working default. */
    public static final class Builder {

        private TestCertificates certificates;
        private String extraConfig = "";
        private EmbeddedExtension extension;

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
         * Extra elements for the top level of {@code config.xml}, e.g.
         * {@code <mqtt><receive-maximum><server-receive-maximum>5</server-receive-maximum></receive-maximum></mqtt>}.
         * It must not repeat {@code listeners}, {@code persistence} or {@code anonymous-usage-statistics}.
         *
         * @param xml well-formed elements of HiveMQ's {@code config.xsd}
         * @return this builder
         */
        public Builder extraConfig(String xml) {
            this.extraConfig = xml;
            return this;
        }

        /**
         * @param extension an embedded extension, e.g. an authenticator
         * @return this builder
         */
        public Builder extension(EmbeddedExtension extension) {
            this.extension = extension;
            return this;
        }

        /**
         * Starts the broker, within {@link #START_TIMEOUT}, retrying with new ports if a pre-picked one was
         * taken meanwhile.
         *
         * @return the started broker, every listener accepting connections
         */
        public HiveMqBroker start() {
            TestCertificates certs = certificates != null ? certificates : TestCertificates.shared();
            JnaTmpDir.ensureSet();
            RuntimeException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Path dir = TempDirs.create("hivemq");
                try {
                    return startIn(dir, certs);
                } catch (RuntimeException e) {
                    TempDirs.deleteQuietly(dir);
                    if (e.getCause() instanceof TimeoutException || e.getCause() instanceof InterruptedException) {
                        throw e;
                    }
                    if (last != null) {
                        e.addSuppressed(last);
                    }
                    last = e;
                }
            }
            throw last;
        }

        /**
         * Starts a broker that, like {@link HiveMqBroker#shared()}, lives until the JVM exits: {@link #close()}
         * does nothing on it and its folder is deleted on exit. For suites that share a broker with extensions or
         * extra configuration; the caller keeps the one instance (this method starts a new one on every call).
         *
         * @return the started broker, every listener accepting connections
         */
        public HiveMqBroker startJvmWide() {
            HiveMqBroker broker = start();
            broker.jvmWide = true;
            TempDirs.deleteOnExit(broker.directory);
            return broker;
        }

        private HiveMqBroker startIn(Path dir, TestCertificates certs) {
            Map<Listener, Integer> ports = new EnumMap<>(Listener.class);
            int[] picked = FreePorts.pick(Listener.values().length);
            for (Listener listener : Listener.values()) {
                ports.put(listener, picked[listener.ordinal()]);
            }
            HiveMqProbe probe = new HiveMqProbe(extension);
            EmbeddedHiveMQ hivemq;
            try {
                Path conf = Files.createDirectories(dir.resolve("conf"));
                Files.createDirectories(dir.resolve("data"));
                Files.createDirectories(dir.resolve("extensions"));
                Files.writeString(conf.resolve("config.xml"), configXml(ports, certs), StandardCharsets.UTF_8);
                EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(conf)
                        .withDataFolder(dir.resolve("data"))
                        .withExtensionsFolder(dir.resolve("extensions"))
                        .withoutLoggingBootstrap()
                        .withEmbeddedExtension(probe.embedded());
                hivemq = builder.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                hivemq.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                for (Listener listener : Listener.values()) {
                    if (!FreePorts.accepts(ports.get(listener), 2_000)) {
                        throw new IllegalStateException("HiveMQ started but its " + listener + " listener on port "
                                + ports.get(listener) + " accepts no connection");
                    }
                }
                return new HiveMqBroker(hivemq, dir, ports, certs, probe);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopQuietly(hivemq);
                throw new IllegalStateException("interrupted while starting HiveMQ", e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                stopQuietly(hivemq);
                throw new IllegalStateException("HiveMQ did not start within " + START_TIMEOUT + " on " + ports, e);
            }
        }

        private static void stopQuietly(EmbeddedHiveMQ hivemq) {
            try {
                stopAndClose(hivemq);
            } catch (RuntimeException e) {
                System.err.println("[hivemq] stop after a failed start failed too: " + e);
            }
        }

        private String configXml(Map<Listener, Integer> ports, TestCertificates certs) {
            String keystore = "<keystore><path>" + certs.serverKeyStore() + "</path><password>"
                    + TestCertificates.PASSWORD + "</password><private-key-password>" + TestCertificates.PASSWORD
                    + "</private-key-password></keystore>";
            String tls = "<tls>" + keystore + "<client-authentication-mode>NONE</client-authentication-mode></tls>";
            String mutualTls = "<tls>" + keystore + "<truststore><path>" + certs.trustStore() + "</path><password>"
                    + TestCertificates.PASSWORD + "</password></truststore>"
                    + "<client-authentication-mode>REQUIRED</client-authentication-mode></tls>";
            String bind = "<bind-address>" + FreePorts.LOOPBACK + "</bind-address>";
            String ws = "<path>/mqtt</path><subprotocols><subprotocol>mqttv3.1</subprotocol>"
                    + "<subprotocol>mqtt</subprotocol></subprotocols><allow-extensions>true</allow-extensions>";
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port>%s<name>tcp</name></tcp-listener>
                        <tls-tcp-listener><port>%d</port>%s<name>tls</name>%s</tls-tcp-listener>
                        <tls-tcp-listener><port>%d</port>%s<name>mutual-tls</name>%s</tls-tcp-listener>
                        <websocket-listener><port>%d</port>%s<name>ws</name>%s</websocket-listener>
                        <tls-websocket-listener><port>%d</port>%s<name>wss</name>%s%s</tls-websocket-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                      %s
                    </hivemq>
                    """.formatted(
                    ports.get(Listener.TCP), bind,
                    ports.get(Listener.TLS), bind, tls,
                    ports.get(Listener.MUTUAL_TLS), bind, mutualTls,
                    ports.get(Listener.WEBSOCKET), bind, ws,
                    ports.get(Listener.SECURE_WEBSOCKET), bind, ws, tls,
                    extraConfig);
        }
    }
}
