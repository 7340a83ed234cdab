package io.mqttreactive.netty.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttJvmErrorException;
import io.mqttreactive.netty.internal.reconnect.ReconnectPolicy;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A JVM error is told apart from a network failure on every path a connection can end by. */
class ConnectionFailuresTest {

    private static final MqttClientOptions OPTIONS = MqttClientOptions.builder().serverHost("broker.test").build();

    private final OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");

    @Test
    void aJvmErrorIsANonTransientMqttJvmErrorExceptionWhereverItBreaksTheConnection() {
        DecoderException wrapped = new DecoderException(outOfMemory);

        for (var failure : new Throwable[] {
                ConnectionFailures.ofConnection(outOfMemory),
                ConnectionFailures.ofConnection(wrapped),
                ConnectionFailures.beforeConnAck(outOfMemory),
                ConnectionFailures.ofConnect(wrapped, OPTIONS)}) {
            assertThat(failure).isInstanceOfSatisfying(MqttJvmErrorException.class,
                    error -> assertThat(error.error()).isSameAs(outOfMemory));
            assertThat(ReconnectPolicy.isRetryable(failure)).isFalse();
        }
    }

    @Test
    void anIoFailureStaysATransientClosedConnection() {
        IOException reset = new IOException("Connection reset by peer");

        assertThat(ConnectionFailures.ofConnection(reset)).isInstanceOf(MqttConnectionClosedException.class)
                .hasCause(reset);
        assertThat(ReconnectPolicy.isRetryable(ConnectionFailures.ofConnection(reset))).isTrue();
    }
}
