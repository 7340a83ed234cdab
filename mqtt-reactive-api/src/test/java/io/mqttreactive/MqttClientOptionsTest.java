package io.mqttreactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.FailoverOptions;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.MaximumQosPolicy;
import io.mqttreactive.options.OverflowStrategy;
import io.mqttreactive.options.ProxyOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.ServerOrder;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.options.Transport;
import io.mqttreactive.options.WebSocketOptions;
import io.mqttreactive.options.WillMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MqttClientOptionsTest {

    private static final NoopSessionStore STORE = new NoopSessionStore();

    static MqttClientOptions fullyPopulated() {
        return MqttClientOptions.builder()
                .serverHost("broker.example.com")
                .serverPort(18_883)
                .transport(Transport.WEBSOCKET)
                .tls(TlsOptions.builder()
                        .trustedCertificatesPem(TestResources.text("/tls/ca-cert.pem"))
                        .clientCertificatePem(TestResources.text("/tls/client-cert.pem"),
                                TestResources.text("/tls/client-key.pem"))
                        .hostnameVerification(false)
                        .protocols("TLSv1.3")
                        .ciphers("TLS_AES_128_GCM_SHA256")
                        .build())
                .webSocket(new WebSocketOptions("/ws", "mqttv5", Map.of("Authorization", "Bearer token")))
                .proxy(ProxyOptions.socks5("proxy.example.com", 1080).credentials("proxy-user", "proxy-s3cret")
                        .handshakeTimeout(Duration.ofSeconds(4)).nonProxyHosts("*.internal").build())
                .version(MqttVersion.MQTT_5_0)
                .clientId("sensor-7")
                .username("alice")
                .password("s3cret-password")
                .keepAlive(Duration.ofSeconds(30))
                .session(new SessionOptions(false, Duration.ofHours(1), Optional.of(STORE)))
                .will(new WillMessage(MqttMessage.builder().topic("devices/sensor-7/status").payload("offline")
                        .qos(MqttQos.AT_LEAST_ONCE).retain(true).payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                        .contentType("text/plain").messageExpiryInterval(Duration.ofMinutes(5)).build(),
                        Duration.ofSeconds(10)))
                .reconnect(new ReconnectOptions(true, ReconnectDelay.constant(Duration.ofSeconds(3)), 10, false))
                .flowControl(FlowControlOptions.builder().receiveMaximum(10).maximumInflightPublishes(20)
                        .maximumPacketSize(1_048_576).topicAliasMaximum(5).outgoingTopicAliasMaximum(3)
                        .qos0BufferSize(64)
                        .qos0OverflowStrategy(OverflowStrategy.PAUSE_READING).maximumPendingPublishes(100)
                        .offlineQueueSize(50).build())
                .connectTimeout(Duration.ofSeconds(3))
                .requestResponseInformation(true)
                .requestProblemInformation(false)
                .maximumQosPolicy(MaximumQosPolicy.DOWNGRADE)
                .automaticSubscriptionIdentifiers(false)
                .failover(FailoverOptions.servers("mqtts://b.example.com:8883").withOrder(ServerOrder.RANDOM))
                .userProperties(UserProperties.builder().add("region", "eu").add("region", "us").build())
                .authenticationMethod("SCRAM-SHA-256")
                .authenticationData("client-first-message".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void defaults() {
        MqttClientOptions options = MqttClientOptions.builder().build();
        assertThat(options.serverHost()).isEqualTo("localhost");
        assertThat(options.serverPort()).isEqualTo(1883);
        assertThat(options.transport()).isEqualTo(Transport.TCP);
        assertThat(options.tls()).isEmpty();
        assertThat(options.webSocket()).isEqualTo(WebSocketOptions.DEFAULT);
        assertThat(options.proxy()).isEmpty();
        assertThat(options.version()).isEqualTo(MqttVersion.MQTT_5_0);
        assertThat(options.clientId()).isEmpty();
        assertThat(options.username()).isEmpty();
        assertThat(options.password()).isEmpty();
        assertThat(options.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.session()).isEqualTo(SessionOptions.DEFAULT);
        assertThat(options.session().cleanStart()).isTrue();
        assertThat(options.session().sessionExpiryInterval()).isZero();
        assertThat(options.will()).isEmpty();
        assertThat(options.reconnect()).isEqualTo(ReconnectOptions.DEFAULT);
        assertThat(options.reconnect().enabled()).isTrue();
        assertThat(options.reconnect().delay()).isEqualTo(ReconnectDelay.exponential(
                Duration.ofSeconds(1), Duration.ofMinutes(2), 0.25));
        assertThat(options.flowControl()).isEqualTo(FlowControlOptions.DEFAULT);
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.requestResponseInformation()).isFalse();
        assertThat(options.requestProblemInformation()).isTrue();
        assertThat(options.maximumQosPolicy()).isEqualTo(MaximumQosPolicy.FAIL);
        assertThat(options.automaticSubscriptionIdentifiers()).isTrue();
        assertThat(options.failover()).isEqualTo(FailoverOptions.DEFAULT);
        assertThat(options.userProperties()).isEqualTo(UserProperties.empty());
        assertThat(options.authenticationMethod()).isEmpty();
        assertThat(options.authenticationData()).isEmpty();
    }

    @Test
    @DisplayName("failover servers must be broker URIs without user, password or query; redirects not negative")
    void failoverServersAreChecked() {
        MqttClientOptions.Builder builder = MqttClientOptions.builder();
        assertThat(builder.failover(FailoverOptions.servers("mqtt://b:1884", "wss://c/mqtt")).build().failover()
                .servers()).containsExactly("mqtt://b:1884", "wss://c/mqtt");
        assertThatThrownBy(() -> builder.failover(FailoverOptions.servers("http://b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> builder.failover(FailoverOptions.servers("mqtt://user:secret@b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no user, password")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> builder.failover(FailoverOptions.servers("mqtt://b?clientId=x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailoverOptions.DEFAULT.withMaximumRedirects(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultPortFollowsTransportAndTls() {
        MqttClientOptions.Builder builder = MqttClientOptions.builder();
        assertThat(builder.build().serverPort()).isEqualTo(1883);
        assertThat(builder.tls(TlsOptions.DEFAULT).build().serverPort()).isEqualTo(8883);
        assertThat(builder.transport(Transport.WEBSOCKET).build().serverPort()).isEqualTo(443);
        assertThat(builder.tls(null).build().serverPort()).isEqualTo(80);
        assertThat(builder.serverPort(9001).build().serverPort()).isEqualTo(9001);
        assertThat(builder.serverPort(0).build().serverPort()).isEqualTo(80);
    }

    @Test
    @DisplayName("mutate().build() of options with every field set equals the original")
    void mutateRoundTripKeepsEveryField() {
        MqttClientOptions options = fullyPopulated();
        MqttClientOptions copy = options.mutate().build();
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(copy.password()).contains("s3cret-password".getBytes(StandardCharsets.UTF_8));
        assertThat(copy.authenticationData()).contains("client-first-message".getBytes(StandardCharsets.UTF_8));
        assertThat(copy.proxy().orElseThrow().password()).contains("proxy-s3cret".toCharArray());
        assertThat(copy).usingRecursiveComparison().isEqualTo(options);
    }

    @Test
    void everyFieldOfTheFullyPopulatedOptionsDiffersFromTheDefault() {
        MqttClientOptions defaults = MqttClientOptions.builder().build();
        MqttClientOptions full = fullyPopulated();
        assertThat(full).usingRecursiveComparison()
                .withEqualsForType((a, b) -> false, byte[].class)
                .isNotEqualTo(defaults);
        assertThat(full.serverHost()).isNotEqualTo(defaults.serverHost());
        assertThat(full.serverPort()).isNotEqualTo(defaults.serverPort());
        assertThat(full.transport()).isNotEqualTo(defaults.transport());
        assertThat(full.tls()).isNotEqualTo(defaults.tls());
        assertThat(full.webSocket()).isNotEqualTo(defaults.webSocket());
        assertThat(full.proxy()).isNotEqualTo(defaults.proxy());
        assertThat(full.clientId()).isNotEqualTo(defaults.clientId());
        assertThat(full.username()).isNotEqualTo(defaults.username());
        assertThat(full.keepAlive()).isNotEqualTo(defaults.keepAlive());
        assertThat(full.session()).isNotEqualTo(defaults.session());
        assertThat(full.will()).isNotEqualTo(defaults.will());
        assertThat(full.reconnect()).isNotEqualTo(defaults.reconnect());
        assertThat(full.flowControl()).isNotEqualTo(defaults.flowControl());
        assertThat(full.connectTimeout()).isNotEqualTo(defaults.connectTimeout());
        assertThat(full.requestResponseInformation()).isNotEqualTo(defaults.requestResponseInformation());
        assertThat(full.requestProblemInformation()).isNotEqualTo(defaults.requestProblemInformation());
        assertThat(full.maximumQosPolicy()).isNotEqualTo(defaults.maximumQosPolicy());
        assertThat(full.automaticSubscriptionIdentifiers()).isNotEqualTo(defaults.automaticSubscriptionIdentifiers());
        assertThat(full.failover()).isNotEqualTo(defaults.failover());
        assertThat(full.userProperties()).isNotEqualTo(defaults.userProperties());
        assertThat(full.authenticationMethod()).isNotEqualTo(defaults.authenticationMethod());
        assertThat(full.password()).isPresent();
        assertThat(full.authenticationData()).isPresent();
    }

    @Test
    void equalsAndHashCodeCompareEveryValue() {
        MqttClientOptions options = fullyPopulated();
        assertThat(options).isEqualTo(fullyPopulated()).hasSameHashCodeAs(fullyPopulated());
        assertThat(options.mutate().password("other").build()).isNotEqualTo(options);
        assertThat(options.mutate().authenticationData(new byte[] {1}).build()).isNotEqualTo(options);
        assertThat(options.mutate().serverPort(1).build()).isNotEqualTo(options);
        assertThat(options.mutate().requestProblemInformation(true).build()).isNotEqualTo(options);
        assertThat(options.mutate().maximumQosPolicy(MaximumQosPolicy.FAIL).build()).isNotEqualTo(options);
        assertThat(options.mutate().automaticSubscriptionIdentifiers(true).build()).isNotEqualTo(options);
        assertThat(options.mutate().failover(FailoverOptions.DEFAULT).build()).isNotEqualTo(options);
        assertThat(options.mutate().proxy(null).build()).isNotEqualTo(options);
        assertThat(options.mutate().proxy(options.proxy().orElseThrow().mutate().credentials("proxy-user", "other")
                .build()).build()).isNotEqualTo(options);
        assertThat(options).isNotEqualTo(null).isNotEqualTo("options");
    }

    @Test
    void mutateLeavesTheOriginalUnchanged() {
        MqttClientOptions options = fullyPopulated();
        MqttClientOptions changed = options.mutate().clientId("other").build();
        assertThat(changed.clientId()).isEqualTo("other");
        assertThat(options.clientId()).isEqualTo("sensor-7");
    }

    @Test
    void toStringRedactsPasswordAndAuthenticationData() {
        String text = fullyPopulated().toString();
        assertThat(text).contains("password=<redacted>", "authenticationData=<redacted>", "username=alice",
                        "clientPrivateKey=<redacted>", "Authorization=<redacted>", "username=proxy-user")
                .doesNotContain("s3cret-password", "client-first-message", "Bearer token", "proxy-s3cret");
        assertThat(MqttClientOptions.builder().build().toString()).contains("password=null", "authenticationData=null");
    }

    @Test
    void byteArraysAreCopiedInAndOut() {
        byte[] password = "secret".getBytes(StandardCharsets.UTF_8);
        MqttClientOptions options = MqttClientOptions.builder().username("u").password(password).build();
        password[0] = 'X';
        assertThat(options.password()).contains("secret".getBytes(StandardCharsets.UTF_8));
        options.password().orElseThrow()[0] = 'Y';
        assertThat(options.password()).contains("secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void settersRejectBadValuesWithClearMessages() {
        MqttClientOptions.Builder builder = MqttClientOptions.builder();
        assertThatThrownBy(() -> builder.serverHost(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server host must not be blank");
        assertThatThrownBy(() -> builder.serverPort(65_536)).hasMessage("server port must be between 0 and 65535, was 65536");
        assertThatThrownBy(() -> builder.keepAlive(Duration.ofSeconds(65_536)))
                .hasMessageContaining("keep alive must be a whole number of seconds between 0 and 65535");
        assertThatThrownBy(() -> builder.keepAlive(Duration.ofMillis(1500))).hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> builder.keepAlive(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO)).hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> builder.clientId("a\u0000")).hasMessageContaining("client identifier must not contain U+0000");
        assertThatThrownBy(() -> builder.clientId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.username("\uD800")).hasMessageContaining("user name must be well-formed UTF-16");
        assertThatThrownBy(() -> builder.password(new byte[65_536])).hasMessageContaining("password length");
        assertThatThrownBy(() -> builder.authenticationData(new byte[65_536])).hasMessageContaining("authentication data length");
        assertThatThrownBy(() -> builder.transport(null)).isInstanceOf(NullPointerException.class).hasMessage("transport");
        assertThat(builder.keepAlive(Duration.ZERO).keepAlive(Duration.ofSeconds(65_535)).build().keepAlive())
                .hasSeconds(65_535);
    }

    @Test
    @DisplayName("[MQTT-3.1.3-7] (3.1.1) an empty client identifier requires clean start")
    void emptyClientIdRequiresCleanStartWithMqtt311() {
        MqttClientOptions.Builder builder = MqttClientOptions.builder().version(MqttVersion.MQTT_3_1_1)
                .session(SessionOptions.DEFAULT.withCleanStart(false));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[MQTT-3.1.3-7] (3.1.1)");
        assertThat(builder.clientId("c").build().clientId()).isEqualTo("c");
        assertThat(builder.clientId("").version(MqttVersion.MQTT_5_0).build().clientId()).isEmpty();
        assertThatThrownBy(() -> MqttClientOptions.builder().version(MqttVersion.MQTT_3_1).build())
                .hasMessageContaining("MQTT 3.1 requires a client identifier");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-22] (3.1.1) a password requires a user name before MQTT 5.0")
    void passwordRequiresUsernameBeforeMqtt5() {
        MqttClientOptions.Builder builder = MqttClientOptions.builder().password("p").version(MqttVersion.MQTT_3_1_1);
        assertThatThrownBy(builder::build).hasMessageContaining("[MQTT-3.1.2-22] (3.1.1)");
        assertThat(builder.version(MqttVersion.MQTT_5_0).build().password()).isPresent();
        assertThat(builder.version(MqttVersion.MQTT_3_1_1).username("u").build().username()).contains("u");
    }

    @Test
    void enhancedAuthenticationRules() {
        assertThatThrownBy(() -> MqttClientOptions.builder().authenticationData(new byte[] {1}).build())
                .hasMessage("authentication data requires an authentication method");
        assertThatThrownBy(() -> MqttClientOptions.builder().authenticationMethod("SCRAM-SHA-1")
                .version(MqttVersion.MQTT_3_1_1).build())
                .hasMessageContaining("enhanced authentication requires MQTT 5.0");
    }
}
