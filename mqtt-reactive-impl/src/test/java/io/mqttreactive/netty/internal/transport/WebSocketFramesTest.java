package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MQTT in WebSocket frames after the upgrade, on an embedded channel with the frame decoder behind it. */
class WebSocketFramesTest {

    /** PUBLISH QoS 0 to topic "a/b" with payload "hi": fixed header, topic length 3, topic, payload. */
    private static final byte[] PUBLISH = {0x30, 0x07, 0x00, 0x03, 'a', '/', 'b', 'h', 'i'};

    /** PINGRESP. */
    private static final byte[] PINGRESP = {(byte) 0xD0, 0x00};

    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrames(),
            new MqttFrameDecoder(DecodeContext.of(MqttVersion.MQTT_3_1_1)));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("each outgoing buffer leaves as one binary frame [MQTT-6.0.0-1]")
    void writesBinaryFrames() {
        channel.writeOutbound(Unpooled.wrappedBuffer(PUBLISH));

        BinaryWebSocketFrame frame = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(frame.content())).containsExactly(PUBLISH);
            assertThat(frame.isFinalFragment()).isTrue();
        } finally {
            frame.release();
        }
    }

    @Test
    @DisplayName("packets split across frames and packets sharing a frame are decoded alike [MQTT-6.0.0-2]")
    void packetsNeedNotAlignWithFrames() {
        byte[] stream = concat(PUBLISH, PINGRESP, PUBLISH);
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(stream, 0, 4)));
        assertThat((Object) channel.readInbound()).as("half a PUBLISH is not a packet").isNull();
        channel.writeInbound(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(stream, 4, 9)));
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(stream, 13, stream.length - 13)));

        assertPublish(channel.readInbound());
        assertThat(((MqttPacket) channel.readInbound()).type()).isEqualTo(MqttPacketType.PINGRESP);
        assertPublish(channel.readInbound());
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    @DisplayName("a text frame fails the connection with a protocol error [MQTT-6.0.0-1]")
    void textFramesAreRefused() {
        assertThatThrownBy(() -> channel.writeInbound(new TextWebSocketFrame("{\"not\":\"mqtt\"}")))
                .isInstanceOf(MqttProtocolException.class)
                .hasMessageContaining("TextWebSocketFrame").hasMessageContaining("[MQTT-6.0.0-1]");
    }

    @Test
    @DisplayName("frames read after a text frame are dropped: one protocol error, no packets [MQTT-6.0.0-1]")
    void framesAfterATextFrameAreDropped() {
        assertThatThrownBy(() -> channel.writeInbound(new TextWebSocketFrame("first")))
                .isInstanceOf(MqttProtocolException.class);
        BinaryWebSocketFrame binary = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(PUBLISH));

        channel.writeInbound(new TextWebSocketFrame("second"), binary);

        assertThat((Object) channel.readInbound()).isNull();
        assertThat(binary.refCnt()).as("the dropped frame is released").isZero();
    }

    @Test
    void answersPingWithPong() {
        channel.writeInbound(new PingWebSocketFrame(Unpooled.copiedBuffer("are you there", StandardCharsets.UTF_8)));

        PongWebSocketFrame pong = channel.readOutbound();
        try {
            assertThat(pong.content().toString(StandardCharsets.UTF_8)).isEqualTo("are you there");
        } finally {
            pong.release();
        }
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void answersTheBrokersCloseFrameAndCloses() {
        channel.writeInbound(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE));

        assertCloseFrame(channel.readOutbound(), WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closingSendsANormalCloseFrameFirst() {
        channel.close();

        assertCloseFrame(channel.readOutbound(), WebSocketCloseStatus.NORMAL_CLOSURE);
        assertThat((Object) channel.readOutbound()).as("one close frame only").isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    private static void assertPublish(PublishPacket publish) {
        assertThat(publish.topic()).isEqualTo("a/b");
        assertThat(publish.payload()).containsExactly('h', 'i');
    }

    private static void assertCloseFrame(WebSocketFrame frame, WebSocketCloseStatus status) {
        try {
            assertThat(frame).isInstanceOfSatisfying(CloseWebSocketFrame.class,
                    close -> assertThat(close.statusCode()).isEqualTo(status.code()));
        } finally {
            frame.release();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf joined = Unpooled.wrappedBuffer(parts);
        try {
            return ByteBufUtil.getBytes(joined);
        } finally {
            joined.release();
        }
    }
}
