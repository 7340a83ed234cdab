package io.mqttreactive.netty.internal.session;

import static io.mqttreactive.netty.internal.session.SessionStoreContract.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded.Range;
import io.mqttreactive.netty.internal.session.LogRecord.Cleared;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What opening a damaged log does. A crash can cut the last write short (a torn record) and leave garbage
 * after it; replay keeps every record before it, discards the rest and truncates the file, and the store
 * goes on. A record damaged in the middle of the log is discarded on its own: the records after it are kept,
 * since the length of the damaged record leads to a record whose checksum matches, and the log is rewritten
 * without the damage. A damaged length field, which hides where the next record starts, discards everything
 * from the damage on, and never makes replay accept anything but the records that were written. What was
 * discarded is reported by {@link LogSessionStore#discardedOnOpen()}. A foreign file, an unknown format
 * version, or a record with a valid checksum that does not decode is refused without touching the file.
 */
class LogSessionStoreRecoveryTest {

    @TempDir
    Path directory;

    /** The five operations of {@link #writeFiveRecords}, and the state after each of the first k of them. */
    private static final List<Function<LogSessionStore, Mono<Void>>> FIVE = List.of(
            store -> store.storeOutbound("c", StoreSamples.full(1, 1)),
            store -> store.storeOutbound("c", StoreSamples.qos1(2, 2)),
            store -> store.storeOutbound("c", StoreSamples.full(1, 1).withState(State.AWAITING_PUBCOMP)),
            store -> store.storeInbound("c", 9),
            store -> store.storeOutbound("c", StoreSamples.qos2(3, 3)));

    private static List<StoredPublish> outboundAfter(int records) {
        List<StoredPublish> state = new ArrayList<>();
        if (records >= 1) {
            state.add(records >= 3 ? StoreSamples.full(1, 1).withState(State.AWAITING_PUBCOMP)
                    : StoreSamples.full(1, 1));
        }
        if (records >= 2) {
            state.add(StoreSamples.qos1(2, 2));
        }
        if (records >= 5) {
            state.add(StoreSamples.qos2(3, 3));
        }
        return state;
    }

    /** Writes the five records, closes the store, and returns the log size after 0 to 5 records. */
    private long[] writeFiveRecords() throws IOException {
        long[] sizes = new long[FIVE.size() + 1];
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            sizes[0] = Files.size(store.logPath());
            for (int i = 0; i < FIVE.size(); i++) {
                FIVE.get(i).apply(store).block(TIMEOUT);
                sizes[i + 1] = Files.size(store.logPath());
            }
        }
        return sizes;
    }

    private Path log() {
        return directory.resolve(LogFile.LOG_NAME);
    }

    private void assertReopensWith(int records, long discarded) throws IOException {
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.replayedRecords()).isEqualTo(records);
            assertThat(store.discardedBytes()).isEqualTo(discarded);
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactlyElementsOf(
                    outboundAfter(records));
            assertThat(store.loadInbound("c").collectList().block(TIMEOUT))
                    .isEqualTo(records >= 4 ? List.of(9) : List.of());
        }
    }

    @ParameterizedTest(name = "cut {0} bytes off the end")
    @ValueSource(ints = {1, 3, 8, 9})
    void aTornLastRecordIsDiscardedAndTheStoreGoesOn(int cut) throws IOException {
        long[] sizes = writeFiveRecords();
        truncate(log(), sizes[5] - cut);

        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.discardedOnOpen().orElseThrow().ranges())
                    .containsExactly(new Range(sizes[4], sizes[5] - cut - sizes[4]));
        }
        assertThat(Files.size(log())).as("truncated at the last intact record").isEqualTo(sizes[4]);
        assertReopensWith(4, 0);

        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            store.storeOutbound("c", StoreSamples.qos1(4, 4)).block(TIMEOUT);
        }
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.discardedBytes()).isZero();
            List<StoredPublish> expected = new ArrayList<>(outboundAfter(4));
            expected.add(StoreSamples.qos1(4, 4));
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zeros", "ones", "text", "a frame header promising more than the file holds"})
    void garbageAfterTheLastRecordIsDiscarded(String garbage) throws IOException {
        long[] sizes = writeFiveRecords();
        byte[] bytes = switch (garbage) {
            case "zeros" -> new byte[100];
            case "ones" -> filled(100, (byte) 0xFF);
            case "text" -> "this is not a record at all".getBytes(StandardCharsets.US_ASCII);
            default -> ByteBuffer.allocate(12).putInt(1000).putInt(0).putInt(7).array();
        };
        Files.write(log(), bytes, StandardOpenOption.APPEND);

        assertReopensWith(5, bytes.length);
        assertThat(Files.size(log())).isEqualTo(sizes[5]);
    }

    @Test
    void aBitFlippedInRecordTwoOfFiveDiscardsThatRecordOnlyAndReportsItsOffset() throws IOException {
        long[] sizes = writeFiveRecords();
        flipBit(log(), sizes[1] + LogRecordCodec.FRAME_HEADER + 4, 3);
        Logger logger = (Logger) LoggerFactory.getLogger(LogFile.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);

        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            logger.detachAppender(appender);
            assertThat(appender.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.WARN);
                assertThat(line.getFormattedMessage()).contains(log().toString(),
                        (sizes[2] - sizes[1]) + " at offset " + sizes[1], "kept 4 intact records");
            });
            assertThat(store.replayedRecords()).isEqualTo(4);
            assertThat(store.discardedOnOpen()).hasValueSatisfying(discarded -> {
                assertThat(discarded.location()).isEqualTo(log().toString());
                assertThat(discarded.ranges()).containsExactly(new Range(sizes[1], sizes[2] - sizes[1]));
            });
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactly(
                    StoreSamples.full(1, 1).withState(State.AWAITING_PUBCOMP), StoreSamples.qos2(3, 3));
            assertThat(store.loadInbound("c").collectList().block(TIMEOUT)).containsExactly(9);
        }
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.discardedOnOpen()).as("the log was rewritten without the damage").isEmpty();
            assertThat(store.replayedRecords()).isEqualTo(3);
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactly(
                    StoreSamples.full(1, 1).withState(State.AWAITING_PUBCOMP), StoreSamples.qos2(3, 3));
        }
    }

    @Test
    void damagedRecordsInARowAreDiscardedAsOneRangeAndTheRecordsAfterThemKept() throws IOException {
        long[] sizes = writeFiveRecords();
        flipByte(log(), sizes[1] + LogRecordCodec.FRAME_HEADER + 2);
        flipByte(log(), sizes[2] + LogRecordCodec.FRAME_HEADER + 2);

        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.replayedRecords()).isEqualTo(3);
            assertThat(store.discardedOnOpen().orElseThrow().ranges())
                    .containsExactly(new Range(sizes[1], sizes[3] - sizes[1]));
            assertThat(store.loadOutbound("c").collectList().block(TIMEOUT)).containsExactly(
                    StoreSamples.full(1, 1), StoreSamples.qos2(3, 3));
            assertThat(store.loadInbound("c").collectList().block(TIMEOUT)).containsExactly(9);
        }
    }

    @Test
    void aDamagedLastRecordIsDiscardedAndTruncated() throws IOException {
        long[] sizes = writeFiveRecords();
        flipByte(log(), sizes[5] - 1);

        assertReopensWith(4, sizes[5] - sizes[4]);
        assertThat(Files.size(log())).isEqualTo(sizes[4]);
    }

    @Test
    void aDamagedLengthFieldDiscardsEverythingFromItsRecordOn() throws IOException {
        long[] sizes = writeFiveRecords();
        flipByte(log(), sizes[1] + 3);

        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.discardedOnOpen().orElseThrow().ranges())
                    .containsExactly(new Range(sizes[1], sizes[5] - sizes[1]));
        }
        assertReopensWith(1, 0);
        assertThat(Files.size(log())).isEqualTo(sizes[1]);
    }

    @ParameterizedTest(name = "bit {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 16, 24, 30, 31})
    void aBitFlippedInALengthFieldNeverMakesReplayAcceptAnythingButWrittenRecords(int bit) throws IOException {
        long[] sizes = writeFiveRecords();
        List<LogRecord> written = new ArrayList<>();
        LogFile.open(directory, written::add).close();
        flipBit(log(), sizes[1] + 3 - bit / 8, bit % 8);

        List<LogRecord> replayed = new ArrayList<>();
        try (LogFile log = LogFile.open(directory, replayed::add)) {
            assertThat(log.discarded()).isNotEmpty();
        }
        assertThat(replayed).first().isEqualTo(written.get(0));
        assertThat(replayed).doesNotContain(written.get(1));
        assertThat(written).containsSubsequence(replayed);
    }

    @Test
    void aRecordThatContradictsTheRecordsBeforeItFailsTheOpenWithAnIoException() throws IOException {
        LogFile.open(directory, record -> { }).close();
        try (var out = Files.newOutputStream(log(), StandardOpenOption.APPEND)) {
            for (LogRecord record : List.of(new LogRecord.OutboundStored("c", StoreSamples.qos2(3, 3)),
                    new LogRecord.OutboundStateChanged("c", 3, State.AWAITING_PUBACK))) {
                byte[] frame = LogRecordCodec.encode(record).array();
                int bodyLength = frame.length - LogRecordCodec.FRAME_HEADER;
                ByteBuffer.wrap(frame).putInt(4, LogRecordCodec.checksum(frame, bodyLength));
                out.write(frame);
            }
        }

        assertThatThrownBy(() -> LogFile.open(directory, new SessionIndex(SessionLimits.DEFAULT)::apply))
                .isInstanceOf(IOException.class).hasMessageContaining("contradicts the records before it");
    }

    @Test
    void aLogCutInsideItsHeaderStartsEmpty() throws IOException {
        Files.createDirectories(directory);
        Files.write(log(), new byte[] {'M', 'Q', 'S'});

        assertReopensWith(0, 0);
        assertThat(Files.size(log())).isEqualTo(LogFile.HEADER_SIZE);
    }

    @Test
    void aForeignFileIsRefusedAndLeftAlone() throws IOException {
        Files.createDirectories(directory);
        byte[] foreign = "PK\u0003\u0004 some archive".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log(), foreign);

        assertThatThrownBy(() -> LogSessionStore.open(LogConfig.of(directory))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a session log");
        assertThat(Files.readAllBytes(log())).isEqualTo(foreign);

        Files.write(log(), new byte[] {'X'});
        assertThatThrownBy(() -> LogSessionStore.open(LogConfig.of(directory))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a session log");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        writeFiveRecords();
        try (FileChannel channel = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 2}), 4);
        }

        assertThatThrownBy(() -> LogSessionStore.open(LogConfig.of(directory))).isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void aRecordWithAValidChecksumThatDoesNotDecodeFailsTheOpenAndKeepsTheFile() throws IOException {
        long[] sizes = writeFiveRecords();
        ByteBuffer frame = LogRecordCodec.encode(new Cleared("c"));
        frame.put(LogRecordCodec.FRAME_HEADER, (byte) 42);
        frame.putInt(4, LogRecordCodec.checksum(frame.array(), frame.remaining() - LogRecordCodec.FRAME_HEADER));
        Files.write(log(), frame.array(), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> LogSessionStore.open(LogConfig.of(directory))).isInstanceOf(IOException.class)
                .hasMessageContaining("offset " + sizes[5]).hasMessageContaining("unknown record type 42");
        assertThat(Files.size(log())).isEqualTo(sizes[5] + frame.remaining());
    }

    @Test
    void aCompactionFileLeftByACrashIsIgnoredAndRemoved() throws IOException {
        writeFiveRecords();
        Path compacting = directory.resolve(LogFile.COMPACTING_NAME);
        Files.write(compacting, "half a compaction".getBytes(StandardCharsets.US_ASCII));

        assertReopensWith(5, 0);
        assertThat(compacting).doesNotExist();
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(store.discardedOnOpen()).isEmpty();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0x5A);
        }
    }

    private static void flipBit(Path file, long offset, int bit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ (1 << bit));
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
