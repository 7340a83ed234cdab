package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.testing.FreePorts;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.resources.LoopResources;

/**
 * The connector opens each connection on the very event loop it is given, with the channel type of that loop's
 * group, on native (epoll, kqueue) loops as on NIO ones and on both supported reactor-netty lines. reactor-netty
 * 1.2 given a single native loop picked a NIO channel for it, and every connect failed with "channel not
 * registered to an event loop".
 */
class ReactorNettyConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LoopResources loops;
    private ServerSocket server;

    @BeforeEach
    void start() throws IOException {
        loops = LoopResources.create("connector-test", 1, true);
        server = new ServerSocket(0, 1, InetAddress.getByName(FreePorts.LOOPBACK));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        loops.disposeLater(Duration.ZERO, WAIT).block(WAIT);
    }

    @ParameterizedTest(name = "native loops preferred: {0}")
    @ValueSource(booleans = {true, false})
    void connectsOnTheGivenLoop(boolean preferNative) {
        EventLoop loop = loops.onClient(preferNative).next();
        MqttClientOptions options = MqttClientOptions.builder().serverHost(FreePorts.LOOPBACK)
                .serverPort(server.getLocalPort()).build();

        MqttChannel channel = ReactorNettyConnector.INSTANCE.connect(options, loop,
                DecodeContext.of(MqttVersion.MQTT_5_0), EncodeContext.of(MqttVersion.MQTT_5_0)).block(WAIT);

        try {
            assertThat(channel.isOpen()).isTrue();
            assertThat(channel.eventLoop()).isSameAs(loop);
        } finally {
            channel.close(null);
        }
    }

    @ParameterizedTest(name = "native loops preferred: {0}")
    @ValueSource(booleans = {true, false})
    void picksTheChannelTypeOfTheLoopsGroup(boolean preferNative) {
        EventLoopGroup group = loops.onClient(preferNative);
        EventLoop loop = group.next();

        Class<? extends SocketChannel> type = new OneLoopResources(loop).onChannelClass(SocketChannel.class, loop);

        assertThat(type).isEqualTo(loops.onChannelClass(SocketChannel.class, group));
        if (!preferNative || !LoopResources.hasNativeSupport()) {
            assertThat(type).isEqualTo(NioSocketChannel.class);
        } else {
            assertThat(type).isNotEqualTo(NioSocketChannel.class);
        }
    }
}
