package io.mqttreactive.samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The checker's tally: which of the readings the devices sent the received aggregates cover, and how often. It tells
 * apart what QoS 1 allows from what it does not:
 * <ul>
 *   <li>an aggregate received again, with an {@linkplain Aggregate#id() id} already seen: a QoS 1 re-send of the
 *       same message (after the crash, from the session store, when the first copy had reached the broker but its
 *       PUBACK had not come back). Counted once;</li>
 *   <li>a reading covered by aggregates of two instances of the pipeline: the instance that crashed aggregated it
 *       but had not acknowledged it yet, so the broker sent it again to the next. Allowed;</li>
 *   <li>a reading covered by two different aggregates of one instance: not a QoS 1 re-send, a fault;</li>
 *   <li>a reading covered by no aggregate: lost.</li>
 * </ul>
 * Aggregates of devices or readings the devices did not send are ignored. Thread-safe.
 */
public final class CoverageCheck {

    private static final int EXAMPLES = 10;

    private final Map<String, Long> sent;
    private final long readingsSent;
    private final Set<String> aggregateIds = new HashSet<>();
    private final Map<String, Map<Long, List<Integer>>> coveringInstances = new HashMap<>();
    private final Sinks.Empty<Void> allCovered = Sinks.empty();
    private long aggregatesReceived;
    private long aggregatesReceivedAgain;
    private long readingsCovered;

    /**
     * Creates an empty tally.
     *
     * @param sent how many readings each device sent, numbered from 1, by device
     */
    CoverageCheck(Map<String, Long> sent) {
        this.sent = new LinkedHashMap<>(sent);
        this.readingsSent = sent.values().stream().mapToLong(Long::longValue).sum();
        sent.keySet().forEach(device -> coveringInstances.put(device, new HashMap<>()));
    }

    /**
     * Counts a received aggregate.
     *
     * @param aggregate the aggregate
     */
    synchronized void add(Aggregate aggregate) {
        aggregatesReceived++;
        if (!aggregateIds.add(aggregate.id())) {
            aggregatesReceivedAgain++;
            return;
        }
        Map<Long, List<Integer>> device = coveringInstances.get(aggregate.device());
        if (device == null) {
            return;
        }
        long last = sent.get(aggregate.device());
        for (long sequence : aggregate.sequences()) {
            if (sequence <= last) {
                List<Integer> instances = device.computeIfAbsent(sequence, covered -> new ArrayList<>(1));
                instances.add(aggregate.instance());
                if (instances.size() == 1 && ++readingsCovered == readingsSent) {
                    allCovered.tryEmitEmpty();
                }
            }
        }
    }

    /**
     * Returns a {@code Mono} that completes once every reading sent is covered.
     *
     * @return the {@code Mono}
     */
    Mono<Void> everyReadingCovered() {
        return allCovered.asMono();
    }

    /**
     * Returns the tally so far.
     *
     * @return the coverage
     */
    synchronized Coverage coverage() {
        long coveredByTwoInstances = 0;
        long coveredTwiceByOneInstance = 0;
        List<String> lost = new ArrayList<>();
        long lostCount = 0;
        for (Map.Entry<String, Long> device : sent.entrySet()) {
            Map<Long, List<Integer>> covered = coveringInstances.get(device.getKey());
            for (long sequence = 1; sequence <= device.getValue(); sequence++) {
                List<Integer> instances = covered.get(sequence);
                if (instances == null) {
                    lostCount++;
                    if (lost.size() < EXAMPLES) {
                        lost.add(device.getKey() + "#" + sequence);
                    }
                } else if (new HashSet<>(instances).size() < instances.size()) {
                    coveredTwiceByOneInstance++;
                } else if (instances.size() > 1) {
                    coveredByTwoInstances++;
                }
            }
        }
        return new Coverage(readingsSent, aggregatesReceived, aggregatesReceivedAgain, readingsCovered,
                coveredByTwoInstances, coveredTwiceByOneInstance, lostCount, lost);
    }

    /**
     * What the received aggregates cover.
     *
     * @param readingsSent              how many readings the devices sent
     * @param aggregatesReceived        how many aggregates arrived, repeats included
     * @param aggregatesReceivedAgain   how many of those repeated an aggregate already received (same id)
     * @param readingsCovered           how many readings sent at least one aggregate covers
     * @param coveredByTwoInstances     readings covered by aggregates of different instances, once by each
     * @param coveredTwiceByOneInstance readings covered by two different aggregates of the same instance
     * @param lost                      readings no aggregate covers
     * @param lostExamples              the first few lost readings, as {@code device#sequence}
     */
    public record Coverage(long readingsSent, long aggregatesReceived, long aggregatesReceivedAgain, long readingsCovered,
            long coveredByTwoInstances, long coveredTwiceByOneInstance, long lost, List<String> lostExamples) {

        /** @return whether every reading is covered, and covered twice only where QoS 1 allows it */
        public boolean passed() {
            return lost == 0 && coveredTwiceByOneInstance == 0;
        }
    }
}
