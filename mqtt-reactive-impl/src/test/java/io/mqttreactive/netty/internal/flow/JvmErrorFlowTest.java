package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttJvmErrorException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.test.subscriber.TestSubscriber;

/**
 * A JVM {@link Error} on a connection, here an {@link OutOfMemoryError} raised where the bytes of a large PUBLISH
 * are read (a handler ahead of the decoder throws it, as the decoder's buffer growth would), is never taken for a
 * transient network failure: the connection closes, the client does not reconnect (which would fetch the same
 * message again), and the subscription, the events and the state say why, with the error as the cause.
 */
class JvmErrorFlowTest {

    private static final Duration FAST_RECONNECT = Duration.ofMillis(10);
    private static final Duration QUIET = Duration.ofMillis(500);

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BothVersions
    @DisplayName("an OutOfMemoryError ends the connection with MqttJvmErrorException and no reconnect, although "
            + "reconnect is on")
    void outOfMemoryErrorIsNotRetried(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        OutOfMemoryError injected = new OutOfMemoryError("injected: Java heap space");
        AtomicBoolean heapExhausted = new AtomicBoolean();
        broker.clientPipeline(pipeline -> pipeline.addFirst(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (heapExhausted.get()) {
                    ReferenceCountUtil.release(msg);
                    throw injected;
                }
                ctx.fireChannelRead(msg);
            }
        }));
        MqttClient client = broker.connectedClient(options -> options
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(FAST_RECONNECT))));
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);
        CompletableFuture<MqttClientEvent.ReconnectGaveUp> gaveUp = client.events()
                .ofType(MqttClientEvent.ReconnectGaveUp.class).next().toFuture();
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        client.subscribe("big/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.send(subAck(broker.awaitReceived(isSubscribe("big/#")).packetId(), 1));
        broker.barrier();
        heapExhausted.set(true);

        broker.send(Packets.publish("big/1", "too large for this heap", AT_LEAST_ONCE, 1));

        broker.awaitConnectionClosed();
        assertThat(gaveUp).succeedsWithin(WAIT).satisfies(event -> {
            assertThat(event.attempts()).isZero();
            assertThat(event.cause()).isInstanceOfSatisfying(MqttJvmErrorException.class,
                    error -> assertThat(error.error()).isSameAs(injected));
        });
        subscription.block(WAIT);
        assertThat(subscription.expectTerminalError()).isInstanceOf(MqttJvmErrorException.class)
                .hasCause(injected);
        assertThat(events).filteredOn(MqttClientEvent.Disconnected.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((MqttClientEvent.Disconnected) event).cause())
                        .containsInstanceOf(MqttJvmErrorException.class));
        assertThat(events).noneMatch(MqttClientEvent.Reconnecting.class::isInstance);
        broker.assertNothingReceivedWithin(QUIET);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
