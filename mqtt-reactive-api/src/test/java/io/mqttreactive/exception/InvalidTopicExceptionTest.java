package io.mqttreactive.exception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an invalid topic is quoted in the message: readable, with control characters and surrogates escaped. */
class InvalidTopicExceptionTest {

    @Test
    void controlCharactersAndLoneSurrogatesAreQuotedAsFourDigitUnicodeEscapes() {
        InvalidTopicException error = new InvalidTopicException("a\u0000b\u0009\u007F\u0085\uD800/\u00e9", "reason");

        assertThat(error.getMessage())
                .isEqualTo("Invalid topic \"a\\u0000b\\u0009\\u007F\\u0085\\uD800/\u00e9\": reason");
        assertThat(error.topic()).isEqualTo("a\u0000b\u0009\u007F\u0085\uD800/\u00e9");
    }

    @Test
    void aLongTopicIsQuotedUpToEightyCharactersWithItsLength() {
        InvalidTopicException error = new InvalidTopicException("x".repeat(100), "reason");

        assertThat(error.getMessage()).isEqualTo("Invalid topic \"" + "x".repeat(80) + "...(100 characters)\": reason");
    }
}
