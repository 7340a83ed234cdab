package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.netty.internal.transport.TlsConfigurer;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.TlsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Turning TLS host name verification off is logged at WARN once per client, when it is created: not on each
 * connection or reconnect, and not for a client that verifies. The scripted transport ignores the TLS options,
 * which is all this needs, since the warning does not depend on the transport.
 */
class TlsHostnameVerificationWarningFlowTest {

    private static final TlsOptions NOT_VERIFYING = TlsOptions.builder().hostnameVerification(false).build();

    private final Logger logger = (Logger) LoggerFactory.getLogger(TlsConfigurer.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private ScriptedBroker broker;

    @BeforeEach
    void captureLog() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        if (broker != null) {
            broker.close();
        }
    }

    private List<ILoggingEvent> warnings() {
        return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }

    @Test
    @DisplayName("host name verification off: one WARN per client, none for its reconnects or a verifying client")
    void warnsOncePerClient() throws InterruptedException {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options.tls(NOT_VERIFYING)
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        CountDownLatch reconnected = new CountDownLatch(1);
        client.events().filter(MqttClientEvent.Connected.class::isInstance).subscribe(event -> reconnected.countDown());
        broker.expect(isConnect()).answer(Packets.connAck());
        broker.closeConnection();
        assertThat(reconnected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("reconnected").isTrue();

        assertThat(warnings()).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains("host name verification is off", "'scripted-client'", "127.0.0.1:1883"));

        broker.connectedClient(options -> options.clientId("verifying").tls(TlsOptions.DEFAULT));
        broker.connectedClient(options -> options.clientId("second").tls(NOT_VERIFYING));

        assertThat(warnings()).hasSize(2).last().satisfies(warning ->
                assertThat(warning.getFormattedMessage()).contains("'second'"));
    }
}
