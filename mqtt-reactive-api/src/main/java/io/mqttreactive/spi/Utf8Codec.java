package io.mqttreactive.spi;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.internal.MqttStrings;
import io.mqttreactive.message.PayloadFormatIndicator;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The codec of {@link PayloadCodec#utf8()}: strings as strict UTF-8.
 */
enum Utf8Codec implements PayloadCodec<String> {

    INSTANCE;

    private static final Optional<String> CONTENT_TYPE = Optional.of("text/plain; charset=utf-8");

    @Override
    public byte[] encode(String value) {
        int surrogate = MqttStrings.indexOfUnpairedSurrogate(value);
        if (surrogate >= 0) {
            throw new MqttPayloadCodecException("the text is not well-formed UTF-16 (unpaired surrogate at index "
                    + surrogate + ") and cannot be encoded as UTF-8", null);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] payload) {
        try {
            return MqttStrings.decodeUtf8Strictly(payload);
        } catch (CharacterCodingException e) {
            throw new MqttPayloadCodecException("the payload is not well-formed UTF-8", e);
        }
    }

    @Override
    public Optional<String> contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public PayloadFormatIndicator payloadFormat() {
        return PayloadFormatIndicator.UTF_8;
    }
}
