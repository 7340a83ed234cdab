package io.mqttreactive.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The public entry point of the durable store: opened from the exported package alone, configured with the
 * builder, handed to a client through {@link SessionOptions#withStore(SessionStore)}, and reopened with its
 * state.
 */
class FileSessionStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private static StoredPublish publish(int packetId) {
        return new StoredPublish(packetId, State.AWAITING_PUBREC,
                MqttMessage.of("t/" + packetId, new byte[] {(byte) packetId}, MqttQos.EXACTLY_ONCE));
    }

    @Test
    void aStoreOpenedWithDefaultsGoesIntoTheSessionOptionsAndKeepsItsStateAcrossReopening() {
        Path storeDirectory = directory.resolve("nested/session");
        try (FileSessionStore store = FileSessionStore.open(storeDirectory)) {
            MqttClientOptions options = MqttClientOptions.builder().uri("mqtt://127.0.0.1:1883").clientId("device-1")
                    .session(SessionOptions.DEFAULT.withCleanStart(false).withStore(store)).build();
            assertThat(options.session().store()).containsSame(store);
            assertThat(store).hasToString("FileSessionStore{" + storeDirectory.resolve("session.log")
                    + ", FsyncPolicy.always()}");

            store.storeOutbound("device-1", publish(1)).block(TIMEOUT);
            store.storeOutbound("device-1", publish(2)).block(TIMEOUT);
            store.storeOutbound("device-1", publish(1).withState(State.AWAITING_PUBCOMP)).block(TIMEOUT);
            store.storeInbound("device-1", 77).block(TIMEOUT);
        }
        try (FileSessionStore store = FileSessionStore.open(storeDirectory, FsyncPolicy.never())) {
            assertThat(store.loadOutbound("device-1").collectList().block(TIMEOUT))
                    .containsExactly(publish(1).withState(State.AWAITING_PUBCOMP), publish(2));
            assertThat(store.loadInbound("device-1").collectList().block(TIMEOUT)).containsExactly(77);
            store.clear("device-1").block(TIMEOUT);
            store.removeInbound("device-1", 77).block(TIMEOUT);
            store.removeOutbound("device-1", 1).block(TIMEOUT);
            assertThat(store.loadOutbound("device-1").collectList().block(TIMEOUT)).isEmpty();
        }
    }

    @Test
    void theBuilderSetsBoundsPolicyAndThreshold() {
        try (FileSessionStore store = FileSessionStore.builder(directory).maxMessages(2).maxBytes(10_000)
                .fsyncPolicy(FsyncPolicy.periodically(Duration.ofMillis(250))).compactionThreshold(0).open()) {
            store.storeOutbound("c", publish(1)).block(TIMEOUT);
            store.storeOutbound("c", publish(2)).block(TIMEOUT);

            StepVerifier.create(store.storeOutbound("c", publish(3)))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MqttBufferFullException.class)
                            .extracting("capacity").isEqualTo(2))
                    .verify(TIMEOUT);
            assertThat(store.toString()).endsWith("FsyncPolicy.periodically(PT0.25S)}");
        }
        assertThatThrownBy(() -> FileSessionStore.builder(directory).maxMessages(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSessionStore.builder(directory).maxBytes(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSessionStore.builder(directory).compactionThreshold(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingFailsClearlyOnAForeignFileOrADirectoryInUse() throws Exception {
        Path foreign = directory.resolve("foreign");
        Files.createDirectories(foreign);
        Files.write(foreign.resolve("session.log"), "not a log".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> FileSessionStore.open(foreign)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot open the session store").hasRootCauseMessage(
                        foreign.resolve("session.log") + " is not a session log (no MQSL header)");

        Path inUse = directory.resolve("in-use");
        try (FileSessionStore store = FileSessionStore.open(inUse)) {
            assertThatThrownBy(() -> FileSessionStore.open(inUse)).isInstanceOf(IllegalStateException.class);
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).isEmpty();
        }
    }

    @Test
    void fsyncPoliciesAreValuesWithTheirInterval() {
        assertThat(FsyncPolicy.always()).isEqualTo(FsyncPolicy.always()).hasToString("FsyncPolicy.always()");
        assertThat(FsyncPolicy.always().interval()).isEmpty();
        assertThat(FsyncPolicy.never().interval()).isEmpty();
        assertThat(FsyncPolicy.never()).isNotEqualTo(FsyncPolicy.always());
        assertThat(FsyncPolicy.periodically(Duration.ofSeconds(1))).isEqualTo(FsyncPolicy.periodically(
                Duration.ofMillis(1000))).hasSameHashCodeAs(FsyncPolicy.periodically(Duration.ofMillis(1000)));
        assertThat(FsyncPolicy.periodically(Duration.ofSeconds(1)).interval()).contains(Duration.ofSeconds(1));
        assertThatThrownBy(() -> FsyncPolicy.periodically(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FsyncPolicy.periodically(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
