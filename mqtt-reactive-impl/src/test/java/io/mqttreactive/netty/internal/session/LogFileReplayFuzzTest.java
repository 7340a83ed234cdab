package io.mqttreactive.netty.internal.session;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttreactive.netty.testing.fuzz.HeapAllocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Recovers a durable session store from a damaged log: the input is the log after its header, framed records as
 * {@link LogRecordCodec} writes them. Random bytes would almost never pass the record checksums, so for three
 * inputs in four the test first gives every frame whose length fits a valid checksum, which lets the fuzzer
 * reach the record decoder ({@link LogRecordCodec}, {@link MessageCodec}); the fourth keeps the bytes as they
 * are, a log torn or damaged on disk. Checked for every input:
 *
 * <ul>
 *   <li>{@link LogFile#open} replays into a {@link SessionIndex}, as the store does, and either opens or fails
 *       with an {@link IOException}; any other exception is a finding;</li>
 *   <li>every record body with a valid checksum, decoded on its own, gives a record or the
 *       {@link IllegalArgumentException} {@link LogRecordCodec#decode} documents, and allocates at most
 *       {@value #HEAP_BYTES_PER_INPUT_BYTE} bytes per body byte plus {@value #RECORD_HEAP_SLACK}: no array is
 *       sized by a length field before the bytes exist;</li>
 *   <li>the whole open allocates at most {@value #HEAP_BYTES_PER_INPUT_BYTE} bytes per log byte plus
 *       {@value #OPEN_HEAP_SLACK} (its read buffer and file handles).</li>
 * </ul>
 *
 * Without {@code JAZZER_FUZZ} it replays the corpus in {@code LogFileReplayFuzzTestInputs/}: logs of every record
 * type, and every finding.
 */
class LogFileReplayFuzzTest {

    /** Generous, as in the frame fuzz tests: an invalid topic's error message quotes it with escapes. */
    static final int HEAP_BYTES_PER_INPUT_BYTE = 256;
    static final int RECORD_HEAP_SLACK = 16 * 1024;
    static final int OPEN_HEAP_SLACK = 128 * 1024;

    private static final byte[] HEADER = {'M', 'Q', 'S', 'L', 0, 1, 0, 0};

    @TempDir
    static Path directory;

    /** {@link LogFile} warns of every damaged log it opens; this test opens thousands a second. */
    @BeforeAll
    static void quietLogFile() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LogFile.class)).setLevel(Level.ERROR);
    }

    @AfterAll
    static void restoreLogFile() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LogFile.class)).setLevel(null);
    }

    @FuzzTest(maxDuration = "60s")
    void anyLogOpensOrFailsWithAnIoException(byte[] input) throws IOException {
        byte[] records = input.clone();
        if ((Arrays.hashCode(input) & 3) != 0) {
            giveFramesValidChecksums(records);
        }
        byte[] log = new byte[HEADER.length + records.length];
        System.arraycopy(HEADER, 0, log, 0, HEADER.length);
        System.arraycopy(records, 0, log, HEADER.length, records.length);
        HeapAllocation.requireAtMost(bound(log.length, OPEN_HEAP_SLACK), "opening a log of " + log.length + " bytes",
                () -> open(log));
    }

    /** Writes {@code log} and opens it; the open truncates a damaged log, so each run writes it anew. */
    private static void open(byte[] log) {
        try {
            Files.write(directory.resolve(LogFile.LOG_NAME), log);
            try (LogFile opened = LogFile.open(directory, new SessionIndex(SessionLimits.DEFAULT)::apply)) {
                opened.size();
            }
        } catch (IOException expected) {
            // a format error: the store refuses to open, as documented
        }
    }

    /** Walks the frames as the replay does and writes a valid checksum into each whose length fits. */
    private static void giveFramesValidChecksums(byte[] records) {
        ByteBuffer frames = ByteBuffer.wrap(records);
        for (int position = 0; records.length - position >= LogRecordCodec.FRAME_HEADER; ) {
            int length = frames.getInt(position);
            if (length < LogRecordCodec.MIN_BODY || length > records.length - position - LogRecordCodec.FRAME_HEADER) {
                return;
            }
            byte[] frame = Arrays.copyOfRange(records, position, position + LogRecordCodec.FRAME_HEADER + length);
            frames.putInt(position + 4, LogRecordCodec.checksum(frame, length));
            checkRecordDecodes(frame, length);
            position += frame.length;
        }
    }

    private static void checkRecordDecodes(byte[] frame, int length) {
        HeapAllocation.requireAtMost(bound(length, RECORD_HEAP_SLACK), "decoding a record of " + length + " bytes",
                () -> {
            try {
                LogRecordCodec.decode(ByteBuffer.wrap(frame, LogRecordCodec.FRAME_HEADER, length));
            } catch (IllegalArgumentException expected) {
                // not a record of this format, as documented
            }
        });
    }

    private static long bound(int inputBytes, int slack) {
        return (long) HEAP_BYTES_PER_INPUT_BYTE * inputBytes + slack;
    }
}
