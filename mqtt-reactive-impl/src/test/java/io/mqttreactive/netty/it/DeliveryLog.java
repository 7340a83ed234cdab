package io.mqttreactive.netty.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a subscriber received of a numbered stream of messages 0 to {@code expected - 1}, in one publisher's
 * order: which arrived, how many arrived more than once, and how many first deliveries came after a higher
 * number. Thread-safe.
 */
final class DeliveryLog {

    private static final int MISSING_SHOWN = 20;

    private final boolean[] seen;
    private int distinct;
    private int duplicates;
    private final List<Integer> duplicated = new ArrayList<>();
    private int outOfOrderFirstDeliveries;
    private int highestFirstDelivery = -1;

    DeliveryLog(int expected) {
        this.seen = new boolean[expected];
    }

    /** Records a delivery; returns whether it was the message's first. */
    synchronized boolean record(int sequence) {
        if (seen[sequence]) {
            duplicates++;
            if (duplicated.size() < MISSING_SHOWN) {
                duplicated.add(sequence);
            }
            return false;
        }
        seen[sequence] = true;
        distinct++;
        if (sequence < highestFirstDelivery) {
            outOfOrderFirstDeliveries++;
        }
        highestFirstDelivery = Math.max(highestFirstDelivery, sequence);
        return true;
    }

    /** Completes once at least {@code count} distinct messages have arrived, checking every few milliseconds. */
    Mono<Void> awaitDistinct(int count) {
        if (distinct() >= count) {
            return Mono.empty();
        }
        return Flux.interval(Duration.ofMillis(2)).filter(tick -> distinct() >= count).next().then();
    }

    synchronized int distinct() {
        return distinct;
    }

    synchronized boolean isComplete() {
        return distinct == seen.length;
    }

    synchronized int duplicates() {
        return duplicates;
    }

    /** The first numbers received more than once, at most twenty of them. */
    synchronized List<Integer> duplicated() {
        return List.copyOf(duplicated);
    }

    synchronized int outOfOrderFirstDeliveries() {
        return outOfOrderFirstDeliveries;
    }

    /** The first numbers never received, at most twenty of them. */
    synchronized List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < seen.length && missing.size() < MISSING_SHOWN; i++) {
            if (!seen[i]) {
                missing.add(i);
            }
        }
        return missing;
    }

    synchronized int missingCount() {
        return seen.length - distinct;
    }
}
