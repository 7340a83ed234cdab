package io.mqttreactive.netty;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.WillMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No log line at any level carries a secret of the options (password, MQTT 5 authentication data, the will
 * payload) or a message payload, across connect, publish, receive, reconnect and a protocol error, with every logger
 * at TRACE. The same run proves the lines are there: the wire log, the connect line and the protocol warning.
 */
class SecretsNotLoggedTest {

    private static final String PASSWORD = "pw-6f1c-secret";
    private static final String AUTHENTICATION_DATA = "auth-data-93ab-secret";
    private static final String WILL_PAYLOAD = "will-payload-51d7-secret";
    private static final String PUBLISHED_PAYLOAD = "published-payload-0e42-secret";
    private static final String RECEIVED_PAYLOAD = "received-payload-7c88-secret";

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> quieted = new ArrayList<>();

    @BeforeEach
    void everyLoggerAtTrace() {
        lines.setContext(logging);
        lines.start();
        for (Logger logger : logging.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(logger.getName().equals(Logger.ROOT_LOGGER_NAME) ? Level.TRACE : null);
        }
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(quieted::add);
        quieted.forEach(root::detachAppender);
        root.addAppender(lines);
    }

    @AfterEach
    void restoreLevels() {
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(lines);
        quieted.forEach(root::addAppender);
        levels.forEach(Logger::setLevel);
    }

    @Test
    @DisplayName("password, authentication data, will and message payloads reach no log line, at any level")
    void secretsStayOutOfLogs() {
        try (ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0)) {
            broker.whenever(isConnect()).answer(Packets.connAck());
            MqttClient client = broker.newClient(options -> options.username("user").password(PASSWORD)
                    .authenticationMethod("TOKEN").authenticationData(bytes(AUTHENTICATION_DATA))
                    .will(WillMessage.of(MqttMessage.of("will/topic", bytes(WILL_PAYLOAD), MqttQos.AT_LEAST_ONCE)))
                    .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
            List<MqttClientEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            client.events().subscribe(events::add);
            client.connect().block(WAIT);

            CompletableFuture<?> published = client.publish(MqttMessage.of("out/topic", bytes(PUBLISHED_PAYLOAD),
                    MqttQos.AT_LEAST_ONCE)).toFuture();
            broker.send(Packets.pubAck(broker.awaitReceived(isPublish(MqttQos.AT_LEAST_ONCE)).packetId()));
            assertThat(published).succeedsWithin(WAIT);
            CompletableFuture<MqttMessage> received = client.subscribe("in/#", MqttQos.AT_MOST_ONCE).next()
                    .toFuture();
            broker.send(Packets.subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 0));
            broker.send(Packets.publish("in/topic", RECEIVED_PAYLOAD, MqttQos.AT_MOST_ONCE, 0));
            assertThat(received).succeedsWithin(WAIT);

            CompletableFuture<?> reconnected = client.events().ofType(MqttClientEvent.Connected.class).next()
                    .toFuture();
            broker.closeConnection();
            assertThat(reconnected).succeedsWithin(WAIT);
            CompletableFuture<?> protocolError = client.events().ofType(MqttClientEvent.Disconnected.class)
                    .filter(lost -> lost.cause().orElse(null) instanceof MqttProtocolException).next().toFuture();
            broker.send(Packets.connAck());
            assertThat(protocolError).succeedsWithin(WAIT);
            client.close().block(WAIT);
        }

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent line : lines.list) {
            logged.add(line.getFormattedMessage());
            for (IThrowableProxy error = line.getThrowableProxy(); error != null; error = error.getCause()) {
                logged.add(error.getClassName() + ": " + error.getMessage());
                Arrays.stream(error.getStackTraceElementProxyArray()).map(StackTraceElementProxy::getSTEAsString)
                        .forEach(logged::add);
            }
        }
        assertThat(logged).as("the wire log, the connect line and the protocol warning were written")
                .anyMatch(line -> line.startsWith("sent CONNECT") && line.contains("password=set"))
                .anyMatch(line -> line.contains("connected, session present"))
                .anyMatch(line -> line.contains("protocol error"))
                .anyMatch(line -> line.contains("gave up reconnecting after 0 attempts: io.mqttreactive"));
        for (String secret : List.of(PASSWORD, AUTHENTICATION_DATA, WILL_PAYLOAD, PUBLISHED_PAYLOAD,
                RECEIVED_PAYLOAD)) {
            String bytesForm = Arrays.toString(bytes(secret));
            assertThat(logged).as(secret).noneMatch(line -> line.contains(secret) || line.contains(bytesForm));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
