package io.mqttreactive.netty.internal.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.netty.internal.packet.MqttPacketType;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonCodesTest {

    @ParameterizedTest(name = "{0} allows exactly {1}")
    @CsvSource(delimiter = ';', value = {
        "CONNACK; 00 80 81 82 83 84 85 86 87 88 89 8a 8c 90 95 97 99 9a 9b 9c 9d 9f",
        "PUBACK; 00 10 80 83 87 90 91 97 99",
        "PUBREC; 00 10 80 83 87 90 91 97 99",
        "PUBREL; 00 92",
        "PUBCOMP; 00 92",
        "SUBACK; 00 01 02 80 83 87 8f 91 97 9e a1 a2",
        "UNSUBACK; 00 11 80 83 87 8f 91",
        "DISCONNECT; 00 04 80 81 82 83 87 89 8b 8c 8d 8e 8f 90 93 94 95 96 97 98 99 9a 9b 9c 9d 9e 9f a0 a1 a2",
        "AUTH; 00 18 19"})
    void tables(MqttPacketType type, String codes) {
        int[] expected = Arrays.stream(codes.split(" ")).mapToInt(code -> Integer.parseInt(code, 16)).toArray();
        int[] allowed = IntStream.range(0, 256).filter(code -> ReasonCodes.isValid(type, code)).toArray();
        assertThat(allowed).containsExactly(expected);
    }

    @Test
    @DisplayName("a packet type without a reason code has no table")
    void noTable() {
        assertThatThrownBy(() -> ReasonCodes.isValid(MqttPacketType.PUBLISH, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
