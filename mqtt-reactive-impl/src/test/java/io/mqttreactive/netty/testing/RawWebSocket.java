package io.mqttreactive.netty.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal RFC 6455 client for the fixtures' smoke tests: the opening handshake with sub-protocol
 * {@code mqtt}, masked binary frames out, unfragmented binary frames in. Independent of the transport
 * under test on purpose.
 */
public final class RawWebSocket {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RawWebSocket() {
    }

    /**
     * Performs the opening handshake on a connected socket.
     *
     * @param socket a connected socket (plain or TLS)
     * @param hostAndPort the {@code Host} header value
     * @param path the request path, e.g. {@code /mqtt}
     * @return the server's status line and headers
     * @throws IOException if the server does not answer {@code 101} with sub-protocol {@code mqtt}
     */
    public static String handshake(Socket socket, String hostAndPort, String path) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostAndPort + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: mqtt\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the WebSocket handshake: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 8192) {
                throw new IOException("WebSocket handshake response too long");
            }
        }
        String response = head.toString(StandardCharsets.US_ASCII);
        if (!response.startsWith("HTTP/1.1 101") || !response.toLowerCase().contains("sec-websocket-protocol: mqtt")) {
            throw new IOException("WebSocket handshake refused: " + response);
        }
        return response;
    }

    /**
     * Writes one masked binary frame.
     *
     * @param out the socket's output
     * @param payload the frame payload (shorter than 65,536 bytes)
     * @throws IOException on a write error
     */
    public static void sendBinary(OutputStream out, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x82);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8 & 0xFF);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads one unmasked, unfragmented binary frame from the server.
     *
     * @param in the socket's input
     * @return the payload
     * @throws IOException on EOF, a read error or an unexpected frame
     */
    public static byte[] readBinary(InputStream in) throws IOException {
        int first = read(in);
        if (first != 0x82) {
            throw new IOException("expected a final binary frame, got first byte " + Integer.toHexString(first));
        }
        int second = read(in);
        long length = second & 0x7F;
        if (length == 126) {
            length = (long) read(in) << 8 | read(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = length << 8 | read(in);
            }
        }
        if ((second & 0x80) != 0 || length > 1 << 20) {
            throw new IOException("unexpected masked or oversized frame from the server");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("stream ended inside a frame");
        }
        return payload;
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("stream ended before a frame");
        }
        return b;
    }
}
