package io.mqttreactive.netty;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The child of {@link FileSessionStoreCrashIT}: writes session state to a {@link FileSessionStore} as fast as it
 * can until it is killed, and prints {@code done N} once every operation of sequence number {@code N} has
 * completed. For sequence number {@code s}, with packet id {@code id(s) = (s - 1) % WINDOW + 1}, it
 *
 * <ol>
 *   <li>removes outbound {@code id(s)} (the message of {@code s - WINDOW}),</li>
 *   <li>stores outbound {@code id(s)}: topic {@code crash/s}, payload {@code s}; QoS 2 awaiting PUBREC for odd
 *       {@code s}, QoS 1 for even,</li>
 *   <li>for QoS 2, moves it on to awaiting PUBCOMP,</li>
 *   <li>stores inbound {@code id(s)} and removes inbound {@code id(s - 1)}.</li>
 * </ol>
 *
 * On start it resumes after the highest sequence number in the store, first finishing steps 3 and 4 for it, as a
 * client resumes its unfinished flows. Arguments: the store directory, the fsync policy ({@code always},
 * {@code never} or {@code periodic}), and a compaction threshold in bytes. Stops by itself after a minute.
 */
public final class FileSessionStoreCrashChild {

    static final String CLIENT_ID = "crash-child";
    static final int WINDOW = 100;
    static final String DONE = "done ";
    static final String RESUMED = "resumed ";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long RUN_NANOS = Duration.ofMinutes(1).toNanos();

    private FileSessionStoreCrashChild() {
    }

    static int packetId(long seq) {
        return (int) ((seq - 1) % WINDOW) + 1;
    }

    static StoredPublish publish(long seq) {
        boolean qos2 = seq % 2 == 1;
        MqttMessage message = MqttMessage.of("crash/" + seq, Long.toString(seq).getBytes(StandardCharsets.US_ASCII),
                qos2 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE);
        return new StoredPublish(packetId(seq), qos2 ? State.AWAITING_PUBREC : State.AWAITING_PUBACK, message);
    }

    static long seqOf(StoredPublish publish) {
        return Long.parseLong(publish.message().payloadAsString());
    }

    public static void main(String[] args) {
        FsyncPolicy policy = switch (args[1]) {
            case "always" -> FsyncPolicy.always();
            case "never" -> FsyncPolicy.never();
            default -> FsyncPolicy.periodically(Duration.ofMillis(5));
        };
        FileSessionStore store = FileSessionStore.builder(Path.of(args[0])).fsyncPolicy(policy)
                .compactionThreshold(Long.parseLong(args[2])).open();
        List<StoredPublish> stored = store.loadOutbound(CLIENT_ID).collectList().block(TIMEOUT);
        long last = stored.isEmpty() ? 0 : seqOf(stored.get(stored.size() - 1));
        if (last > 0) {
            finish(store, last);
        }
        System.out.println(RESUMED + last);
        long start = System.nanoTime();
        for (long seq = last + 1; System.nanoTime() - start < RUN_NANOS; seq++) {
            store.removeOutbound(CLIENT_ID, packetId(seq)).block(TIMEOUT);
            store.storeOutbound(CLIENT_ID, publish(seq)).block(TIMEOUT);
            finish(store, seq);
            System.out.println(DONE + seq);
        }
        store.close();
    }

    private static void finish(FileSessionStore store, long seq) {
        StoredPublish publish = publish(seq);
        if (publish.state() == State.AWAITING_PUBREC) {
            store.storeOutbound(CLIENT_ID, publish.withState(State.AWAITING_PUBCOMP)).block(TIMEOUT);
        }
        store.storeInbound(CLIENT_ID, packetId(seq)).block(TIMEOUT);
        if (seq > 1) {
            store.removeInbound(CLIENT_ID, packetId(seq - 1)).block(TIMEOUT);
        }
    }
}
