package io.mqttreactive.netty.internal.session;

import io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded.Range;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The files of a durable session store in its directory: {@value #LOG_NAME}, an append-only log of
 * {@link LogRecordCodec} frames after an 8-byte header ({@code "MQSL"}, u16 format version 1, u16 zero);
 * {@value #LOCK_NAME}, locked while a store has the directory open, so two stores (in one process or two)
 * never write the same log; and, only while a compaction runs, {@value #COMPACTING_NAME}.
 *
 * <p>Opening replays the log through {@link LogReplay}, which keeps every record whose checksum matches and
 * whose position the chain of lengths before it confirms, and discards damaged ones; a damaged tail is truncated
 * and damaged records between kept ones are left for the store to {@link #rewrite} away. Each discarded range is
 * reported in one WARN line. Records after a lost one are kept although they may refer to it: a state change
 * or removal of a message the log no longer has is ignored, and that costs at most the lost message or a
 * duplicate, where discarding them would lose their messages too and bring back the ones they removed. A
 * frame with a valid checksum that does not decode is a format error and fails the open without changing the
 * file. A compaction writes the live records to the compacting file, forces it, renames it over the log
 * atomically and forces the directory, so a crash at any point leaves either the old or the new log whole. The
 * directory and files are for their owner only ({@link OwnerOnlyFiles}).
 *
 * <p>Not thread-safe: the store uses it from its one I/O thread (and from the opening thread before that).
 */
final class LogFile implements Closeable {

    static final String LOG_NAME = "session.log";
    static final String LOCK_NAME = "session.lock";
    static final String COMPACTING_NAME = "session.log.compacting";
    static final int HEADER_SIZE = 8;

    private static final Logger LOG = Loggers.getLogger(LogFile.class);
    private static final byte[] HEADER = {'M', 'Q', 'S', 'L', 0, 1, 0, 0};
    private static final int MAGIC_SIZE = 4;
    private static final int WRITE_CHUNK = 1 << 20;

    private final Path directory;
    private final Path path;
    private final FileChannel lockChannel;
    private final LogReplay.Result replayed;
    private FileChannel channel;
    private long size;

    private LogFile(Path directory, FileChannel lockChannel, FileChannel channel, LogReplay.Result replayed) {
        this.directory = directory;
        this.path = directory.resolve(LOG_NAME);
        this.lockChannel = lockChannel;
        this.channel = channel;
        this.size = replayed.end();
        this.replayed = replayed;
    }

    /**
     * Opens the log of a directory, creating both if needed, and replays its records.
     *
     * @param directory the store's directory
     * @param replay    receives every intact record in order
     * @return the log, positioned for appending after the last intact record
     * @throws IllegalStateException if another store has the directory open
     * @throws IOException           if the files cannot be used, the log is not a session log of a known
     *                               version, or an intact record does not decode
     */
    static LogFile open(Path directory, Consumer<LogRecord> replay) throws IOException {
        OwnerOnlyFiles.createDirectory(directory);
        FileChannel lockChannel = lock(directory);
        FileChannel channel = null;
        try {
            Files.deleteIfExists(directory.resolve(COMPACTING_NAME));
            Path path = directory.resolve(LOG_NAME);
            channel = OwnerOnlyFiles.open(path, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            long fileSize = channel.size();
            if (fileSize < HEADER_SIZE) {
                writeHeader(channel, path, fileSize);
                forceDirectory(directory, path);
                fileSize = HEADER_SIZE;
            } else {
                checkHeader(channel, path);
            }
            LogReplay.Result result = LogReplay.replay(channel, fileSize, path, replay);
            if (!result.discarded().isEmpty()) {
                warnDiscarded(path, result);
            }
            if (result.end() < fileSize) {
                channel.truncate(result.end());
                channel.force(true);
            }
            channel.position(result.end());
            return new LogFile(directory, lockChannel, channel, result);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** Returns the number of records replayed on open. */
    long replayedRecords() {
        return replayed.records();
    }

    /** Returns the byte ranges discarded on open, in file order. */
    List<Range> discarded() {
        return replayed.discarded();
    }

    /** Tells whether damaged records were left between replayed ones, for {@link #rewrite} to remove. */
    boolean damagedInside() {
        return replayed.damagedInside();
    }

    /** Returns the log's size in bytes. */
    long size() {
        return size;
    }

    /** Returns the log's path. */
    Path path() {
        return path;
    }

    /** Appends frames at the end of the log, with as few writes as the channel allows. */
    void append(List<ByteBuffer> frames) throws IOException {
        ByteBuffer[] buffers = frames.toArray(new ByteBuffer[0]);
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        writeFully(channel, buffers, total);
        size += total;
    }

    /**
     * Forces everything appended so far to the storage device. Uses {@code force(false)}, which is
     * {@code fdatasync} on Linux: it skips timestamps but writes the file size, since reading the appended
     * bytes back needs it.
     */
    void force() throws IOException {
        channel.force(false);
    }

    /**
     * Replaces the log with one holding only the given frames: writes them to the compacting file, forces it,
     * renames it over the log and forces the directory. On failure the log stays as it was.
     *
     * @param frames emits the frames in order to the consumer it is given
     */
    void rewrite(Consumer<Consumer<ByteBuffer>> frames) throws IOException {
        Path compacting = directory.resolve(COMPACTING_NAME);
        FileChannel out = OwnerOnlyFiles.open(compacting, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE));
        boolean renamed = false;
        try {
            ChunkedWriter writer = new ChunkedWriter(out);
            writer.accept(ByteBuffer.wrap(HEADER.clone()));
            frames.accept(writer);
            writer.flush();
            out.force(true);
            Files.move(compacting, path, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!renamed) {
                closeQuietly(out);
                Files.deleteIfExists(compacting);
            }
        }
        FileChannel old = channel;
        channel = out;
        size = out.position();
        closeQuietly(old);
        forceDirectory(directory, path);
    }

    /** Closes the log and releases the directory. Does not force: the store does before. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            lockChannel.close();
        }
    }

    private static FileChannel lock(Path directory) throws IOException {
        FileChannel lockChannel = OwnerOnlyFiles.open(directory.resolve(LOCK_NAME),
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw new IllegalStateException("the session store directory " + directory
                    + " is open in another store, in this process or another");
        }
        return lockChannel;
    }

    private static void writeHeader(FileChannel channel, Path path, long fileSize) throws IOException {
        byte[] existing = new byte[(int) fileSize];
        channel.read(ByteBuffer.wrap(existing), 0);
        if (!Arrays.equals(existing, 0, existing.length, HEADER, 0, existing.length)) {
            throw new IOException(path + " is not a session log: it starts with " + Arrays.toString(existing));
        }
        channel.truncate(0);
        writeFully(channel, new ByteBuffer[] {ByteBuffer.wrap(HEADER.clone())}, HEADER_SIZE);
        channel.force(true);
    }

    private static void checkHeader(FileChannel channel, Path path) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // reads until full; a file of at least HEADER_SIZE bytes cannot end first
        }
        if (!Arrays.equals(header.array(), 0, MAGIC_SIZE, HEADER, 0, MAGIC_SIZE)) {
            throw new IOException(path + " is not a session log (no MQSL header)");
        }
        int version = header.getShort(MAGIC_SIZE) & 0xFFFF;
        if (version != 1) {
            throw new IOException(path + " has session log format version " + version + "; this store reads 1");
        }
    }

    private static void warnDiscarded(Path path, LogReplay.Result result) {
        long bytes = result.discarded().stream().mapToLong(Range::length).sum();
        String ranges = result.discarded().stream()
                .map(range -> range.length() + " at offset " + range.offset())
                .collect(Collectors.joining(", "));
        LOG.warn("Session log {}: discarded {} bytes of damaged or cut-short records ({}) and kept {} intact"
                + " records; what the discarded records held is lost from the session (a write cut short by a crash,"
                + " or damage to the file)", path, bytes, ranges, result.records());
    }

    /**
     * Forces the directory, so that a created or renamed log is found after a power loss (on Linux a new
     * directory entry is durable only then). Where directories cannot be forced, logs and goes on.
     */
    private static void forceDirectory(Path directory, Path path) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.warn("Session log {}: cannot force its directory: {}", path, e.toString());
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer[] buffers, long total) throws IOException {
        long written = 0;
        int first = 0;
        while (written < total) {
            written += channel.write(buffers, first, buffers.length - first);
            while (first < buffers.length && !buffers[first].hasRemaining()) {
                first++;
            }
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", closeable, e);
        }
    }

    /** Writes frames in chunks of about a megabyte. */
    private static final class ChunkedWriter implements Consumer<ByteBuffer> {

        private final FileChannel channel;
        private final List<ByteBuffer> chunk = new ArrayList<>();
        private long chunkBytes;

        ChunkedWriter(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void accept(ByteBuffer frame) {
            chunk.add(frame);
            chunkBytes += frame.remaining();
            if (chunkBytes >= WRITE_CHUNK) {
                flush();
            }
        }

        void flush() {
            try {
                writeFully(channel, chunk.toArray(new ByteBuffer[0]), chunkBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            chunk.clear();
            chunkBytes = 0;
        }
    }
}
