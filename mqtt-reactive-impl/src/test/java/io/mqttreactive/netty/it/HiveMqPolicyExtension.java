package io.mqttreactive.netty.it;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An embedded HiveMQ extension that enforces {@link PolicyBroker}'s policy: anonymous clients are welcome,
 * {@value PolicyBroker#USER} must give {@value PolicyBroker#PASSWORD} (else Bad user name or password), any
 * other user name is Not authorized, and subscriptions under {@value PolicyBroker#DENIED_ROOT}{@code /} are
 * refused with Not authorized. Non-blocking: it runs on HiveMQ's threads inside the test JVM, where BlockHound
 * watches. It also lets a test publish as the broker itself, to topics that HiveMQ refuses from clients.
 */
final class HiveMqPolicyExtension implements ExtensionMain, SimpleAuthenticator, SubscriptionAuthorizer {

    private volatile @Nullable PublishService publishService;

    /** @return this extension, to give the broker */
    EmbeddedExtension embedded() {
        return EmbeddedExtension.builder()
                .withId("mqtt-reactive-test-policy")
                .withName("mqtt-reactive test policy")
                .withVersion("1")
                .withAuthor("mqtt-reactive")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(this)
                .build();
    }

    /**
     * Publishes a QoS 1 message through HiveMQ's publish service, as the broker itself. HiveMQ closes the
     * connection of a client that publishes to a topic starting with {@code $}, but routes such a message from an
     * extension. The publish service is this broker's, kept when it started: {@link Services} is one per JVM and
     * holds the services of whichever embedded broker started last.
     *
     * @return completes once HiveMQ took the message
     */
    CompletableFuture<Void> publishAsBroker(String topic, byte[] payload) {
        return Objects.requireNonNull(publishService, "the broker has not started").publish(Builders.publish()
                .topic(topic)
                .payload(ByteBuffer.wrap(payload))
                .qos(Qos.AT_LEAST_ONCE)
                .build());
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        publishService = Services.publishService();
        Services.securityRegistry().setAuthenticatorProvider(provider -> this);
        Services.securityRegistry().setAuthorizerProvider(provider -> this);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        Optional<String> user = input.getConnectPacket().getUserName();
        if (user.isEmpty()) {
            output.authenticateSuccessfully();
        } else if (!user.get().equals(PolicyBroker.USER)) {
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "unknown user");
        } else if (PolicyBroker.PASSWORD.equals(input.getConnectPacket().getPassword().map(HiveMqPolicyExtension::text)
                .orElse(null))) {
            output.authenticateSuccessfully();
        } else {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong password");
        }
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (input.getSubscription().getTopicFilter().startsWith(PolicyBroker.DENIED_ROOT + "/")) {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "denied by the test policy");
        } else {
            output.authorizeSuccessfully();
        }
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
}
