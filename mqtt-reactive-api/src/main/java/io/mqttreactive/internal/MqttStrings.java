package io.mqttreactive.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks Java strings against the rules for MQTT UTF-8 Encoded Strings (MQTT 3.1.1 section 1.5.3,
 * MQTT 5.0 section 1.5.4): well-formed UTF-16 so that they encode to well-formed UTF-8, no U+0000,
 * and at most 65,535 bytes once encoded.
 */
public final class MqttStrings {

    /** The largest number of bytes an MQTT UTF-8 Encoded String may encode to. */
    public static final int MAX_UTF8_BYTES = 65_535;

    private MqttStrings() {
    }

    /**
     * Checks that {@code value} is a valid MQTT UTF-8 Encoded String.
     *
     * @param value the string to check
     * @param what  what the string is, used in the error message (for example "client identifier")
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code value} breaks one of the rules
     */
    public static String requireValid(String value, String what) {
        Objects.requireNonNull(value, what);
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new IllegalArgumentException(what + " must not contain U+0000 (found at index " + nul
                    + ") [MQTT-1.5.3-2 (3.1.1), MQTT-1.5.4-2 (5.0)]");
        }
        int surrogate = indexOfUnpairedSurrogate(value);
        if (surrogate >= 0) {
            throw new IllegalArgumentException(what + " must be well-formed UTF-16, found an unpaired surrogate"
                    + " at index " + surrogate + " [MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)]");
        }
        long bytes = utf8Length(value);
        if (bytes > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException(what + " must encode to at most " + MAX_UTF8_BYTES
                    + " UTF-8 bytes, was " + bytes);
        }
        return value;
    }

    /**
     * Returns the index of the first unpaired surrogate character.
     *
     * @param value the string to scan
     * @return the index, or -1 if every surrogate is part of a pair
     */
    public static int indexOfUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the number of bytes {@code value} encodes to in UTF-8, counting a surrogate pair as four
     * bytes and, should one be present, an unpaired surrogate as three.
     *
     * @param value the string to measure
     * @return the encoded length in bytes
     */
    public static long utf8Length(String value) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Tells whether bytes are well-formed UTF-8 (Unicode section 3.9, table 3-7): no truncated sequences, overlong
     * forms, encoded surrogates or code points above U+10FFFF. Allocates nothing.
     *
     * @param bytes the bytes to check
     * @return whether they are well-formed UTF-8
     */
    public static boolean isWellFormedUtf8(byte[] bytes) {
        int i = 0;
        int end = bytes.length;
        while (i < end) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            int length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
            if (length == 0 || end - i < length || !isValidSecondByte(lead, bytes[i + 1] & 0xFF)) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** The second byte's range depends on the lead byte: it rules out overlong forms, surrogates and > U+10FFFF. */
    private static boolean isValidSecondByte(int lead, int second) {
        return switch (lead) {
            case 0xE0 -> second >= 0xA0 && second <= 0xBF;
            case 0xED -> second >= 0x80 && second <= 0x9F;
            case 0xF0 -> second >= 0x90 && second <= 0xBF;
            case 0xF4 -> second >= 0x80 && second <= 0x8F;
            default -> (second & 0xC0) == 0x80;
        };
    }

    /**
     * Decodes bytes as UTF-8, rejecting ill-formed input (such as truncated sequences, overlong forms and
     * encoded surrogates) instead of replacing it.
     *
     * @param bytes the bytes to decode
     * @return the text
     * @throws CharacterCodingException if the bytes are not well-formed UTF-8
     */
    public static String decodeUtf8Strictly(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
