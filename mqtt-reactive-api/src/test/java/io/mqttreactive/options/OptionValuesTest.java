package io.mqttreactive.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.NoopSessionStore;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.UserProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OptionValuesTest {

    @Test
    @DisplayName("[MQTT-6.0.0-3] WebSocket offers the mqtt subprotocol on /mqtt by default")
    void webSocketDefaults() {
        assertThat(WebSocketOptions.DEFAULT.path()).isEqualTo("/mqtt");
        assertThat(WebSocketOptions.DEFAULT.subprotocol()).isEqualTo("mqtt");
        assertThat(WebSocketOptions.DEFAULT.headers()).isEmpty();
    }

    @Test
    void webSocketValidatesAndCopiesHeadersInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-B", "2");
        headers.put("X-A", "1");
        WebSocketOptions options = WebSocketOptions.DEFAULT.withHeaders(headers).withPath("/ws").withSubprotocol("mqttv3.1");
        headers.put("X-C", "3");
        assertThat(options.headers()).containsExactly(Map.entry("X-B", "2"), Map.entry("X-A", "1"));
        assertThatThrownBy(() -> options.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(options).hasToString("WebSocketOptions[path=/ws, subprotocol=mqttv3.1, headers=[X-B=<redacted>, X-A=<redacted>]]");
        assertThatThrownBy(() -> WebSocketOptions.DEFAULT.withPath("mqtt")).hasMessage("WebSocket path must start with '/', was 'mqtt'");
        assertThatThrownBy(() -> WebSocketOptions.DEFAULT.withSubprotocol(" ")).hasMessage("WebSocket subprotocol must not be blank");
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("X", null);
        assertThatThrownBy(() -> WebSocketOptions.DEFAULT.withHeaders(nullValue)).isInstanceOf(NullPointerException.class)
                .hasMessage("value of header X");
    }

    @Test
    void sessionOptions() {
        NoopSessionStore store = new NoopSessionStore();
        SessionOptions options = SessionOptions.DEFAULT.withCleanStart(false)
                .withSessionExpiryInterval(SessionOptions.SESSION_EXPIRY_NEVER).withStore(store);
        assertThat(options.cleanStart()).isFalse();
        assertThat(options.sessionExpiryInterval()).hasSeconds(4_294_967_295L);
        assertThat(options.store()).containsSame(store);
        assertThat(options.withStore(null).store()).isEmpty();
        assertThatThrownBy(() -> SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofSeconds(4_294_967_296L)))
                .hasMessageContaining("session expiry interval must be a whole number of seconds between 0 and 4294967295");
        assertThatThrownBy(() -> new SessionOptions(true, Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
        assertThat(options.storeTimeout()).isEqualTo(SessionOptions.DEFAULT_STORE_TIMEOUT).hasSeconds(10);
        assertThat(options.withStoreTimeout(Duration.ofMillis(250)).storeTimeout()).hasMillis(250);
        assertThat(options.withStoreTimeout(Duration.ofSeconds(1)).withStore(null).storeTimeout()).hasSeconds(1);
        assertThatThrownBy(() -> options.withStoreTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store timeout must be positive");
    }

    @Test
    void reconnectOptions() {
        assertThat(ReconnectOptions.DEFAULT.enabled()).isTrue();
        assertThat(ReconnectOptions.DEFAULT.maxAttempts()).isEqualTo(Long.MAX_VALUE);
        assertThat(ReconnectOptions.DEFAULT.resubscribe()).isTrue();
        assertThat(ReconnectOptions.DISABLED.enabled()).isFalse();
        assertThat(ReconnectOptions.DEFAULT.withMaxAttempts(3).withResubscribe(false).withEnabled(false))
                .isEqualTo(new ReconnectOptions(false, ReconnectDelay.exponential(), 3, false));
        assertThatThrownBy(() -> ReconnectOptions.DEFAULT.withMaxAttempts(0))
                .hasMessageContaining("maximum reconnect attempts must be between 1 and");
        assertThatThrownBy(() -> ReconnectOptions.DEFAULT.withDelay(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void flowControlDefaultsAndBounds() {
        FlowControlOptions defaults = FlowControlOptions.DEFAULT;
        assertThat(defaults.receiveMaximum()).isEqualTo(FlowControlOptions.DEFAULT_RECEIVE_MAXIMUM);
        assertThat(defaults.maximumInflightPublishes()).isEqualTo(FlowControlOptions.DEFAULT_MAXIMUM_INFLIGHT_PUBLISHES);
        assertThat(defaults.maximumPacketSize()).isEqualTo(FlowControlOptions.DEFAULT_MAXIMUM_PACKET_SIZE)
                .isEqualTo(FlowControlOptions.defaultMaximumPacketSize(Runtime.getRuntime().maxMemory()));
        assertThat(defaults.qos0BufferBytes()).isEqualTo(FlowControlOptions.DEFAULT_QOS0_BUFFER_BYTES)
                .isEqualTo(8 * 1024 * 1024);
        assertThat(defaults.topicAliasMaximum()).isEqualTo(FlowControlOptions.DEFAULT_TOPIC_ALIAS_MAXIMUM);
        assertThat(defaults.outgoingTopicAliasMaximum())
                .isEqualTo(FlowControlOptions.DEFAULT_OUTGOING_TOPIC_ALIAS_MAXIMUM).isEqualTo(16);
        assertThat(defaults.qos0BufferSize()).isEqualTo(FlowControlOptions.DEFAULT_QOS0_BUFFER_SIZE);
        assertThat(defaults.qos0OverflowStrategy()).isEqualTo(OverflowStrategy.DROP_OLDEST);
        assertThat(defaults.maximumPendingPublishes()).isEqualTo(FlowControlOptions.DEFAULT_MAXIMUM_PENDING_PUBLISHES);
        assertThat(defaults.offlineQueueSize()).isEqualTo(FlowControlOptions.DEFAULT_OFFLINE_QUEUE_SIZE);
        assertThat(defaults.offlineSubscriptionQueueSize())
                .isEqualTo(FlowControlOptions.DEFAULT_OFFLINE_SUBSCRIPTION_QUEUE_SIZE).isEqualTo(1024);

        FlowControlOptions.Builder builder = FlowControlOptions.builder();
        assertThatThrownBy(() -> builder.receiveMaximum(0)).hasMessage("receive maximum must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> builder.receiveMaximum(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maximumInflightPublishes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maximumPacketSize(268_435_461)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.topicAliasMaximum(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.outgoingTopicAliasMaximum(-1))
                .hasMessage("outgoing topic alias maximum must be between 0 and 65535, was -1");
        assertThatThrownBy(() -> builder.outgoingTopicAliasMaximum(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.qos0BufferSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.qos0BufferBytes(0))
                .hasMessage("QoS 0 buffer bytes must be between 1 and 2147483647, was 0");
        assertThatThrownBy(() -> builder.maximumPendingPublishes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.offlineQueueSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.offlineSubscriptionQueueSize(-1))
                .hasMessage("offline subscription queue size must be between 0 and 2147483647, was -1");
        assertThatThrownBy(() -> builder.qos0OverflowStrategy(null)).isInstanceOf(NullPointerException.class);
        FlowControlOptions edges = builder.receiveMaximum(1).receiveMaximum(65_535).maximumPacketSize(268_435_460)
                .topicAliasMaximum(0).outgoingTopicAliasMaximum(65_535).maximumPendingPublishes(0).offlineQueueSize(0).qos0BufferBytes(1)
                .offlineSubscriptionQueueSize(0).build();
        assertThat(edges.receiveMaximum()).isEqualTo(65_535);
        assertThat(edges.mutate().build()).isEqualTo(edges).hasSameHashCodeAs(edges);
        assertThat(edges).isNotEqualTo(defaults);
        assertThat(edges.toString()).contains("receiveMaximum=65535", "offlineQueueSize=0", "qos0BufferBytes=1",
                "offlineSubscriptionQueueSize=0");
        assertThat(edges.mutate().qos0BufferBytes(2).build()).isNotEqualTo(edges);
        assertThat(edges.mutate().offlineSubscriptionQueueSize(1).build()).isNotEqualTo(edges);
        assertThat(edges.outgoingTopicAliasMaximum()).isEqualTo(65_535);
        assertThat(edges.toString()).contains("outgoingTopicAliasMaximum=65535");
        assertThat(edges.mutate().outgoingTopicAliasMaximum(0).build()).isNotEqualTo(edges);
    }

    @Test
    @DisplayName("acknowledgement modes: on delivery by default; on buffer with bounds of at least 1, or defaults")
    void acknowledgeModes() {
        assertThat(AcknowledgeMode.ON_DELIVERY).isEqualTo(new AcknowledgeMode.OnDelivery());
        assertThat(AcknowledgeMode.onBuffer()).isEqualTo(AcknowledgeMode.onBuffer(1024, 8L * 1024 * 1024));
        AcknowledgeMode.OnBuffer smallest = AcknowledgeMode.onBuffer(1, 1);
        assertThat(smallest.bufferSize()).isEqualTo(1);
        assertThat(smallest.bufferBytes()).isEqualTo(1);
        assertThat(smallest).hasToString("OnBuffer[bufferSize=1, bufferBytes=1]");
        assertThatThrownBy(() -> AcknowledgeMode.onBuffer(0, 1))
                .hasMessage("acknowledged buffer size must be between 1 and 2147483647, was 0");
        assertThatThrownBy(() -> AcknowledgeMode.onBuffer(1, 0))
                .hasMessage("acknowledged buffer bytes must be between 1 and 9223372036854775807, was 0");
    }

    @Test
    @DisplayName("the default maximum packet size is an eighth of the heap, within 1 MiB and the protocol's maximum")
    void defaultMaximumPacketSizeFollowsTheHeap() {
        long mebibyte = 1024 * 1024;
        assertThat(FlowControlOptions.defaultMaximumPacketSize(128 * mebibyte)).isEqualTo(16 * mebibyte);
        assertThat(FlowControlOptions.defaultMaximumPacketSize(512 * mebibyte)).isEqualTo(64 * mebibyte);
        assertThat(FlowControlOptions.defaultMaximumPacketSize(4 * mebibyte)).isEqualTo(mebibyte);
        assertThat(FlowControlOptions.defaultMaximumPacketSize(4096 * mebibyte)).isEqualTo(268_435_460);
        assertThat(FlowControlOptions.defaultMaximumPacketSize(Long.MAX_VALUE)).isEqualTo(268_435_460);
    }

    @Test
    @DisplayName("the default pending and offline queue byte bounds are a sixteenth of the heap, at least 1 MiB")
    void defaultQueueBytesFollowTheHeap() {
        long mebibyte = 1024 * 1024;
        assertThat(FlowControlOptions.defaultQueueBytes(128 * mebibyte)).isEqualTo(8 * mebibyte);
        assertThat(FlowControlOptions.defaultQueueBytes(4096 * mebibyte)).isEqualTo(256 * mebibyte);
        assertThat(FlowControlOptions.defaultQueueBytes(4 * mebibyte)).isEqualTo(mebibyte);
        assertThat(FlowControlOptions.DEFAULT.maximumPendingBytes())
                .isEqualTo(FlowControlOptions.defaultQueueBytes(Runtime.getRuntime().maxMemory()))
                .isEqualTo(FlowControlOptions.DEFAULT.offlineQueueBytes());
    }

    @Test
    void willMessage() {
        MqttMessage message = MqttMessage.builder().topic("status").payload("gone").qos(MqttQos.AT_LEAST_ONCE).build();
        assertThat(WillMessage.of(message).delayInterval()).isZero();
        assertThat(new WillMessage(message, Duration.ofSeconds(30)).message()).isEqualTo(message);
        assertThatThrownBy(() -> new WillMessage(message, Duration.ofMillis(1)))
                .hasMessageContaining("will delay interval must be a whole number of seconds");
        MqttMessage received = message.mutate().subscriptionIdentifiers(List.of(3)).build();
        assertThatThrownBy(() -> WillMessage.of(received)).hasMessage("a will message must not carry subscription identifiers");
    }

    @Test
    @DisplayName("[MQTT-3.14.2-1] (5.0) a client sends only client DISCONNECT reason codes")
    void disconnectOptions() {
        assertThat(DisconnectOptions.DEFAULT.reasonCode()).isEqualTo(DisconnectReasonCode.NORMAL_DISCONNECTION);
        DisconnectOptions options = DisconnectOptions.of(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                .withSessionExpiryInterval(Duration.ofMinutes(1)).withReasonString("maintenance")
                .withUserProperties(UserProperties.of("k", "v"));
        assertThat(options).isEqualTo(new DisconnectOptions(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE,
                Optional.of(Duration.ofMinutes(1)), Optional.of("maintenance"), UserProperties.of("k", "v")));
        assertThat(options.withSessionExpiryInterval(null).sessionExpiryInterval()).isEmpty();
        assertThatThrownBy(() -> DisconnectOptions.of(DisconnectReasonCode.SERVER_SHUTTING_DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a client must not send DISCONNECT reason code SERVER_SHUTTING_DOWN [MQTT-3.14.2-1] (5.0)");
        assertThatThrownBy(() -> DisconnectOptions.DEFAULT.withReasonString("bad\u0000"))
                .hasMessageContaining("reason string must not contain U+0000");
        assertThatThrownBy(() -> DisconnectOptions.DEFAULT.withSessionExpiryInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
