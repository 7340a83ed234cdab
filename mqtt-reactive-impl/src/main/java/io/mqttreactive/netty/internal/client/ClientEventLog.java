package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.netty.internal.telemetry.FailureReasons;
import java.util.function.Supplier;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Logs a client's life cycle from its events under the logger {@value #NAME}: INFO for connects, disconnects and
 * a reconnect given up; WARN for protocol errors, drops and other trouble, at most one line per reason every
 * {@link LogRateLimiter#INTERVAL_NANOS 10 seconds} with the count of the lines held back. Lines name the client
 * and its server, never credentials or payloads.
 */
final class ClientEventLog {

    static final String NAME = "io.mqttreactive.client";

    private static final Logger LOG = Loggers.getLogger(NAME);

    private final String client;
    private final LogRateLimiter limiter = new LogRateLimiter(System::nanoTime);

    ClientEventLog(MqttClientOptions options) {
        this.client = "[" + options.clientId() + "@" + options.serverHost() + ":" + options.serverPort() + "]";
    }

    void log(MqttClientEvent event) {
        if (event instanceof MqttClientEvent.Connected connected) {
            LOG.info("{} connected, session present: {}", client, connected.result().sessionPresent());
        } else if (event instanceof MqttClientEvent.Disconnected disconnected) {
            disconnected.cause().ifPresentOrElse(this::connectionLost, () -> LOG.info("{} disconnected", client));
        } else if (event instanceof MqttClientEvent.ConnectFailed failed) {
            info("connect_failed:" + FailureReasons.of(failed.cause()),
                    () -> "connect attempt " + failed.attempt() + " failed: " + failed.cause());
        } else if (event instanceof MqttClientEvent.ReconnectGaveUp gaveUp) {
            LOG.info("{} gave up reconnecting after {} attempts: {}", client, gaveUp.attempts(),
                    gaveUp.cause().toString());
        } else if (event instanceof MqttClientEvent.MessageDropped dropped) {
            warn("dropped:" + dropped.strategy(), () -> "dropped a QoS 0 message of " + dropped.topic() + " ("
                    + dropped.strategy() + ", " + dropped.totalDropped() + " dropped so far by "
                    + dropped.subscription().map(Object::toString).orElse("unsolicited messages") + ")");
        } else if (event instanceof MqttClientEvent.BufferedMessagesDiscarded discarded) {
            warn("buffered_discarded", () -> "the subscription to " + discarded.subscription() + " ended with "
                    + discarded.discarded() + " acknowledged messages it had not emitted; they are discarded ("
                    + discarded.totalDiscarded() + " so far)");
        } else if (event instanceof MqttClientEvent.OfflinePublishDropped dropped) {
            warn("offline_dropped", () -> "dropped a publish to " + dropped.topic()
                    + " from the full offline queue (" + dropped.totalDropped() + " dropped so far)");
        } else if (event instanceof MqttClientEvent.OfflineSubscriptionDropped dropped) {
            warn("offline_subscription_dropped", () -> "dropped the subscription to " + dropped.filters()
                    + " from the full offline subscription queue (" + dropped.totalDropped() + " dropped so far)");
        } else if (event instanceof MqttClientEvent.ReceiveMaximumExceeded exceeded) {
            warn("receive_maximum", () -> "the broker exceeded the Receive Maximum of "
                    + exceeded.receiveMaximum() + " (" + exceeded.totalExceeded()
                    + " messages beyond it so far); reading paused");
        } else if (event instanceof MqttClientEvent.SessionStoreFailed failed) {
            warn("store:" + failed.operation(), () -> "session store operation " + failed.operation()
                    + " failed (" + failed.totalFailures() + " failures so far): " + failed.cause());
        } else if (event instanceof MqttClientEvent.SessionStoreRecordsDiscarded discarded) {
            LOG.warn("{} the session store at {} discarded {} damaged bytes", client, discarded.location(),
                    discarded.discardedBytes());
        }
    }

    private void connectionLost(Throwable cause) {
        if (cause instanceof MqttProtocolException) {
            warn("protocol:" + FailureReasons.of(cause),
                    () -> "closed the connection on a protocol error: " + cause);
        } else {
            LOG.info("{} connection lost: {}", client, cause.toString());
        }
    }

    private void info(String key, Supplier<String> line) {
        if (LOG.isInfoEnabled()) {
            long suppressed = limiter.admit(key);
            if (suppressed != LogRateLimiter.SUPPRESSED) {
                LOG.info("{} {}{}", client, line.get(), suppressedNote(suppressed));
            }
        }
    }

    private void warn(String key, Supplier<String> line) {
        if (LOG.isWarnEnabled()) {
            long suppressed = limiter.admit(key);
            if (suppressed != LogRateLimiter.SUPPRESSED) {
                LOG.warn("{} {}{}", client, line.get(), suppressedNote(suppressed));
            }
        }
    }

    private static String suppressedNote(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " similar lines suppressed)" : "";
    }
}
