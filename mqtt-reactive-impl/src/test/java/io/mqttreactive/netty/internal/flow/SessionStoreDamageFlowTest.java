package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.FileSessionStore;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link FileSessionStore} that discarded damaged records when it opened: every client using it tells so on
 * {@link MqttClient#events()}, once, before its first CONNECT, and resumes the records that were kept.
 */
class SessionStoreDamageFlowTest {

    private static final String CLIENT_ID = "scripted-client";

    @TempDir
    Path directory;

    private ScriptedBroker broker;
    private FileSessionStore store;

    @AfterEach
    void close() {
        if (broker != null) {
            broker.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static StoredPublish stored(int packetId, String payload) {
        return new StoredPublish(packetId, State.AWAITING_PUBACK,
                MqttMessage.of("out/" + payload, payload.getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE));
    }

    @Test
    @DisplayName("records discarded as damaged are told once per client, before the session it restores")
    void discardedRecordsAreToldOncePerClient() throws IOException, InterruptedException {
        Path log;
        long firstRecordEnd;
        try (FileSessionStore writer = FileSessionStore.open(directory)) {
            log = directory.resolve("session.log");
            writer.storeOutbound(CLIENT_ID, stored(1, "lost")).block(WAIT);
            firstRecordEnd = Files.size(log);
            writer.storeOutbound(CLIENT_ID, stored(2, "kept")).block(WAIT);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(firstRecordEnd - 1);
            int last = file.read();
            file.seek(firstRecordEnd - 1);
            file.write(last ^ 1);
        }
        store = FileSessionStore.open(directory);
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        SessionStoreRecordsDiscarded expected = new SessionStoreRecordsDiscarded(log.toString(),
                List.of(new SessionStoreRecordsDiscarded.Range(8, firstRecordEnd - 8)));

        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch reconnected = new CountDownLatch(2);
        MqttClient client = broker.newClient(options -> options
                .session(new SessionOptions(false, Duration.ofMinutes(5), Optional.of(store)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        client.events().subscribe(event -> {
            events.add(event);
            if (event instanceof MqttClientEvent.Connected) {
                reconnected.countDown();
            }
        });
        broker.expect(isConnect()).answer(ConnAckPacket.of(true, 0));
        client.connect().block(WAIT);
        PublishPacket resent = broker.awaitReceived(isPublish(AT_LEAST_ONCE, 2));
        assertThat(new String(resent.payload(), StandardCharsets.UTF_8)).isEqualTo("kept");
        broker.send(pubAck(2));
        broker.expect(isConnect()).answer(ConnAckPacket.of(true, 0));
        broker.closeConnection();
        assertThat(reconnected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("reconnected").isTrue();

        assertThat(events).filteredOn(SessionStoreRecordsDiscarded.class::isInstance).containsExactly(expected);
        assertThat(events).filteredOn(event -> !(event instanceof MqttClientEvent.RestoredPublishFinished))
                .startsWith(expected, new MqttClientEvent.SessionRestored(CLIENT_ID, 1, 0));

        List<MqttClientEvent> otherEvents = new CopyOnWriteArrayList<>();
        MqttClient other = broker.newClient(options -> options.clientId("other")
                .session(new SessionOptions(true, Duration.ofMinutes(5), Optional.of(store))));
        other.events().subscribe(otherEvents::add);
        broker.expect(isConnect()).answer(ConnAckPacket.of(false, 0));
        other.connect().block(WAIT);

        assertThat(otherEvents).filteredOn(SessionStoreRecordsDiscarded.class::isInstance).containsExactly(expected);
    }
}
