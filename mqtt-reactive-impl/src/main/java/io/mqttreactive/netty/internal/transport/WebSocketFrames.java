package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.exception.MqttProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Carries MQTT in WebSocket data frames once the upgrade is done (MQTT 5.0 section 6): every outgoing buffer
 * leaves as one binary frame [MQTT-6.0.0-1]; the payloads of incoming binary frames and their continuations pass
 * on as plain bytes, which the frame decoder joins or splits into packets whatever the frame boundaries
 * [MQTT-6.0.0-2]. A text frame closes the connection with an {@link MqttProtocolException} [MQTT-6.0.0-1], and
 * every frame after it is dropped: frames already read with it must not each raise an error of their own. A ping
 * is answered with a pong, a close frame with a close frame before the connection ends, and closing the
 * connection from this side sends a close frame first, without waiting for it: a stalled link must still close.
 */
final class WebSocketFrames extends ChannelDuplexHandler {

    static final String NAME = "mqtt-ws-frames";

    private boolean closeSent;
    private boolean violated;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (violated) {
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            ctx.fireChannelRead(((WebSocketFrame) msg).content());
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            closeSent = true;
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        } else if (msg instanceof PongWebSocketFrame) {
            ReferenceCountUtil.release(msg);
        } else {
            ReferenceCountUtil.release(msg);
            violated = true;
            ctx.fireExceptionCaught(new MqttProtocolException("the broker sent a WebSocket frame other than "
                    + "binary: " + msg.getClass().getSimpleName() + " [MQTT-6.0.0-1]"));
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new BinaryWebSocketFrame(bytes) : msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (closeSent || !ctx.channel().isActive()) {
            ctx.close(promise);
            return;
        }
        closeSent = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
        ctx.close(promise);
    }
}
