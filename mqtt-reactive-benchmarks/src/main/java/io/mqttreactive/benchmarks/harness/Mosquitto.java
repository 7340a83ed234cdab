package io.mqttreactive.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An Eclipse Mosquitto process on a free loopback port, with its limits raised so that it queues and keeps in
 * flight whatever the contestants send. What remains is mosquitto itself: one thread on one core.
 */
public final class Mosquitto implements AutoCloseable {

    public static final int INFLIGHT_WINDOW = 1000;

    private final Process process;
    private final Path directory;
    private final int port;

    private Mosquitto(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    public static Mosquitto start(String executable) {
        try {
            Path directory = Files.createTempDirectory("bench-mosquitto");
            int port = freePort();
            Path config = directory.resolve("mosquitto.conf");
            Files.writeString(config, configuration(port));
            Process process = new ProcessBuilder(executable, "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("mosquitto.log").toFile())
                    .start();
            Mosquitto broker = new Mosquitto(process, directory, port);
            broker.awaitListening(Duration.ofSeconds(10));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }

    private static String configuration(int port) {
        StringBuilder conf = new StringBuilder();
        if ("root".equals(System.getProperty("user.name"))) {
            conf.append("user root\n");
        }
        return conf.append("listener ").append(port).append(" 127.0.0.1\n")
                .append("allow_anonymous true\n")
                .append("persistence false\n")
                .append("log_dest stderr\n")
                .append("log_type error\nlog_type warning\n")
                .append("set_tcp_nodelay true\n")
                .append("max_connections -1\n")
                .append("max_inflight_messages ").append(INFLIGHT_WINDOW).append('\n')
                .append("max_inflight_bytes 0\n")
                .append("max_queued_messages 10000000\n")
                .append("max_queued_bytes 0\n")
                .append("max_keepalive 65535\n")
                .toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(directory.resolve("mosquitto.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on port " + port + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
