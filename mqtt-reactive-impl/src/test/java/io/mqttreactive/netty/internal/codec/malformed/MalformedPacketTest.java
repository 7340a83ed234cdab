package io.mqttreactive.netty.internal.codec.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every malformed input of {@link MalformedPackets} to {@link MqttPacketDecoder#decode} and asserts that it
 * throws an {@link MqttDecodeException} with exactly the expected reason code: 0x81 Malformed Packet, 0x82 Protocol
 * Error or 0x95 Packet Too Large (MQTT 5.0 sections 1.2, 2.2.2.2 and 4.13; MQTT 3.1.1 sections 2.2 and 4.8). Each
 * input sits in a buffer from the leak-tracked default allocator; the decoder must neither release nor retain it,
 * and the test releases it.
 */
class MalformedPacketTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mqttreactive.netty.internal.codec.malformed.MalformedPackets#all")
    void decoderRejectsWithTheReasonCodeOfTheStandard(MalformedPackets.Case malformed) {
        byte[] bytes = ByteBufUtil.decodeHexDump(malformed.hex().replace("|", "").replace(" ", ""));
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
        try {
            Throwable thrown = catchThrowable(() -> MqttPacketDecoder.decode(in,
                    new DecodeContext(malformed.version(), malformed.maximumPacketSize())));
            assertThat(thrown).as("decoding %s", malformed.hex()).isInstanceOf(MqttDecodeException.class);
            assertThat(((MqttDecodeException) thrown).reasonCode())
                    .as("reason code for %s (%s)", malformed.hex(), thrown.getMessage())
                    .isEqualTo(malformed.reasonCode());
            assertThat(in.refCnt()).as("the decoder neither releases nor retains its input").isEqualTo(1);
        } finally {
            in.release();
        }
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void tableCoversEveryVersionWithAtLeastFortyFiveCases() {
        List<MalformedPackets.Case> all = MalformedPackets.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(45);
        assertThat(all).extracting(MalformedPackets.Case::version).contains(io.mqttreactive.MqttVersion.values());
        assertThat(all).extracting(MalformedPackets.Case::reasonCode)
                .contains(MalformedPackets.MALFORMED, MalformedPackets.PROTOCOL_ERROR, MalformedPackets.TOO_LARGE);
    }
}
