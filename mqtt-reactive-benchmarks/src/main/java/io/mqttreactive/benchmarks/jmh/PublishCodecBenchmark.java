package io.mqttreactive.benchmarks.jmh;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a QoS 1 PUBLISH from a topic and a {@code byte[]} payload, and decoding one from a direct buffer as a
 * socket read leaves it, with mqtt-reactive's MQTT 3.1.1 and 5 codecs and with netty-codec-mqtt; and decoding one
 * on to the {@link MqttMessage} a subscriber receives. Decoded objects hold no buffer, so returning them to JMH's
 * blackhole is all the consuming they need.
 *
 * <p>JMH's thread is not an event loop: Netty copies a string out of a direct buffer through a per-thread scratch
 * array only on {@code FastThreadLocalThread}s, so here each decode also allocates a temporary array the size of the
 * topic, which an event loop does not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PublishCodecBenchmark {

    private static final String TOPIC = "fleet/17/device-4711/temperature";

    @Param({"MQTT_3_1_1", "MQTT_5_0"})
    MqttVersion version;

    @Param({"64", "4096"})
    int payloadSize;

    private EncodeContext encodeContext;
    private DecodeContext decodeContext;
    private byte[] payload;
    private ByteBuf encoded;
    private NettyReferenceCodec netty;

    @Setup
    public void setUp() {
        encodeContext = EncodeContext.of(version);
        decodeContext = DecodeContext.of(version);
        payload = new byte[payloadSize];
        ByteBuf heap = MqttPacketEncoder.encode(PublishPacket.of(TOPIC, payload, MqttQos.AT_LEAST_ONCE, false, false, 1),
                ByteBufAllocator.DEFAULT, encodeContext);
        encoded = Unpooled.directBuffer(heap.readableBytes()).writeBytes(heap);
        heap.release();
        netty = new NettyReferenceCodec(version);
    }

    @TearDown
    public void tearDown() {
        encoded.release();
        netty.close();
    }

    @Benchmark
    public int encodeMqttReactive() {
        ByteBuf out = MqttPacketEncoder.encode(PublishPacket.of(TOPIC, payload, MqttQos.AT_LEAST_ONCE, false, false, 1),
                ByteBufAllocator.DEFAULT, encodeContext);
        int size = out.readableBytes();
        out.release();
        return size;
    }

    @Benchmark
    public int encodeNetty() {
        return netty.encode(MqttMessageBuilders.publish()
                .topicName(TOPIC)
                .qos(MqttQoS.AT_LEAST_ONCE)
                .messageId(1)
                .payload(Unpooled.wrappedBuffer(payload))
                .build());
    }

    @Benchmark
    public MqttPacket decodeMqttReactive() {
        encoded.readerIndex(0);
        return MqttPacketDecoder.decode(encoded, decodeContext);
    }

    @Benchmark
    public MqttMessage decodeToMessageMqttReactive() {
        encoded.readerIndex(0);
        PublishPacket packet = (PublishPacket) MqttPacketDecoder.decode(encoded, decodeContext);
        return PacketMapper.toMessage(packet, packet.topic());
    }

    @Benchmark
    public Object decodeNetty() {
        return netty.decode(encoded);
    }
}
