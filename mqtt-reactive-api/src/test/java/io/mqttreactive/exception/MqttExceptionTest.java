package io.mqttreactive.exception;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UnsubscribeResult;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.topic.MqttTopicFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MqttExceptionTest {

    private static final MqttMessage MESSAGE = MqttMessage.of("a/b", new byte[0], MqttQos.AT_LEAST_ONCE);

    @Test
    void transientBranch() {
        assertThat(List.of(
                new MqttConnectionClosedException("lost"),
                new MqttDisconnectedException(DisconnectReasonCode.SERVER_SHUTTING_DOWN, null, UserProperties.empty(), null),
                new MqttTimeoutException("CONNACK", Duration.ofSeconds(10)),
                new MqttBufferFullException("offline queue", 1024),
                new MqttServerUnavailableException(ConnectReasonCode.SERVER_BUSY, null, UserProperties.empty(), null)))
                .allSatisfy(e -> assertThat(e).isInstanceOf(MqttTransientException.class).isInstanceOf(RuntimeException.class));
    }

    @Test
    void nonTransientBranch() {
        assertThat(List.of(
                new MqttConnectException(ConnectReasonCode.NOT_AUTHORIZED, null, UserProperties.empty()),
                new MqttPublishException(MESSAGE, PublishReasonCode.QUOTA_EXCEEDED, null, UserProperties.empty()),
                new MqttSubscribeException("shared subscriptions are not available"),
                new MqttProtocolException("unexpected CONNACK"),
                new MqttMalformedPacketException("bad flags"),
                new MqttPacketTooLargeException(2_000, 1_024),
                new MqttClientClosedException(),
                new MqttPayloadCodecException("bad JSON", null),
                new MqttProxyException("proxy refused: 407", null)))
                .allSatisfy(e -> assertThat(e).isInstanceOf(MqttNonTransientException.class));
    }

    @Test
    void connectRefusalCarriesReasonCodeStringAndProperties() {
        MqttConnectException e = new MqttConnectException(ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong password",
                UserProperties.of("hint", "rotate"));
        assertThat(e).hasMessage("The broker refused the connection: BAD_USER_NAME_OR_PASSWORD (0x86): wrong password");
        assertThat(e.reasonCode()).isEqualTo(0x86);
        assertThat(e.connectReasonCode()).isEqualTo(ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(e.reasonString()).contains("wrong password");
        assertThat(e.userProperties().first("hint")).contains("rotate");
        assertThat(e.isBadCredentials()).isTrue();
        assertThat(e.isNotAuthorized()).isFalse();
        assertThat(new MqttConnectException(ConnectReasonCode.BANNED, null, UserProperties.empty()).isNotAuthorized()).isTrue();
        assertThat(new MqttConnectException(ConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, null, UserProperties.empty()))
                .hasMessage("The broker refused the connection: UNSUPPORTED_PROTOCOL_VERSION (0x84)");
    }

    @Test
    void serverUnavailableCarriesServerReference() {
        MqttServerUnavailableException e = new MqttServerUnavailableException(ConnectReasonCode.USE_ANOTHER_SERVER, null,
                UserProperties.empty(), "other.example.com:1883");
        assertThat(e).hasMessage("The broker is unavailable: USE_ANOTHER_SERVER (0x9C) (server reference: other.example.com:1883)");
        assertThat(e.serverReference()).contains("other.example.com:1883");
        assertThat(e.connectReasonCode().isTransient()).isTrue();
    }

    @Test
    void publishFailureNamesTopicQosAndReason() {
        MqttPublishException rejected = new MqttPublishException(MESSAGE, PublishReasonCode.NOT_AUTHORIZED, "acl",
                UserProperties.empty());
        assertThat(rejected).hasMessage("The broker rejected the message to topic 'a/b' (QoS 1): NOT_AUTHORIZED (0x87): acl");
        assertThat(rejected.reason()).contains(PublishReasonCode.NOT_AUTHORIZED);
        assertThat(rejected.publishedMessage()).isSameAs(MESSAGE);
        MqttPublishException pubcomp = new MqttPublishException(MESSAGE, PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND, null,
                UserProperties.empty());
        assertThat(pubcomp.reasonCode()).isEqualTo(0x92);
        MqttPublishException refused = new MqttPublishException(MESSAGE, "QoS 1 is above the broker's maximum QoS 0");
        assertThat(refused).hasMessage("The message to topic 'a/b' (QoS 1) was not sent: QoS 1 is above the broker's maximum QoS 0");
        assertThat(refused.reason()).isEmpty();
        assertThat(refused.reasonCode()).isEqualTo(MqttException.NO_REASON_CODE);
    }

    @Test
    void subscribeFailureListsTheRejectedFilters() {
        SubscribeResult result = new SubscribeResult(
                List.of(Subscription.of("a", MqttQos.AT_LEAST_ONCE), Subscription.of("b/#", MqttQos.AT_LEAST_ONCE)),
                List.of(SubscribeReasonCode.GRANTED_QOS_1, SubscribeReasonCode.NOT_AUTHORIZED),
                Optional.of("acl"), UserProperties.empty());
        MqttSubscribeException e = new MqttSubscribeException(result);
        assertThat(e).hasMessage("The broker rejected the subscription: b/# -> NOT_AUTHORIZED (0x87) (acl)");
        assertThat(e.reasonCode()).isEqualTo(0x87);
        assertThat(e.reasonString()).contains("acl");
        assertThat(e.result()).contains(result);
        assertThat(new MqttSubscribeException("wildcards are not available").result()).isEmpty();
    }

    @Test
    void subscribeRefusedByTheClientCarriesTheReasonCodeOrTheCause() {
        MqttSubscribeException unsupported = new MqttSubscribeException(
                SubscribeReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED, "the broker has no wildcard subscriptions");
        assertThat(unsupported).hasMessage("The subscription was not sent: the broker has no wildcard subscriptions");
        assertThat(unsupported.reasonCode()).isEqualTo(0xA2);
        assertThat(unsupported.result()).isEmpty();
        MqttPacketTooLargeException tooLarge = new MqttPacketTooLargeException(300, 200);
        MqttSubscribeException oversize = new MqttSubscribeException("the SUBSCRIBE is too large", tooLarge);
        assertThat(oversize).hasCause(tooLarge).isInstanceOf(MqttNonTransientException.class);
        assertThat(oversize.reasonCode()).isEqualTo(MqttException.NO_REASON_CODE);
        assertThat(oversize.result()).isEmpty();
    }

    @Test
    @DisplayName("an unsubscribe refusal lists the refused filters; 0x11, no subscription existed, is a success "
            + "(MQTT 5.0 section 2.4)")
    void unsubscribeFailureListsTheRefusedFilters() {
        UnsubscribeResult result = new UnsubscribeResult(
                List.of(MqttTopicFilter.of("a"), MqttTopicFilter.of("b/#"), MqttTopicFilter.of("c")),
                List.of(UnsubscribeReasonCode.SUCCESS, UnsubscribeReasonCode.NOT_AUTHORIZED,
                        UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED),
                Optional.of("acl"), UserProperties.empty());
        MqttUnsubscribeException e = new MqttUnsubscribeException(result);
        assertThat(e).hasMessage("The broker refused the unsubscribe: b/# -> NOT_AUTHORIZED (0x87) (acl)")
                .isInstanceOf(MqttNonTransientException.class);
        assertThat(e.reasonCode()).isEqualTo(0x87);
        assertThat(e.reasonString()).contains("acl");
        assertThat(e.result()).contains(result);
        assertThat(result.isSuccess()).isFalse();
        assertThat(new UnsubscribeResult(List.of(MqttTopicFilter.of("c")),
                List.of(UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED), Optional.empty(), UserProperties.empty())
                .isSuccess()).isTrue();
        MqttPacketTooLargeException tooLarge = new MqttPacketTooLargeException(300, 200);
        MqttUnsubscribeException oversize = new MqttUnsubscribeException("the UNSUBSCRIBE is too large", tooLarge);
        assertThat(oversize).hasCause(tooLarge).hasMessage("The unsubscribe failed: the UNSUBSCRIBE is too large");
        assertThat(oversize.result()).isEmpty();
    }

    @Test
    @DisplayName("an unsubscribe result has one reason code per filter [MQTT-3.11.3-1] (5.0)")
    void unsubscribeResultHasOneCodePerFilter() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UnsubscribeResult(
                List.of(MqttTopicFilter.of("a"), MqttTopicFilter.of("b")), List.of(UnsubscribeReasonCode.SUCCESS),
                Optional.empty(), UserProperties.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT-3.11.3-1");
    }

    @Test
    void disconnectAndProtocolErrorsCarryTheirCodes() {
        MqttDisconnectedException disconnected = new MqttDisconnectedException(DisconnectReasonCode.SESSION_TAKEN_OVER,
                "another client", UserProperties.empty(), null);
        assertThat(disconnected)
                .hasMessage("The broker closed the connection: SESSION_TAKEN_OVER (0x8E): another client")
                .isInstanceOf(MqttConnectionClosedException.class);
        assertThat(disconnected.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.SESSION_TAKEN_OVER);
        assertThat(disconnected.serverReference()).isEmpty();
        assertThat(new MqttProtocolException("PUBACK for unknown packet id 7").reasonCode()).isEqualTo(0x82);
        MqttProtocolException alias = new MqttProtocolException("topic alias 9 above maximum 8",
                DisconnectReasonCode.TOPIC_ALIAS_INVALID, null);
        assertThat(alias.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.TOPIC_ALIAS_INVALID);
        MqttMalformedPacketException malformed = new MqttMalformedPacketException("bad UTF-8", new IOException("x"));
        assertThat(malformed.reasonCode()).isEqualTo(0x81);
        assertThat(malformed).isInstanceOf(MqttProtocolException.class).hasCauseInstanceOf(IOException.class);
        MqttPacketTooLargeException tooLarge = new MqttPacketTooLargeException(2_000, 1_024);
        assertThat(tooLarge).hasMessage("A packet of 2000 bytes exceeds the maximum packet size of 1024 bytes");
        assertThat(tooLarge.reasonCode()).isEqualTo(0x95);
        assertThat(tooLarge.packetSize()).isEqualTo(2_000);
        assertThat(tooLarge.maximumPacketSize()).isEqualTo(1_024);
    }

    @Test
    void operationalErrorsHaveClearMessagesAndNoReasonCode() {
        MqttTimeoutException timeout = new MqttTimeoutException("CONNACK", Duration.ofSeconds(10));
        assertThat(timeout).hasMessage("CONNACK timed out after 10000 ms");
        assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeout.reasonCode()).isEqualTo(MqttException.NO_REASON_CODE);
        assertThat(timeout.reasonString()).isEmpty();
        assertThat(timeout.userProperties().isEmpty()).isTrue();
        MqttBufferFullException full = new MqttBufferFullException("pending publish queue", 4096);
        assertThat(full).hasMessage("The pending publish queue is full (capacity 4096)");
        assertThat(full.capacity()).isEqualTo(4096);
        assertThat(new MqttClientClosedException()).hasMessage("The MQTT client is closed");
        IOException io = new IOException("reset");
        assertThat(new MqttConnectionClosedException("connection lost", io)).hasCause(io);
    }

    @Test
    void invalidTopicIsAnIllegalArgument() {
        InvalidTopicException e = new InvalidTopicException("a/#/b", "reason");
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid topic \"a/#/b\": reason");
        assertThat(e.topic()).isEqualTo("a/#/b");
    }
}
