package io.mqttreactive.samples;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An embedded HiveMQ Community Edition broker listening for MQTT 3.1, 3.1.1 and 5.0 over TCP on a free port
 * of the loopback interface. Its configuration, data and extensions folders, and JNA's native library
 * folder, live in one temporary folder that {@link #close()} deletes. Sessions are kept in memory and usage
 * statistics are off, so it writes little and sends nothing anywhere. A session's queue holds up to
 * {@value #MAX_QUEUED_MESSAGES} messages: past HiveMQ CE's default of 1,000 the broker drops the QoS 1 and 2
 * messages of a subscriber that is offline or behind, which a sample proving that nothing is lost must not meet.
 *
 * <p>{@link #start(Duration)} and {@link #close()} block: call them from {@code main} or a test, never from an
 * event loop.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private static final int MAX_QUEUED_MESSAGES = 100_000;

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final int port;
    private final Duration timeout;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path home, int port, Duration timeout) {
        this.hivemq = hivemq;
        this.home = home;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Starts a broker and waits until it listens.
     *
     * @param timeout how long to wait for the start, and later for the stop
     * @return the running broker
     * @throws IllegalStateException if it does not start within {@code timeout}
     */
    public static EmbeddedBroker start(Duration timeout) {
        Path home = createHome();
        int port = freeLoopbackPort();
        try {
            Path config = Files.createDirectories(home.resolve("conf"));
            Files.writeString(config.resolve("config.xml"), configuration(port));
            if (System.getProperty("jna.tmpdir") == null) {
                System.setProperty("jna.tmpdir", Files.createDirectories(home.resolve("jna")).toString());
            }
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(config)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .build();
            EmbeddedBroker broker = new EmbeddedBroker(hivemq, home, port, timeout);
            broker.await(hivemq.start(), "start");
            return broker;
        } catch (IOException e) {
            deleteRecursively(home);
            throw new UncheckedIOException("cannot prepare the embedded broker's folder " + home, e);
        } catch (RuntimeException e) {
            deleteRecursively(home);
            throw e;
        }
    }

    /**
     * Returns the URI clients connect to, for example {@code mqtt://127.0.0.1:41883}.
     *
     * @return the broker URI
     */
    public String uri() {
        return "mqtt://" + HOST + ":" + port;
    }

    /**
     * Returns the TCP port the broker listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Stops the broker and deletes its folder.
     *
     * @throws IllegalStateException if it does not stop in time
     */
    @Override
    public void close() {
        try {
            await(hivemq.stop(), "stop");
            hivemq.close();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded broker failed to close", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the embedded broker", e);
        } finally {
            deleteRecursively(home);
        }
    }

    private void await(Future<Void> operation, String what) {
        try {
            operation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded broker failed to " + what + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded broker did not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker to " + what, e);
        }
    }

    private static String configuration(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                        </queued-messages>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, HOST, MAX_QUEUED_MESSAGES);
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("mqtt-reactive-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the embedded broker", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover in the temporary folder is no reason to fail.
        }
    }
}
