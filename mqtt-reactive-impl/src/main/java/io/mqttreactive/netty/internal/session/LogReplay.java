package io.mqttreactive.netty.internal.session;

import io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded.Range;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link LogRecordCodec} frames of a session log back on open and decides which records to keep. A
 * record is kept only if its checksum, which covers its length and body, matches. A frame that fails it is
 * skipped by the length it claims, and so are the damaged frames right after it, but that skip is taken only if
 * it lands on a frame whose checksum matches, or exactly on the end of the log: a damaged length almost never
 * leads to one, so the records after damage are kept only when the chain of lengths from the start of the log
 * is confirmed by the frame it reaches. When the damage hides where the records end (a length that is
 * impossible or runs past the end of the file), everything from the damage on is discarded. The log is never
 * searched byte by byte for something that looks like a frame, because a stored message's payload may hold
 * exactly that.
 */
final class LogReplay {

    /**
     * What the replay found.
     *
     * @param end       where the records to keep end: the log is truncated there
     * @param records   how many records were replayed
     * @param discarded the damaged ranges, in file order; the last one may be a tail starting at {@code end}
     */
    record Result(long end, long records, List<Range> discarded) {

        /** Tells whether damaged records sit between kept ones, which only rewriting the log removes. */
        boolean damagedInside() {
            return discarded.stream().anyMatch(range -> range.offset() < end);
        }
    }

    private LogReplay() {
    }

    /**
     * Replays the frames after the header.
     *
     * @param sink receives every record kept, in order
     * @throws IOException if reading fails or a frame whose checksum matches does not decode
     */
    static Result replay(FileChannel channel, long fileSize, Path path, Consumer<LogRecord> sink) throws IOException {
        DataInputStream in = new DataInputStream(
                new BufferedInputStream(Channels.newInputStream(channel.position(LogFile.HEADER_SIZE)), 1 << 16));
        List<Range> discarded = new ArrayList<>();
        long position = LogFile.HEADER_SIZE;
        long records = 0;
        long damagedFrom = -1;
        while (position < fileSize) {
            byte[] frame = readFrame(in, fileSize - position);
            if (frame == null) {
                break;
            }
            int length = frame.length - LogRecordCodec.FRAME_HEADER;
            if (LogRecordCodec.checksum(frame, length) != ByteBuffer.wrap(frame).getInt(4)) {
                damagedFrom = damagedFrom < 0 ? position : damagedFrom;
            } else {
                if (damagedFrom >= 0) {
                    discarded.add(new Range(damagedFrom, position - damagedFrom));
                    damagedFrom = -1;
                }
                apply(sink, decode(frame, length, position, path), position, path);
                records++;
            }
            position += frame.length;
        }
        long end = damagedFrom >= 0 ? damagedFrom : position;
        if (end < fileSize) {
            discarded.add(new Range(end, fileSize - end));
        }
        return new Result(end, records, List.copyOf(discarded));
    }

    /** Reads the next frame; null if it is cut short or its length is impossible. */
    private static byte @Nullable [] readFrame(DataInputStream in, long remaining) throws IOException {
        if (remaining < LogRecordCodec.FRAME_HEADER) {
            return null;
        }
        int length = in.readInt();
        int checksum = in.readInt();
        if (length < LogRecordCodec.MIN_BODY || length > remaining - LogRecordCodec.FRAME_HEADER) {
            return null;
        }
        byte[] frame = new byte[LogRecordCodec.FRAME_HEADER + length];
        ByteBuffer.wrap(frame).putInt(length).putInt(checksum);
        try {
            in.readFully(frame, LogRecordCodec.FRAME_HEADER, length);
        } catch (EOFException e) {
            return null;
        }
        return frame;
    }

    /** Applies a record; one that contradicts the records before it (a state its message cannot have) is refused. */
    private static void apply(Consumer<LogRecord> sink, LogRecord record, long position, Path path)
            throws IOException {
        try {
            sink.accept(record);
        } catch (IllegalArgumentException e) {
            throw new IOException("session log " + path + ": the record at offset " + position
                    + " contradicts the records before it: " + e.getMessage(), e);
        }
    }

    private static LogRecord decode(byte[] frame, int length, long position, Path path) throws IOException {
        try {
            return LogRecordCodec.decode(ByteBuffer.wrap(frame, LogRecordCodec.FRAME_HEADER, length));
        } catch (IllegalArgumentException e) {
            throw new IOException("session log " + path + ": the record at offset " + position
                    + " has a valid checksum but cannot be read: " + e.getMessage(), e);
        }
    }
}
