package io.mqttreactive.netty.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded extension every {@link HiveMqBroker} runs: it keeps that broker's {@link ClientService}, so that
 * tests can ask whether a client is connected, and runs the test's own extension, if any, inside it. Without
 * one it lets anyone connect (HiveMQ refuses every client when extensions run and none authenticates).
 */
final class HiveMqProbe implements ExtensionMain {

    private static final Duration POLL = Duration.ofMillis(5);

    private final EmbeddedExtension wrapped;
    private final CompletableFuture<ClientService> clients = new CompletableFuture<>();

    /** @param wrapped the test's extension, or {@code null} */
    HiveMqProbe(EmbeddedExtension wrapped) {
        this.wrapped = wrapped;
    }

    /** @return the extension to give HiveMQ: the test's own identity and priorities, run by this probe */
    EmbeddedExtension embedded() {
        return EmbeddedExtension.builder()
                .withId(wrapped == null ? "mqtt-reactive-test-probe" : wrapped.getId())
                .withName(wrapped == null ? "mqtt-reactive test probe" : wrapped.getName())
                .withVersion(wrapped == null ? "1" : wrapped.getVersion())
                .withAuthor(wrapped == null ? "mqtt-reactive" : wrapped.getAuthor())
                .withPriority(wrapped == null ? 0 : wrapped.getPriority())
                .withStartPriority(wrapped == null ? 0 : wrapped.getStartPriority())
                .withExtensionMain(this)
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        if (wrapped != null) {
            wrapped.getExtensionMain().extensionStart(input, output);
        } else {
            Services.securityRegistry().setAuthenticatorProvider(
                    provider -> (SimpleAuthenticator) (in, out) -> out.authenticateSuccessfully());
        }
        clients.complete(Services.clientService());
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        if (wrapped != null) {
            wrapped.getExtensionMain().extensionStop(input, output);
        }
    }

    /** Waits until HiveMQ no longer counts the client as connected; see {@link MqttTestBroker#awaitOffline}. */
    void awaitOffline(String clientId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            ClientService service = clients.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (service.isClientConnected(clientId).get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("HiveMQ still counts " + clientId + " as connected after " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + clientId + " to go offline", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("HiveMQ did not say whether " + clientId + " is connected", e);
        }
    }
}
