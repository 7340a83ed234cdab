package io.mqttreactive.message;

import java.lang.reflect.Array;

/**
 * A lookup table from wire value to reason code constant, shared by the reason code enums.
 */
final class ReasonCodeTable<E extends Enum<E> & ReasonCode> {

    private final E[] byCode;
    private final String packets;

    @SuppressWarnings("unchecked")
    ReasonCodeTable(E[] values, String packets) {
        this.byCode = (E[]) Array.newInstance(values.getClass().getComponentType(), 256);
        this.packets = packets;
        for (E value : values) {
            byCode[value.code()] = value;
        }
    }

    E fromCode(int code) {
        if (code < 0 || code >= byCode.length) {
            throw new IllegalArgumentException("a reason code is one byte, 0..255, was " + code);
        }
        E value = byCode[code];
        if (value == null) {
            throw new IllegalArgumentException(String.format("0x%02X is not a %s reason code", code, packets));
        }
        return value;
    }
}
