package io.mqttreactive.benchmarks.contestants;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The limit no client can beat: PUBLISH frames encoded once and written in batches over a plain socket, only
 * the packet id patched per message, acknowledgements counted by a reader thread.
 */
public final class RawSocketContestant implements Contestant {

    private static final int FRAMES_PER_WRITE = 32;

    @Override
    public String name() {
        return "raw socket";
    }

    @Override
    public RawPublisher publisher(String host, int port, String clientId, int window) throws IOException {
        Semaphore slots = new Semaphore(window);
        RawConnection connection = new RawConnection(host, port, clientId, window, payload -> {
        }, packetId -> slots.release());
        return new RawPublisher(connection, slots, window);
    }

    @Override
    public BenchSubscriber subscriber(String host, int port, String clientId, String topic, int qos, int window,
            MessageListener listener) throws Exception {
        RawConnection connection = new RawConnection(host, port, clientId, window, listener, packetId -> {
        });
        connection.subscribe(topic, qos);
        return connection::close;
    }

    /** A raw-socket publisher; besides the benchmark contract it can send a fixed number of messages. */
    public static final class RawPublisher implements BenchPublisher {

        private final RawConnection connection;
        private final Semaphore slots;
        private final int window;
        private int nextPacketId;

        RawPublisher(RawConnection connection, Semaphore slots, int window) {
            this.connection = connection;
            this.slots = slots;
            this.window = window;
        }

        @Override
        public long publishFor(String topic, byte[] payload, int qos, Duration duration) throws Exception {
            return publish(topic, payload, qos, System.nanoTime() + duration.toNanos(), Long.MAX_VALUE);
        }

        /** Publishes {@code count} messages as fast as the window allows, then a fence as {@link #publishFor}. */
        public long publishCount(String topic, byte[] payload, int qos, long count) throws Exception {
            return publish(topic, payload, qos, Long.MAX_VALUE, count);
        }

        private long publish(String topic, byte[] payload, int qos, long deadline, long count) throws Exception {
            byte[] frame = RawFrames.publish(topic, payload, qos);
            int idOffset = RawFrames.packetIdOffset(frame, topic);
            byte[] batch = new byte[frame.length * FRAMES_PER_WRITE];
            for (int i = 0; i < FRAMES_PER_WRITE; i++) {
                System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
            }
            long published = 0;
            while (published < count && System.nanoTime() < deadline) {
                int frames = (int) Math.min(FRAMES_PER_WRITE, count - published);
                if (qos > 0) {
                    slots.acquire();
                    int more = Math.min(frames - 1, slots.availablePermits());
                    frames = more > 0 && slots.tryAcquire(more) ? 1 + more : 1;
                    for (int i = 0; i < frames; i++) {
                        patchPacketId(batch, i * frame.length + idOffset);
                    }
                }
                connection.write(batch, 0, frames * frame.length, true);
                published += frames;
            }
            awaitAllAcknowledged();
            byte[] fence = RawFrames.publish(topic, new byte[0], 1);
            patchPacketId(fence, RawFrames.packetIdOffset(fence, topic));
            slots.acquire();
            connection.write(fence, true);
            awaitAllAcknowledged();
            return published;
        }

        private void awaitAllAcknowledged() throws InterruptedException {
            if (!slots.tryAcquire(window, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("acknowledgements still outstanding after 60 s");
            }
            slots.release(window);
        }

        private void patchPacketId(byte[] frames, int offset) {
            nextPacketId = nextPacketId % 65_535 + 1;
            frames[offset] = (byte) (nextPacketId >> 8);
            frames[offset + 1] = (byte) nextPacketId;
        }

        @Override
        public synchronized void publishAsync(String topic, byte[] payload, int qos) {
            byte[] frame = RawFrames.publish(topic, payload, qos);
            if (qos > 0) {
                patchPacketId(frame, RawFrames.packetIdOffset(frame, topic));
            }
            try {
                connection.write(frame, true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
