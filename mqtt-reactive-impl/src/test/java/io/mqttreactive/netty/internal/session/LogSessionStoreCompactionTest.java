package io.mqttreactive.netty.internal.session;

import static io.mqttreactive.netty.internal.session.SessionStoreContract.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.session.LogRecord.InboundStored;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStored;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction: the log is rewritten with exactly the live records, in order, and shrinks; it happens by
 * itself once the log passes the threshold and is more than twice its live size; the store goes on appending
 * to the compacted log, and reopening it restores the same state.
 */
class LogSessionStoreCompactionTest {

    @TempDir
    Path directory;

    @Test
    void compactionKeepsExactlyTheLiveRecordsInOrderAndShrinksTheLog() throws Exception {
        LogConfig config = LogConfig.of(directory).withSync(LogConfig.Sync.NEVER, Duration.ZERO);
        List<LogRecord> live = new ArrayList<>();
        long before;
        long after;
        try (LogSessionStore store = LogSessionStore.open(config)) {
            for (int id = 1; id <= 200; id++) {
                store.storeOutbound("a", StoreSamples.full(id, id)).block(TIMEOUT);
            }
            for (int id = 1; id <= 200; id++) {
                if (id % 4 == 0) {
                    store.storeOutbound("a", StoreSamples.full(id, id).withState(State.AWAITING_PUBCOMP)).block(TIMEOUT);
                } else if (id % 4 != 1) {
                    store.removeOutbound("a", id).block(TIMEOUT);
                }
            }
            for (int id = 1; id <= 10; id++) {
                store.storeInbound("a", id).block(TIMEOUT);
                store.storeOutbound("gone", StoreSamples.qos1(id, id)).block(TIMEOUT);
            }
            store.removeInbound("a", 3).block(TIMEOUT);
            store.clear("gone").block(TIMEOUT);
            store.storeOutbound("b", StoreSamples.qos2(5, 5)).block(TIMEOUT);
            for (int id = 1; id <= 200; id++) {
                if (id % 4 == 1) {
                    live.add(new OutboundStored("a", StoreSamples.full(id, id)));
                } else if (id % 4 == 0) {
                    live.add(new OutboundStored("a", StoreSamples.full(id, id).withState(State.AWAITING_PUBCOMP)));
                }
            }
            for (int id = 1; id <= 10; id++) {
                if (id != 3) {
                    live.add(new InboundStored("a", id));
                }
            }
            live.add(new OutboundStored("b", StoreSamples.qos2(5, 5)));
            long liveBytes = live.stream().mapToLong(LogRecordCodec::frameSize).sum();
            before = Files.size(store.logPath());

            store.compact().block(TIMEOUT);

            after = Files.size(store.logPath());
            assertThat(after).isEqualTo(LogFile.HEADER_SIZE + liveBytes);
            assertThat(store.compactions()).isEqualTo(1);
        }
        assertThat(after).isLessThan(before / 2);
        assertThat(readLog()).containsExactlyInAnyOrderElementsOf(live);
        assertThat(readLog().stream().filter(record -> record.clientId().equals("a")).toList())
                .as("per client: outbound in order, then inbound").containsExactlyElementsOf(
                        live.stream().filter(record -> record.clientId().equals("a")).toList());
        try (LogSessionStore store = LogSessionStore.open(config)) {
            assertThat(store.loadOutbound("a").collectList().block(TIMEOUT)).containsExactlyElementsOf(
                    live.stream().filter(r -> r instanceof OutboundStored && r.clientId().equals("a"))
                            .map(r -> ((OutboundStored) r).publish()).toList());
            assertThat(store.loadInbound("a").collectList().block(TIMEOUT)).containsExactly(1, 2, 4, 5, 6, 7, 8, 9, 10);
            assertThat(store.loadOutbound("gone").collectList().block(TIMEOUT)).isEmpty();
        }
    }

    @Test
    void theStoreCompactsByItselfAndKeepsTheLogBounded() throws Exception {
        long threshold = 8 * 1024;
        LogConfig config = LogConfig.of(directory).withCompactionThreshold(threshold)
                .withSync(LogConfig.Sync.NEVER, Duration.ZERO);
        long largest = 0;
        try (LogSessionStore store = LogSessionStore.open(config)) {
            for (int round = 0; round < 1200; round++) {
                int id = round % 50 + 1;
                store.removeOutbound("c", id).block(TIMEOUT);
                store.storeOutbound("c", StoreSamples.qos1(id, round)).block(TIMEOUT);
                largest = Math.max(largest, Files.size(store.logPath()));
            }
            assertThat(store.compactions()).isGreaterThan(5);
            long liveBytes = 50L * LogRecordCodec.outboundFrameSize("c", StoreSamples.qos1(1, 1199).message());
            assertThat(largest).as("bounded by the threshold or twice the live records, plus one batch")
                    .isLessThanOrEqualTo(Math.max(threshold, 2 * (liveBytes + LogFile.HEADER_SIZE)) + 200);
        }
        try (LogSessionStore store = LogSessionStore.open(config)) {
            List<StoredPublish> outbound = store.loadOutbound("c").collectList().block(TIMEOUT);
            assertThat(outbound).hasSize(50);
            assertThat(outbound.get(0)).isEqualTo(StoreSamples.qos1(1, 1150));
            assertThat(outbound.get(49)).isEqualTo(StoreSamples.qos1(50, 1199));
        }
    }

    @Test
    void writesAfterACompactionGoToTheCompactedLog() throws Exception {
        LogConfig config = LogConfig.of(directory);
        try (LogSessionStore store = LogSessionStore.open(config)) {
            store.storeOutbound("c", StoreSamples.qos1(1, 1)).block(TIMEOUT);
            store.storeOutbound("c", StoreSamples.qos1(2, 2)).block(TIMEOUT);
            store.removeOutbound("c", 1).block(TIMEOUT);
            List<CompletableFuture<Void>> around = new ArrayList<>();
            around.add(store.storeOutbound("c", StoreSamples.qos1(3, 3)).toFuture());
            around.add(store.compact().toFuture());
            around.add(store.storeOutbound("c", StoreSamples.qos1(4, 4)).toFuture());
            CompletableFuture.allOf(around.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            store.storeInbound("c", 7).block(TIMEOUT);
        }
        try (LogSessionStore store = LogSessionStore.open(config)) {
            assertThat(store.replayedRecords()).as("2 and 3 compacted, then 4 and inbound 7 appended").isEqualTo(4);
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactly(
                    StoreSamples.qos1(2, 2), StoreSamples.qos1(3, 3), StoreSamples.qos1(4, 4));
            assertThat(store.loadInbound("c").collectList().block(TIMEOUT)).containsExactly(7);
        }
    }

    private List<LogRecord> readLog() throws IOException {
        List<LogRecord> records = new ArrayList<>();
        try (LogFile log = LogFile.open(directory, records::add)) {
            assertThat(log.discarded()).isEmpty();
        }
        return records;
    }
}
