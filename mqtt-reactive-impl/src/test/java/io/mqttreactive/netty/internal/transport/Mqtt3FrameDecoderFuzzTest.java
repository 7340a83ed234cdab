package io.mqttreactive.netty.internal.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttreactive.MqttVersion;

/**
 * Feeds hostile bytes to the MQTT 3.1 and 3.1.1 frame decoder, every packet type in both directions, and checks
 * the properties of {@link FrameDecoderFuzzing}. Without {@code JAZZER_FUZZ} it replays the corpus in
 * {@code Mqtt3FrameDecoderFuzzTestInputs/}: one valid packet of every type, and every finding.
 */
class Mqtt3FrameDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeToPacketsOrATypedError(byte[] input) {
        FrameDecoderFuzzing.check(input, MqttVersion.MQTT_3_1_1);
        FrameDecoderFuzzing.check(input, MqttVersion.MQTT_3_1);
    }
}
