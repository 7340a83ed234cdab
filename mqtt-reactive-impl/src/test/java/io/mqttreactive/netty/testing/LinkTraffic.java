package io.mqttreactive.netty.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The bytes one connection through a {@link TcpProxy} carried each way, as the proxy wrote them to the peer,
 * recorded once {@link TcpProxy#recordTraffic()} was called. Filled on the proxy thread; the test gets copies
 * from {@link TcpProxy#recordedTraffic()}.
 */
public final class LinkTraffic {

    private final int index;
    private final ByteArrayOutputStream toServer;
    private final ByteArrayOutputStream toClient;

    LinkTraffic(int index) {
        this(index, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    private LinkTraffic(int index, ByteArrayOutputStream toServer, ByteArrayOutputStream toClient) {
        this.index = index;
        this.toServer = toServer;
        this.toClient = toClient;
    }

    /**
     * Returns traffic recorded elsewhere, e.g. to test what reads recordings.
     *
     * @param index    the connection's number
     * @param toServer what the client sent
     * @param toClient what the server sent
     * @return the recording
     */
    public static LinkTraffic of(int index, byte[] toServer, byte[] toClient) {
        LinkTraffic traffic = new LinkTraffic(index);
        traffic.toServer.writeBytes(toServer);
        traffic.toClient.writeBytes(toClient);
        return traffic;
    }

    /** @return the connection's number: 1 for the first connection the proxy accepted */
    public int index() {
        return index;
    }

    /** @return what the client sent that reached the server */
    public byte[] toServer() {
        return toServer.toByteArray();
    }

    /** @return what the server sent that reached the client */
    public byte[] toClient() {
        return toClient.toByteArray();
    }

    /** Records {@code written}, the bytes just written, read between the given positions of the buffer. */
    void written(boolean towardsClient, ByteBuffer buffer, int from, int to) {
        ByteArrayOutputStream stream = towardsClient ? toClient : toServer;
        stream.write(buffer.array(), buffer.arrayOffset() + from, to - from);
    }

    LinkTraffic copy() {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        server.writeBytes(toServer.toByteArray());
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        client.writeBytes(toClient.toByteArray());
        return new LinkTraffic(index, server, client);
    }
}
