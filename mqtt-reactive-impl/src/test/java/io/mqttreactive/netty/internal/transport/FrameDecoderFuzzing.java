package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.testing.fuzz.HeapAllocation;
import io.mqttreactive.netty.testing.fuzz.InboundRun;
import io.mqttreactive.netty.testing.fuzz.InspectableAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

/**
 * The properties the MQTT fuzz tests check on every input, whatever the version: the bytes go through a
 * {@link MqttFrameDecoder} as a connection would read them, and
 *
 * <ul>
 *   <li>the only error is an {@link MqttDecodeException} (which Netty's decoder wraps in a
 *       {@link DecoderException}, and {@link MqttChannel} unwraps); an index, argument, null or any other
 *       exception is a finding;</li>
 *   <li>every buffer is released;</li>
 *   <li>no buffer is larger than twice the input plus {@value #BUFFER_SLACK} bytes, and the heap allocated
 *       while decoding stays within {@value #HEAP_BYTES_PER_INPUT_BYTE} bytes per input byte plus
 *       {@value #HEAP_SLACK}: nothing is sized by an announced length. Each input is decoded with the protocol's
 *       maximum packet size, so the limit cannot be what protects the allocations; an input of odd length is
 *       also decoded with a maximum one byte below its length, so that the too-large path is taken.</li>
 * </ul>
 */
final class FrameDecoderFuzzing {

    static final int BUFFER_SLACK = 64;
    /**
     * Generous per byte: an error message may quote a string field with escapes, and in fuzzing mode Jazzer's
     * comparison hooks allocate too. An allocation sized by a length field still stands out on the short
     * inputs the fuzzer favours: 65,535 bytes announced by a 2-byte length in a 10-byte input.
     */
    static final int HEAP_BYTES_PER_INPUT_BYTE = 256;
    static final int HEAP_SLACK = 16 * 1024;

    private FrameDecoderFuzzing() {
    }

    /** Checks {@code input} against every property, for {@code version}. */
    static void check(byte[] input, MqttVersion version) {
        checkWith(input, DecodeContext.of(version));
        if (input.length % 2 == 1 && input.length > 2) {
            checkWith(input, new DecodeContext(version, input.length - 1));
        }
    }

    static boolean isTypedDecodeError(Throwable error) {
        return error instanceof MqttDecodeException
                || error instanceof DecoderException && error.getCause() instanceof MqttDecodeException;
    }

    /** Checks that {@code decode}, run on {@code input}, allocates at most the heap bound of an input that size. */
    static void checkHeap(byte[] input, Runnable decode) {
        HeapAllocation.requireAtMost((long) HEAP_BYTES_PER_INPUT_BYTE * input.length + HEAP_SLACK,
                "decoding " + input.length + " bytes", decode);
    }

    private static void checkWith(byte[] input, DecodeContext context) {
        checkHeap(input, () -> decode(input, context));
    }

    private static void decode(byte[] input, DecodeContext context) {
        InspectableAllocator allocator = new InspectableAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast(MqttFrameDecoder.NAME, new MqttFrameDecoder(context));
        InboundRun run = new InboundRun(channel, allocator);
        run.feed(input);
        run.close();
        run.verify(input, FrameDecoderFuzzing::isTypedDecodeError, BUFFER_SLACK);
    }
}
