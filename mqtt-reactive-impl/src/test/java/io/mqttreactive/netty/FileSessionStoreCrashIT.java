package io.mqttreactive.netty;

import static io.mqttreactive.netty.FileSessionStoreCrashChild.CLIENT_ID;
import static io.mqttreactive.netty.FileSessionStoreCrashChild.DONE;
import static io.mqttreactive.netty.FileSessionStoreCrashChild.RESUMED;
import static io.mqttreactive.netty.FileSessionStoreCrashChild.WINDOW;
import static io.mqttreactive.netty.FileSessionStoreCrashChild.packetId;
import static io.mqttreactive.netty.FileSessionStoreCrashChild.seqOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.testing.ChildJvm;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process crash loses nothing the store acknowledged: a child JVM ({@link FileSessionStoreCrashChild}) writes
 * session state as fast as it can and prints the sequence number of every step whose operations all completed;
 * the test kills it with {@code SIGKILL} mid-stream, reopens the store, and checks that every completed step is
 * there, in order and in its last state, and that the step in progress at the kill has a prefix of its
 * operations applied. Three rounds on the same store, one per fsync policy (a write that
 * reached the operating system survives the death of the process under every policy); each new child resumes
 * where the killed one stopped. The small compaction threshold makes the child compact every few dozen steps,
 * so kills also land during compactions.
 */
class FileSessionStoreCrashIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final long COMPACTION_THRESHOLD = 16 * 1024;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedOperationSurvivesSigkillUnderEveryFsyncPolicy() throws Exception {
        Random random = new Random();
        long highest = 0;
        for (String policy : List.of("always", "never", "periodic")) {
            long lastDone;
            try (ChildJvm child = ChildJvm.start(FileSessionStoreCrashChild.class, directory.toString(), policy,
                    Long.toString(COMPACTION_THRESHOLD))) {
                String resumed = child.awaitLine(line -> line.startsWith(RESUMED), START_TIMEOUT);
                assertThat(Long.parseLong(resumed.substring(RESUMED.length()))).as("resumed after").isEqualTo(highest);
                long target = highest + 100 + random.nextInt(150);
                child.awaitLine(line -> line.equals(DONE + target), STEP_TIMEOUT);

                List<String> output = child.kill();

                lastDone = output.stream().filter(line -> line.matches(DONE + "\\d+"))
                        .mapToLong(line -> Long.parseLong(line.substring(DONE.length()))).max().orElseThrow();
                assertThat(lastDone).isGreaterThanOrEqualTo(target);
            }
            highest = assertStoreHoldsEveryCompletedStep(policy, lastDone);
        }
    }

    /**
     * Checks the store after a kill that came after step {@code lastDone} was printed; returns the highest step
     * stored. The child may have completed one more step before its {@code done} line left, and then started
     * the next, so the store may hold up to two steps more; steps end in order, so every step below the
     * highest stored one is complete, and the highest one has a prefix of its operations applied.
     */
    private long assertStoreHoldsEveryCompletedStep(String policy, long lastDone) throws IOException {
        try (FileSessionStore store = FileSessionStore.open(directory)) {
            List<StoredPublish> outbound = store.loadOutbound(CLIENT_ID).collectList().block(STEP_TIMEOUT);
            List<Long> seqs = outbound.stream().map(FileSessionStoreCrashChild::seqOf).toList();
            String context = policy + ", killed after step " + lastDone + ", stored " + seqs;
            long highest = seqs.get(seqs.size() - 1);

            assertThat(highest).as(context).isBetween(lastDone, lastDone + 2);
            assertThat(seqs).as(context + ": contiguous, in the order stored")
                    .isEqualTo(LongStream.rangeClosed(seqs.get(0), highest).boxed().toList());
            assertThat(seqs).as(context + ": every acknowledged step that no later step removed")
                    .contains(LongStream.rangeClosed(Math.max(1, highest - WINDOW + 2), lastDone).boxed()
                            .toArray(Long[]::new));
            assertThat(seqs.get(0)).as(context).isBetween(Math.max(1, highest - WINDOW + 1),
                    Math.max(1, highest - WINDOW + 2));
            for (StoredPublish publish : outbound) {
                long seq = seqOf(publish);
                boolean qos2 = seq % 2 == 1;
                assertThat(publish.packetId()).isEqualTo(packetId(seq));
                assertThat(publish.message().topic().value()).isEqualTo("crash/" + seq);
                assertThat(publish.message().qos()).isEqualTo(qos2 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE);
                if (seq < highest) {
                    assertThat(publish.state()).as(context + ", step " + seq)
                            .isEqualTo(qos2 ? State.AWAITING_PUBCOMP : State.AWAITING_PUBACK);
                }
            }

            Set<Integer> inbound = Set.copyOf(store.loadInbound(CLIENT_ID).collectList().block(STEP_TIMEOUT));
            assertThat(inbound).as(context + ", inbound").isNotEmpty()
                    .isSubsetOf(packetId(highest - 1), packetId(highest));
            if (inbound.contains(packetId(highest))) {
                assertThat(outbound.get(outbound.size() - 1).state()).as(context + ", state of the last step")
                        .isNotEqualTo(State.AWAITING_PUBREC);
            }
            assertThat(Files.size(directory.resolve("session.log"))).as("compacted along the way")
                    .isLessThan(4 * COMPACTION_THRESHOLD);
            return highest;
        }
    }
}
