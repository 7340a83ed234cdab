package io.mqttreactive.netty.internal.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.testing.fuzz.HeapAllocation;
import io.mqttreactive.netty.testing.fuzz.InboundRun;
import io.mqttreactive.netty.testing.fuzz.InspectableAllocator;
import io.mqttreactive.netty.testing.fuzz.Segments;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import reactor.netty.Connection;

/**
 * Feeds hostile bytes to a connection as a WebSocket broker would send them after accepting the upgrade: the
 * real {@link WebSocketUpgrade} runs on an embedded channel, a valid 101 answer is followed by the input, and
 * Netty's frame decoder, {@link WebSocketFrames} and the {@link MqttFrameDecoder} (MQTT 5, protocol maximum
 * packet and frame size, as the connector installs them) turn it into packets. The answer and the input are cut
 * into reads together, so frames arriving in the same read as the 101 answer are covered too.
 *
 * <p>Checked as in {@link FrameDecoderFuzzing}: no leak, no buffer or heap allocation beyond the input's size,
 * and only typed errors: an {@link io.mqttreactive.netty.internal.codec.MqttDecodeException}, the
 * {@link MqttException} for a text frame, or Netty's {@link CorruptedWebSocketFrameException} for a frame that
 * breaks RFC 6455 (which closes the connection with a close frame). Without {@code JAZZER_FUZZ} it replays the
 * corpus in {@code WebSocketFramesFuzzTestInputs/}.
 */
class WebSocketFramesFuzzTest {

    private static final DecodeContext MQTT_5 = DecodeContext.of(MqttVersion.MQTT_5_0);
    private static final MqttClientOptions OPTIONS = MqttClientOptions.builder().serverHost("broker.invalid")
            .serverPort(8080).transport(Transport.WEBSOCKET).version(MqttVersion.MQTT_5_0).clientId("fuzz")
            .reconnect(ReconnectOptions.DISABLED).build();
    private static final String KEY_HEADER = "sec-websocket-key:";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int HANDSHAKE_SLACK = 1024;
    /** The heap an upgrade costs on an embedded channel, request and answer included. */
    private static final int HEAP_SLACK = 128 * 1024;

    @FuzzTest(maxDuration = "60s")
    void anyFramesAfterTheUpgradeDecodeToPacketsOrATypedError(byte[] input) {
        HeapAllocation.requireAtMost((long) FrameDecoderFuzzing.HEAP_BYTES_PER_INPUT_BYTE * input.length + HEAP_SLACK,
                "receiving " + input.length + " bytes", () -> receive(input));
    }

    private static void receive(byte[] input) {
        InspectableAllocator allocator = new InspectableAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        List<Throwable> upgradeErrors = new ArrayList<>();
        WebSocketUpgrade.upgrade(Connection.from(channel), OPTIONS, MQTT_5.maximumPacketSize())
                .subscribe(upgraded -> channel.pipeline().addBefore(InboundRun.COLLECTOR, MqttFrameDecoder.NAME,
                        new MqttFrameDecoder(MQTT_5)), upgradeErrors::add);
        InboundRun run = new InboundRun(channel, allocator);
        byte[] stream = concat(answer(upgradeRequest(channel)), input);
        run.feed(stream, Segments.of(input, stream.length));
        run.close();
        if (!upgradeErrors.isEmpty()) {
            throw new AssertionError("the upgrade failed on a valid answer", upgradeErrors.get(0));
        }
        run.verify(stream, WebSocketFramesFuzzTest::isTypedError, HANDSHAKE_SLACK);
    }

    private static boolean isTypedError(Throwable error) {
        return FrameDecoderFuzzing.isTypedDecodeError(error) || error instanceof MqttException
                || error instanceof CorruptedWebSocketFrameException;
    }

    private static String upgradeRequest(EmbeddedChannel channel) {
        StringBuilder request = new StringBuilder();
        for (ByteBuf written; (written = channel.readOutbound()) != null; ) {
            request.append(written.toString(StandardCharsets.US_ASCII));
            written.release();
        }
        return request.toString();
    }

    /** Returns the broker's acceptance of {@code request} (RFC 6455 section 4.2.2), offering subprotocol mqtt. */
    private static byte[] answer(String request) {
        int header = request.toLowerCase(Locale.ROOT).indexOf(KEY_HEADER);
        if (header < 0) {
            throw new IllegalStateException("no Sec-WebSocket-Key in the upgrade request: " + request);
        }
        String key = request.substring(header + KEY_HEADER.length(), request.indexOf('\r', header)).trim();
        return ("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n"
                + "Sec-WebSocket-Protocol: mqtt\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + ACCEPT_GUID)
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
