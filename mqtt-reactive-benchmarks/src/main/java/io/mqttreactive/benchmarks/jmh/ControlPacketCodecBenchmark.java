package io.mqttreactive.benchmarks.jmh;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding and decoding an MQTT 5 CONNECT and a one-filter SUBSCRIBE, mqtt-reactive against netty-codec-mqtt. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ControlPacketCodecBenchmark {

    private static final String CLIENT_ID = "bench-device-4711";
    private static final String FILTER = "fleet/+/device-4711/#";
    private static final EncodeContext ENCODE = EncodeContext.of(MqttVersion.MQTT_5_0);
    private static final DecodeContext DECODE = DecodeContext.of(MqttVersion.MQTT_5_0);

    private ByteBuf connect;
    private ByteBuf subscribe;
    private NettyReferenceCodec netty;

    @Setup
    public void setUp() {
        connect = direct(MqttPacketEncoder.encode(connectPacket(), ByteBufAllocator.DEFAULT, ENCODE));
        subscribe = direct(MqttPacketEncoder.encode(subscribePacket(), ByteBufAllocator.DEFAULT, ENCODE));
        netty = new NettyReferenceCodec(MqttVersion.MQTT_5_0);
    }

    private static ByteBuf direct(ByteBuf heap) {
        ByteBuf direct = Unpooled.directBuffer(heap.readableBytes()).writeBytes(heap);
        heap.release();
        return direct;
    }

    @TearDown
    public void tearDown() {
        connect.release();
        subscribe.release();
        netty.close();
    }

    private static ConnectPacket connectPacket() {
        return ConnectPacket.of(MqttVersion.MQTT_5_0, CLIENT_ID, true, 60);
    }

    private static SubscribePacket subscribePacket() {
        return SubscribePacket.of(1, List.of(SubscriptionRequest.of(FILTER, MqttQos.AT_LEAST_ONCE)));
    }

    private static int encodeAndRelease(MqttPacket packet) {
        ByteBuf out = MqttPacketEncoder.encode(packet, ByteBufAllocator.DEFAULT, ENCODE);
        int size = out.readableBytes();
        out.release();
        return size;
    }

    @Benchmark
    public int connectEncodeMqttReactive() {
        return encodeAndRelease(connectPacket());
    }

    @Benchmark
    public int connectEncodeNetty() {
        return netty.encode(MqttMessageBuilders.connect()
                .protocolVersion(io.netty.handler.codec.mqtt.MqttVersion.MQTT_5)
                .clientId(CLIENT_ID)
                .cleanSession(true)
                .keepAlive(60)
                .build());
    }

    @Benchmark
    public MqttPacket connectDecodeMqttReactive() {
        connect.readerIndex(0);
        return MqttPacketDecoder.decode(connect, DECODE);
    }

    @Benchmark
    public Object connectDecodeNetty() {
        return netty.decode(connect);
    }

    @Benchmark
    public int subscribeEncodeMqttReactive() {
        return encodeAndRelease(subscribePacket());
    }

    @Benchmark
    public int subscribeEncodeNetty() {
        return netty.encode(MqttMessageBuilders.subscribe()
                .messageId(1)
                .addSubscription(MqttQoS.AT_LEAST_ONCE, FILTER)
                .build());
    }

    @Benchmark
    public MqttPacket subscribeDecodeMqttReactive() {
        subscribe.readerIndex(0);
        return MqttPacketDecoder.decode(subscribe, DECODE);
    }

    @Benchmark
    public Object subscribeDecodeNetty() {
        return netty.decode(subscribe);
    }
}
