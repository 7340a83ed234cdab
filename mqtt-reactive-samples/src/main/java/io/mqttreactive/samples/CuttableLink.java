package io.mqttreactive.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free loopback port to a broker, whose connections can be cut at once: what a process's network
 * connections do when the process dies. The broker sees its connection end without a DISCONNECT, the client sees
 * its connection end and finds nothing listening when it tries again, and bytes still in the relay are lost.
 *
 * <p>Each connection is relayed by two threads of its own (plain blocking sockets); {@link #cut()} and
 * {@link #close()} may block briefly: call them from {@code main} or a test, never from an event loop.
 */
final class CuttableLink implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int BUFFER_SIZE = 8192;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private CuttableLink(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Starts relaying to a broker.
     *
     * @param targetHost the broker's host
     * @param targetPort the broker's port
     * @return the running link
     * @throws UncheckedIOException if no loopback port can be opened
     */
    static CuttableLink open(String targetHost, int targetPort) {
        try {
            CuttableLink link = new CuttableLink(new ServerSocket(0, 16, InetAddress.getByName(LOOPBACK)),
                    targetHost, targetPort);
            start("link-accept-" + link.port(), link::accept);
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the link to the broker", e);
        }
    }

    /**
     * Returns the host clients connect to instead of the broker's.
     *
     * @return the loopback address
     */
    String host() {
        return LOOPBACK;
    }

    /**
     * Returns the port clients connect to instead of the broker's.
     *
     * @return the port
     */
    int port() {
        return server.getLocalPort();
    }

    /** Cuts every connection and stops listening, as the death of the client's process would. */
    void cut() {
        close();
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(CuttableLink::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                relay(track(server.accept()));
            } catch (IOException e) {
                // Cut: the loop ends.
            }
        }
    }

    private void relay(Socket client) {
        try {
            Socket broker = track(new Socket(targetHost, targetPort));
            start("link-up-" + client.getPort(), () -> relay(client, broker));
            start("link-down-" + client.getPort(), () -> relay(broker, client));
        } catch (IOException e) {
            closeQuietly(client);
            sockets.remove(client);
        }
    }

    private Socket track(Socket socket) throws IOException {
        sockets.add(socket);
        if (server.isClosed()) {
            closeQuietly(socket);
            throw new IOException("the link is cut");
        }
        return socket;
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // The other side or cut() closed the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
