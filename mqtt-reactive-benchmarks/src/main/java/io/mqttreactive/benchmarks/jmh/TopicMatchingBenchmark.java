package io.mqttreactive.benchmarks.jmh;

import io.mqttreactive.netty.internal.routing.TopicFilterTrie;
import io.mqttreactive.topic.MqttTopic;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing one incoming topic to its subscribers: the client's topic-filter trie against a linear scan over every
 * filter. A tenth of the filters hold a {@code +}, a hundredth a {@code #}; topics are drawn at random.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopicMatchingBenchmark {

    private static final int TOPICS = 1024;

    @Param({"10", "1000", "100000"})
    int filters;

    private final TopicFilterTrie<Integer> trie = new TopicFilterTrie<>();
    private final List<MqttTopicFilter> linear = new ArrayList<>();
    private final String[] topics = new String[TOPICS];
    private final MqttTopic[] parsedTopics = new MqttTopic[TOPICS];
    private int next;

    @Setup
    public void setUp() {
        for (int i = 0; i < filters; i++) {
            String filter = i % 100 == 1 ? "fleet/" + i / 10 + "/#"
                    : i % 10 == 0 ? "fleet/" + i / 10 + "/+/temperature"
                    : "fleet/" + i / 10 + "/device-" + i + "/temperature";
            trie.add(filter, i);
            linear.add(MqttTopicFilter.of(filter));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TOPICS; i++) {
            int device = random.nextInt(filters);
            topics[i] = "fleet/" + device / 10 + "/device-" + device + "/temperature";
            parsedTopics[i] = MqttTopic.of(topics[i]);
        }
    }

    @Benchmark
    public int trie() {
        int[] matches = new int[1];
        trie.match(topics[next++ & (TOPICS - 1)], subscriber -> matches[0]++);
        return matches[0];
    }

    @Benchmark
    public int linearScan() {
        MqttTopic topic = parsedTopics[next++ & (TOPICS - 1)];
        int matches = 0;
        for (MqttTopicFilter filter : linear) {
            if (filter.matches(topic)) {
                matches++;
            }
        }
        return matches;
    }
}
