package io.mqttreactive.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReasonCodeTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(ConnectReasonCode.values(), (IntFunction<ReasonCode>) ConnectReasonCode::fromCode, 22),
                Arguments.of(PublishReasonCode.values(), (IntFunction<ReasonCode>) PublishReasonCode::fromCode, 9),
                Arguments.of(PubRelReasonCode.values(), (IntFunction<ReasonCode>) PubRelReasonCode::fromCode, 2),
                Arguments.of(SubscribeReasonCode.values(), (IntFunction<ReasonCode>) SubscribeReasonCode::fromCode, 12),
                Arguments.of(UnsubscribeReasonCode.values(), (IntFunction<ReasonCode>) UnsubscribeReasonCode::fromCode, 7),
                Arguments.of(DisconnectReasonCode.values(), (IntFunction<ReasonCode>) DisconnectReasonCode::fromCode, 29),
                Arguments.of(AuthReasonCode.values(), (IntFunction<ReasonCode>) AuthReasonCode::fromCode, 3));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void fromCodeRoundTripsEveryConstantAndRejectsEveryOtherByte(ReasonCode[] values, IntFunction<ReasonCode> fromCode,
            int count) {
        assertThat(values).hasSize(count);
        for (ReasonCode value : values) {
            assertThat(fromCode.apply(value.code())).isSameAs(value);
            assertThat(value.isError()).isEqualTo(value.code() >= 0x80);
        }
        List<Integer> known = Arrays.stream(values).map(ReasonCode::code).toList();
        IntStream.rangeClosed(0, 255).filter(code -> !known.contains(code)).forEach(code ->
                assertThatThrownBy(() -> fromCode.apply(code))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageMatching("0x[0-9A-F]{2} is not a [A-Z/]+ reason code"));
        for (int outOfRange : new int[] {-1, 256}) {
            assertThatThrownBy(() -> fromCode.apply(outOfRange))
                    .hasMessage("a reason code is one byte, 0..255, was " + outOfRange);
        }
    }

    @ParameterizedTest(name = "0x{0} is {1}, error={2}")
    @CsvSource({
            "00, SUCCESS, false", "80, UNSPECIFIED_ERROR, true", "84, UNSUPPORTED_PROTOCOL_VERSION, true",
            "86, BAD_USER_NAME_OR_PASSWORD, true", "87, NOT_AUTHORIZED, true", "88, SERVER_UNAVAILABLE, true",
            "8C, BAD_AUTHENTICATION_METHOD, true", "9C, USE_ANOTHER_SERVER, true", "9F, CONNECTION_RATE_EXCEEDED, true"})
    void connectCodes(String hex, ConnectReasonCode expected, boolean error) {
        assertThat(ConnectReasonCode.fromCode(Integer.parseInt(hex, 16))).isEqualTo(expected);
        assertThat(expected.isError()).isEqualTo(error);
    }

    @ParameterizedTest(name = "3.1.1 return code {0} maps to {1}")
    @CsvSource({"0, SUCCESS", "1, UNSUPPORTED_PROTOCOL_VERSION", "2, CLIENT_IDENTIFIER_NOT_VALID",
            "3, SERVER_UNAVAILABLE", "4, BAD_USER_NAME_OR_PASSWORD", "5, NOT_AUTHORIZED"})
    void mapsMqtt311ConnackReturnCodes(int returnCode, ConnectReasonCode expected) {
        assertThat(ConnectReasonCode.fromMqtt3ReturnCode(returnCode)).isEqualTo(expected);
    }

    @Test
    void unknownCodeMessageNamesThePacket() {
        assertThatThrownBy(() -> PublishReasonCode.fromCode(0x01)).hasMessage("0x01 is not a PUBACK/PUBREC reason code");
        assertThatThrownBy(() -> SubscribeReasonCode.fromCode(0x03)).hasMessage("0x03 is not a SUBACK reason code");
    }

    @Test
    void rejectsUnknownMqtt311ReturnCodes() {
        assertThatThrownBy(() -> ConnectReasonCode.fromMqtt3ReturnCode(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("6 is not an MQTT 3.1.1 CONNACK return code (0..5)");
        assertThatThrownBy(() -> ConnectReasonCode.fromMqtt3ReturnCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transientConnectCodes() {
        assertThat(Arrays.stream(ConnectReasonCode.values()).filter(ConnectReasonCode::isTransient))
                .containsExactlyInAnyOrder(ConnectReasonCode.SERVER_UNAVAILABLE, ConnectReasonCode.SERVER_BUSY,
                        ConnectReasonCode.QUOTA_EXCEEDED, ConnectReasonCode.USE_ANOTHER_SERVER,
                        ConnectReasonCode.SERVER_MOVED, ConnectReasonCode.CONNECTION_RATE_EXCEEDED);
    }

    @Test
    void subscribeCodesGrantQos() {
        assertThat(SubscribeReasonCode.GRANTED_QOS_0.grantedQos()).contains(MqttQos.AT_MOST_ONCE);
        assertThat(SubscribeReasonCode.GRANTED_QOS_1.grantedQos()).contains(MqttQos.AT_LEAST_ONCE);
        assertThat(SubscribeReasonCode.GRANTED_QOS_2.grantedQos()).contains(MqttQos.EXACTLY_ONCE);
        assertThat(SubscribeReasonCode.NOT_AUTHORIZED.grantedQos()).isEmpty();
        for (MqttQos qos : MqttQos.values()) {
            assertThat(SubscribeReasonCode.granted(qos).grantedQos()).contains(qos);
        }
        assertThat(SubscribeReasonCode.fromCode(0x80)).isEqualTo(SubscribeReasonCode.UNSPECIFIED_ERROR);
    }

    @Test
    @DisplayName("[MQTT-3.14.2-1] (5.0) a client sends only the DISCONNECT codes it may send")
    void clientSendableDisconnectCodes() {
        assertThat(Arrays.stream(DisconnectReasonCode.values()).filter(DisconnectReasonCode::isClientSendable)
                .mapToInt(DisconnectReasonCode::code))
                .containsExactly(0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99);
        assertThat(DisconnectReasonCode.SESSION_TAKEN_OVER.isClientSendable()).isFalse();
        assertThat(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE.isError()).isFalse();
    }

    @Test
    void authCodesAreNeverErrors() {
        assertThat(AuthReasonCode.values()).noneMatch(ReasonCode::isError);
        assertThat(AuthReasonCode.CONTINUE_AUTHENTICATION.code()).isEqualTo(0x18);
        assertThat(AuthReasonCode.REAUTHENTICATE.code()).isEqualTo(0x19);
    }

    @Test
    void publishAndAckCodes() {
        assertThat(PublishReasonCode.NO_MATCHING_SUBSCRIBERS.code()).isEqualTo(0x10);
        assertThat(PublishReasonCode.NO_MATCHING_SUBSCRIBERS.isError()).isFalse();
        assertThat(PublishReasonCode.PAYLOAD_FORMAT_INVALID.isError()).isTrue();
        assertThat(PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code()).isEqualTo(0x92);
        assertThat(UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED.code()).isEqualTo(0x11);
        assertThat(UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED.isError()).isFalse();
    }

    @Test
    void smallEnumsRoundTrip() {
        for (PayloadFormatIndicator indicator : PayloadFormatIndicator.values()) {
            assertThat(PayloadFormatIndicator.fromCode(indicator.code())).isSameAs(indicator);
        }
        for (RetainHandling handling : RetainHandling.values()) {
            assertThat(RetainHandling.fromCode(handling.code())).isSameAs(handling);
        }
        assertThatThrownBy(() -> PayloadFormatIndicator.fromCode(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetainHandling.fromCode(3)).hasMessage("retain handling must be 0, 1 or 2, was 3");
        assertThatThrownBy(() -> RetainHandling.fromCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
