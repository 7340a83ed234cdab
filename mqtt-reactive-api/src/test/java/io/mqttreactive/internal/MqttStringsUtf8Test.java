package io.mqttreactive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharacterCodingException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MqttStrings#isWellFormedUtf8(byte[])} against the JDK's strict UTF-8 decoder, which is the oracle.
 */
class MqttStringsUtf8Test {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "41", "c2 80", "df bf", "e0 a0 80", "ed 9f bf", "ee 80 80", "ef bf bf",
            "f0 90 80 80", "f4 8f bf bf", "ef bb bf 41", "00"})
    @DisplayName("well-formed sequences at the edges of every range are accepted")
    void wellFormed(String hex) {
        assertThat(MqttStrings.isWellFormedUtf8(bytes(hex))).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"80", "bf", "c0 80", "c1 bf", "c2", "c2 41", "e0 80 80", "e0 9f bf", "ed a0 80",
            "ed bf bf", "e1 80", "f0 80 80 80", "f0 8f bf bf", "f4 90 80 80", "f5 80 80 80", "ff", "f0 90 80",
            "41 e2 82"})
    @DisplayName("continuation leads, overlong forms, surrogates, code points above U+10FFFF and truncation are not")
    void illFormed(String hex) {
        assertThat(MqttStrings.isWellFormedUtf8(bytes(hex))).isFalse();
    }

    @Test
    @DisplayName("agrees with the JDK's strict decoder on every two-byte input and on random inputs")
    void agreesWithTheJdk() {
        for (int value = 0; value < 0x10000; value++) {
            assertAgrees(new byte[] {(byte) (value >> 8), (byte) value});
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 50_000; round++) {
            byte[] input = new byte[random.nextInt(1, 9)];
            for (int i = 0; i < input.length; i++) {
                input[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            assertAgrees(input);
        }
    }

    private static void assertAgrees(byte[] input) {
        boolean jdk;
        try {
            MqttStrings.decodeUtf8Strictly(input);
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertThat(MqttStrings.isWellFormedUtf8(input)).as(HexFormat.of().formatHex(input)).isEqualTo(jdk);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
