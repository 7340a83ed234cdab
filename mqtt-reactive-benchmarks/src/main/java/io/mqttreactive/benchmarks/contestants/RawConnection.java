package io.mqttreactive.benchmarks.contestants;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * One MQTT 5 connection over a plain blocking socket: a reader thread answers the broker's QoS 1 and 2 frames
 * and reports acknowledgements; writes are buffered and flushed once the reader has drained what arrived.
 */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final MessageListener listener;
    private final IntConsumer completed;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final byte[] ackFrame = new byte[4];
    private final Thread reader;
    private volatile boolean closing;

    /**
     * @param completed told the packet id of each PUBACK or PUBCOMP the broker sends, on the reader thread
     */
    RawConnection(String host, int port, String clientId, int window, MessageListener listener, IntConsumer completed)
            throws IOException {
        this.listener = listener;
        this.completed = completed;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        write(RawFrames.connect(clientId, window), true);
        int type = in.readUnsignedByte() >> 4;
        byte[] connAck = new byte[readRemainingLength()];
        in.readFully(connAck);
        if (type != 2 || connAck[1] != 0) {
            throw new IOException("connection refused: CONNACK " + Arrays.toString(connAck));
        }
        reader = new Thread(this::readLoop, "raw-reader-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    void subscribe(String topic, int qos) throws IOException, InterruptedException {
        write(RawFrames.subscribe(topic, qos), true);
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IOException("no SUBACK for " + topic);
        }
    }

    void write(byte[] frames, boolean flush) throws IOException {
        write(frames, 0, frames.length, flush);
    }

    synchronized void write(byte[] frames, int offset, int length, boolean flush) throws IOException {
        out.write(frames, offset, length);
        if (flush) {
            out.flush();
        }
    }

    private void readLoop() {
        try {
            while (true) {
                int firstByte = in.readUnsignedByte();
                byte[] body = new byte[readRemainingLength()];
                in.readFully(body);
                handle(firstByte, body);
                if (in.available() == 0) {
                    synchronized (this) {
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                System.err.println("raw connection failed: " + e);
            }
        }
    }

    private void handle(int firstByte, byte[] body) throws IOException {
        int type = firstByte >> 4;
        int packetId = body.length >= 2 ? (body[0] & 0xFF) << 8 | body[1] & 0xFF : 0;
        switch (type) {
            case RawFrames.PUBLISH -> received(firstByte, body);
            case RawFrames.PUBACK, RawFrames.PUBCOMP -> completed.accept(packetId);
            case RawFrames.PUBREC -> answer(RawFrames.PUBREL, packetId);
            case RawFrames.PUBREL -> answer(RawFrames.PUBCOMP, packetId);
            case 9 -> subscribed.countDown();
            default -> {
            }
        }
    }

    private void received(int firstByte, byte[] body) throws IOException {
        int qos = firstByte >> 1 & 3;
        int topicLength = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
        int position = 2 + topicLength;
        int packetId = 0;
        if (qos > 0) {
            packetId = (body[position] & 0xFF) << 8 | body[position + 1] & 0xFF;
            position += 2;
        }
        int propertiesLength = 0;
        int shift = 0;
        int digit;
        do {
            digit = body[position++];
            propertiesLength |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        position += propertiesLength;
        listener.onMessage(Arrays.copyOfRange(body, position, body.length));
        if (qos == 1) {
            answer(RawFrames.PUBACK, packetId);
        } else if (qos == 2) {
            answer(RawFrames.PUBREC, packetId);
        }
    }

    private void answer(int type, int packetId) throws IOException {
        RawFrames.ack(ackFrame, 0, type, packetId);
        write(ackFrame, 0, 4, false);
    }

    private int readRemainingLength() throws IOException {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.read();
            if (digit < 0) {
                throw new EOFException();
            }
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return value;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        try {
            write(new byte[] {(byte) 0xE0, 0}, true);
        } finally {
            socket.close();
        }
    }
}
