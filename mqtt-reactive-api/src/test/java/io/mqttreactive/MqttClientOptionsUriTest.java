package io.mqttreactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.options.Transport;
import io.mqttreactive.options.WebSocketOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MqttClientOptionsUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mqtt://broker                    | TCP       | false | broker    | 1883 | /mqtt
            mqtt://broker/                   | TCP       | false | broker    | 1883 | /mqtt
            mqtt://broker:1884               | TCP       | false | broker    | 1884 | /mqtt
            MQTT://Broker.Example.com        | TCP       | false | Broker.Example.com | 1883 | /mqtt
            mqtts://broker                   | TCP       | true  | broker    | 8883 | /mqtt
            mqtts://broker:8884              | TCP       | true  | broker    | 8884 | /mqtt
            ws://broker                      | WEBSOCKET | false | broker    | 80   | /mqtt
            ws://broker:8080                 | WEBSOCKET | false | broker    | 8080 | /mqtt
            ws://broker:8080/                | WEBSOCKET | false | broker    | 8080 | /
            ws://broker/custom/path          | WEBSOCKET | false | broker    | 80   | /custom/path
            wss://broker                     | WEBSOCKET | true  | broker    | 443  | /mqtt
            wss://broker:8443/ws             | WEBSOCKET | true  | broker    | 8443 | /ws
            mqtt://127.0.0.1:1883            | TCP       | false | 127.0.0.1 | 1883 | /mqtt
            mqtt://[::1]:1883                | TCP       | false | ::1       | 1883 | /mqtt
            wss://[2001:db8::7]              | WEBSOCKET | true  | 2001:db8::7 | 443 | /mqtt
            """)
    void parsesSchemeHostPortAndPath(String uri, Transport transport, boolean tls, String host, int port, String path) {
        MqttClientOptions options = MqttClientOptions.parse(uri);
        assertThat(options.transport()).isEqualTo(transport);
        assertThat(options.tls().isPresent()).isEqualTo(tls);
        assertThat(options.serverHost()).isEqualTo(host);
        assertThat(options.serverPort()).isEqualTo(port);
        assertThat(options.webSocket().path()).isEqualTo(path);
        assertThat(options.username()).isEmpty();
        assertThat(options.password()).isEmpty();
    }

    @ParameterizedTest(name = "[MQTT-7.1.2-1] (3.1.1), [MQTT-4.2.0-1] (5.0) the transports are TCP and WebSocket, "
            + "each optionally under TLS: ordered, lossless, bidirectional byte streams; \"{0}\" is refused")
    @ValueSource(strings = {"udp://broker", "coap://broker", "quic://broker", "http://broker"})
    void onlyOrderedLosslessByteStreamTransports(String uri) {
        assertThat(Transport.values()).containsExactly(Transport.TCP, Transport.WEBSOCKET);
        assertThatThrownBy(() -> MqttClientOptions.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid MQTT URI '" + uri + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqtt", "mqtts", "ws", "wss"})
    void parsesCredentialsForEveryScheme(String scheme) {
        MqttClientOptions options = MqttClientOptions.parse(scheme + "://alice:s3cret@broker:1234");
        assertThat(options.username()).contains("alice");
        assertThat(options.password()).contains("s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(options.serverHost()).isEqualTo("broker");
        assertThat(options.serverPort()).isEqualTo(1234);
    }

    @Test
    void percentDecodesCredentials() {
        MqttClientOptions options = MqttClientOptions.parse("mqtt://al%40ice:p%3Ass%2Fw%C3%B6rd@broker");
        assertThat(options.username()).contains("al@ice");
        assertThat(options.password()).contains("p:ss/wörd".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userWithoutPassword() {
        MqttClientOptions options = MqttClientOptions.parse("mqtt://alice@broker");
        assertThat(options.username()).contains("alice");
        assertThat(options.password()).isEmpty();
    }

    @Test
    void parsesQueryParameters() {
        MqttClientOptions options = MqttClientOptions.parse(
                "mqtt://broker?clientId=sensor%2F7&version=3.1.1&keepAlive=30&cleanStart=false&sessionExpiryInterval=60");
        assertThat(options.clientId()).isEqualTo("sensor/7");
        assertThat(options.version()).isEqualTo(MqttVersion.MQTT_3_1_1);
        assertThat(options.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.session().cleanStart()).isFalse();
        assertThat(options.session().sessionExpiryInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(MqttClientOptions.parse("mqtt://b?version=5").version()).isEqualTo(MqttVersion.MQTT_5_0);
        assertThat(MqttClientOptions.parse("mqtt://b?version=5.0").version()).isEqualTo(MqttVersion.MQTT_5_0);
        assertThat(MqttClientOptions.parse("mqtt://b?version=3.1&clientId=c").version()).isEqualTo(MqttVersion.MQTT_3_1);
    }

    @Test
    void queryParametersDoNotBecomeTheWebSocketPath() {
        MqttClientOptions options = MqttClientOptions.parse("wss://broker/mqtt-ws?clientId=c");
        assertThat(options.webSocket().path()).isEqualTo("/mqtt-ws");
        assertThat(options.clientId()).isEqualTo("c");
    }

    @Test
    void uriKeepsSettingsItDoesNotMention() {
        TlsOptions customTls = TlsOptions.builder().hostnameVerification(false).build();
        MqttClientOptions options = MqttClientOptions.builder()
                .tls(customTls)
                .username("bob").password("pw")
                .webSocket(WebSocketOptions.DEFAULT.withSubprotocol("mqttv3.1"))
                .uri("wss://broker/ws")
                .build();
        assertThat(options.tls()).contains(customTls);
        assertThat(options.username()).contains("bob");
        assertThat(options.password()).contains("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(options.webSocket().subprotocol()).isEqualTo("mqttv3.1");
        assertThat(options.webSocket().path()).isEqualTo("/ws");
    }

    @Test
    void plainSchemeTurnsTlsOffAndResetsThePort() {
        MqttClientOptions options = MqttClientOptions.builder().tls(TlsOptions.DEFAULT).serverPort(9999)
                .uri("mqtt://broker").build();
        assertThat(options.tls()).isEmpty();
        assertThat(options.serverPort()).isEqualTo(1883);
    }

    @Test
    void createFromUriEqualsBuilderOptions() {
        assertThat(MqttClientOptions.parse("mqtts://u:p@host:1?clientId=c")).isEqualTo(MqttClientOptions.builder()
                .transport(Transport.TCP).tls(TlsOptions.DEFAULT).serverHost("host").serverPort(1)
                .username("u").password("p").clientId("c").build());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            broker:1883                        | expected scheme://host
            mqtt:broker                        | expected scheme://host
            http://broker                      | unsupported scheme 'http'
            tcp://broker                       | unsupported scheme 'tcp'
            mqtt://                            | Expected authority
            mqtt:///path                       | missing or invalid host
            mqtt://bro_ker                     | missing or invalid host
            mqtt://broker:0                    | port must be between 1 and 65535, was 0
            mqtt://broker:70000                | port must be between 1 and 65535, was 70000
            mqtt://broker/some/path            | a path is only allowed for ws and wss
            mqtts://broker/x                   | a path is only allowed for ws and wss
            mqtt://broker#frag                 | a fragment (#...) is not allowed
            mqtt://broker?unknown=1            | unknown query parameter 'unknown'
            mqtt://broker?clientId             | is not of the form name=value
            mqtt://broker?version=4            | version must be 3.1, 3.1.1 or 5
            mqtt://broker?keepAlive=soon       | keepAlive must be a number of seconds
            mqtt://broker?keepAlive=70000      | keep alive must be a whole number of seconds
            mqtt://broker?cleanStart=yes       | cleanStart must be true or false
            mqtt://broker?clientId=%zz         | Malformed escape pair
            mqtt://broker name                 | Illegal character
            """)
    void rejectsBadUrisWithClearMessages(String uri, String reason) {
        assertThatThrownBy(() -> MqttClientOptions.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid MQTT URI '" + uri + "'")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqtt://alice:s3cret@broker/path", "mqtt://alice:s3cret@broker:99999",
            "ftp://alice:s3cret@broker", "mqtt://alice:s3cret@broker?unknown=1", "mqtt://alice:s3cret@bro ker",
            "mqtt://alice:s3c@ret@broker#x", "mqtt://alice:s3cret@broker?clientId=x@y&unknown=1"})
    void errorMessagesNeverShowThePassword(String uri) {
        assertThatThrownBy(() -> MqttClientOptions.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice:<redacted>@")
                .hasMessageNotContaining("s3c");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> MqttClientOptions.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
