package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free TCP ports on the loopback interface for brokers that must be told their ports up front.
 *
 * <p>The ports are free when picked; another process could take one before the broker binds it, so the
 * broker fixtures check every listener after start and retry with new ports.
 */
public final class FreePorts {

    /** The only address the fixtures bind to or connect to. */
    public static final String LOOPBACK = "127.0.0.1";

    private FreePorts() {
    }

    /**
     * Picks {@code count} distinct free ports on {@value #LOOPBACK}.
     *
     * @param count how many
     * @return the ports, all distinct
     */
    public static int[] pick(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 1);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick free loopback ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it was only held to keep the port
                }
            }
        }
    }

    /**
     * Whether something accepts TCP connections on {@value #LOOPBACK}:{@code port}.
     *
     * @param port the port
     * @param timeoutMillis the connect timeout
     * @return true if a connection could be made
     */
    public static boolean accepts(int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
