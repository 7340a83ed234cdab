package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SimulatedDeviceTest {

    private static final Instant TIME = Instant.parse("2025-06-01T12:00:00.250Z");
    private static final Telemetry READING = new Telemetry("dev-07", 21.5, 40.25, TIME);

    private final PayloadCodec<Telemetry> codec = PayloadCodec.json(Telemetry.class);

    @Test
    void publishesToItsOwnTelemetryTopic() {
        assertThat(SimulatedDevice.topicOf("dev-07")).isEqualTo("fleet/dev-07/telemetry");
    }

    @Test
    void mqtt5MessagesSayTheyCarryJson() {
        MqttMessage message = SimulatedDevice.message(READING, "fleet/dev-07/telemetry", MqttVersion.MQTT_5_0, codec);
        assertThat(message.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(message.topic().value()).isEqualTo("fleet/dev-07/telemetry");
        assertThat(message.contentType()).contains("application/json");
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(message.payloadAsString()).isEqualTo("{\"deviceId\":\"dev-07\",\"temperature\":21.5,"
                + "\"humidity\":40.25,\"timestamp\":\"2025-06-01T12:00:00.250Z\"}");
        assertThat(codec.decode(message)).isEqualTo(READING);
    }

    @Test
    void mqtt3MessagesCarryThePayloadAlone() {
        for (MqttVersion version : new MqttVersion[] {MqttVersion.MQTT_3_1, MqttVersion.MQTT_3_1_1}) {
            MqttMessage message = SimulatedDevice.message(READING, "fleet/dev-07/telemetry", version, codec);
            assertThat(message.contentType()).as("%s content type", version).isEmpty();
            assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UNSPECIFIED);
            assertThat(codec.decode(message)).isEqualTo(READING);
        }
    }

    @Test
    void sensorReadingsWanderWithinBounds() {
        SimulatedSensor sensor = new SimulatedSensor("dev-01", 1);
        for (int i = 0; i < 1_000; i++) {
            Telemetry reading = sensor.read(TIME);
            assertThat(reading.deviceId()).isEqualTo("dev-01");
            assertThat(reading.temperature()).isBetween(-20.0, 60.0);
            assertThat(reading.humidity()).isBetween(5.0, 95.0);
        }
    }
}
