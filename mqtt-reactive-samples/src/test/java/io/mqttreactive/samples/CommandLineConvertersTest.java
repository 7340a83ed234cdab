package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.options.Transport;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class CommandLineConvertersTest {

    private final CommandLineConverters.TimeSpan timeSpan = new CommandLineConverters.TimeSpan();
    private final CommandLineConverters.Version version = new CommandLineConverters.Version();
    private final CommandLineConverters.BrokerUri brokerUri = new CommandLineConverters.BrokerUri();

    @Test
    void parsesDurations() {
        assertThat(timeSpan.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeSpan.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(timeSpan.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(timeSpan.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(timeSpan.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(timeSpan.convert("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(timeSpan.convert("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> timeSpan.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void parsesVersions() {
        assertThat(version.convert("3.1")).isEqualTo(MqttVersion.MQTT_3_1);
        assertThat(version.convert("3.1.1")).isEqualTo(MqttVersion.MQTT_3_1_1);
        assertThat(version.convert("5")).isEqualTo(MqttVersion.MQTT_5_0);
        assertThat(version.convert("5.0")).isEqualTo(MqttVersion.MQTT_5_0);
        assertThatThrownBy(() -> version.convert("4")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void parsesBrokerUris() {
        MqttClientOptions tls = brokerUri.convert("mqtts://user:secret@broker.example:8884");
        assertThat(tls.tls()).isPresent();
        assertThat(tls.serverPort()).isEqualTo(8884);
        MqttClientOptions webSocket = brokerUri.convert("ws://localhost:8000/mqtt?version=3.1.1");
        assertThat(webSocket.transport()).isEqualTo(Transport.WEBSOCKET);
        assertThat(webSocket.version()).isEqualTo(MqttVersion.MQTT_3_1_1);
        assertThatThrownBy(() -> brokerUri.convert("http://broker")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> brokerUri.convert("mqtt://u:secret@host?bad=1"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageNotContaining("secret");
    }
}
