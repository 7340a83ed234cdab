package io.mqttreactive.netty.internal.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttreactive.MqttVersion;

/**
 * Feeds hostile bytes to the MQTT 5.0 frame decoder, every packet type in both directions with their properties
 * and UTF-8 strings, and checks the properties of {@link FrameDecoderFuzzing}. Without {@code JAZZER_FUZZ} it
 * replays the corpus in {@code Mqtt5FrameDecoderFuzzTestInputs/}: valid packets of every type, and every finding.
 */
class Mqtt5FrameDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeToPacketsOrATypedError(byte[] input) {
        FrameDecoderFuzzing.check(input, MqttVersion.MQTT_5_0);
    }
}
