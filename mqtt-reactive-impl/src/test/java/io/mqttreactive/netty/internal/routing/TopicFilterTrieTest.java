package io.mqttreactive.netty.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFilterTrieTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "sport/tennis/player1/#, sport/tennis/player1, true",
            "sport/tennis/player1/#, sport/tennis/player1/ranking, true",
            "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon, true",
            "sport/#, sport, true",
            "#, a/b/c, true",
            "sport/tennis/+, sport/tennis/player1, true",
            "sport/tennis/+, sport/tennis/player1/ranking, false",
            "sport/+, sport, false",
            "sport/+, sport/, true",
            "+/+, /finance, true",
            "/+, /finance, true",
            "+, /finance, false",
            "+/tennis/#, sport/tennis, true",
            "a/b, a/b, true",
            "a/b, a/B, false",
            "a/b, a/b/c, false",
            "a//b, a//b, true",
            "a/+/b, a//b, true",
    })
    @DisplayName("matching rules of MQTT 3.1.1 section 4.7.1 and MQTT 5.0 section 4.7.1")
    void matchesLikeTheStandard(String filter, String topic, boolean expected) {
        assertThat(matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "#, $SYS/broker, false",
            "+/monitor/Clients, $SYS/monitor/Clients, false",
            "$SYS/#, $SYS/monitor/Clients, true",
            "$SYS/monitor/+, $SYS/monitor/Clients, true",
            "$SYS/#, $SYS, true",
            "a/#, a/$b, true",
    })
    @DisplayName("[MQTT-4.7.2-1]: a filter starting with a wildcard does not match a topic starting with '$'")
    void dollarTopicsAreNotMatchedByLeadingWildcards(String filter, String topic, boolean expected) {
        assertThat(matches(filter, topic)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void deliversOncePerMatchingFilterAndForgetsRemovedSubscribers() {
        TopicFilterTrie<String> trie = new TopicFilterTrie<>();
        trie.add("a/+", "s1");
        trie.add("a/#", "s1");
        trie.add("a/b", "s2");
        trie.add("a/b", "s3");
        assertThat(collect(trie, "a/b")).containsExactlyInAnyOrder("s1", "s1", "s2", "s3");

        assertThat(trie.remove("a/#", "s1")).isTrue();
        assertThat(trie.remove("a/#", "s1")).isFalse();
        assertThat(trie.remove("x/y", "s1")).isFalse();
        assertThat(collect(trie, "a/b")).containsExactlyInAnyOrder("s1", "s2", "s3");

        trie.remove("a/+", "s1");
        trie.remove("a/b", "s2");
        trie.remove("a/b", "s3");
        assertThat(trie.isEmpty()).isTrue();
        assertThat(collect(trie, "a/b")).isEmpty();
    }

    @Property(tries = 300)
    void agreesWithALinearScanOfEveryFilter(@ForAll("filters") List<String> filters, @ForAll("topics") String topic) {
        TopicFilterTrie<String> trie = new TopicFilterTrie<>();
        filters.forEach(filter -> trie.add(filter, filter));
        List<String> expected = filters.stream().filter(filter -> LinearMatcher.matches(filter, topic)).toList();
        assertThat(collect(trie, topic)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<List<String>> filters() {
        Arbitrary<String> level = Arbitraries.of("a", "b", "$c", "", "+");
        return level.list().ofMinSize(1).ofMaxSize(4)
                .flatMap(levels -> Arbitraries.of(true, false).map(multi -> {
                    List<String> all = new ArrayList<>(levels);
                    if (multi) {
                        all.add("#");
                    }
                    return String.join("/", all);
                }))
                .list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of("a", "b", "$c", "").list().ofMinSize(1).ofMaxSize(5).map(levels -> String.join("/", levels));
    }

    private static boolean matches(String filter, String topic) {
        TopicFilterTrie<String> trie = new TopicFilterTrie<>();
        trie.add(filter, filter);
        return !collect(trie, topic).isEmpty();
    }

    private static List<String> collect(TopicFilterTrie<String> trie, String topic) {
        List<String> matched = new ArrayList<>();
        trie.match(topic, matched::add);
        return matched;
    }

    /** The definition of matching, level by level, as an independent reference. */
    static final class LinearMatcher {

        static boolean matches(String filter, String topic) {
            if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
                return false;
            }
            String[] f = filter.split("/", -1);
            String[] t = topic.split("/", -1);
            for (int i = 0; i < f.length; i++) {
                if (f[i].equals("#")) {
                    return true;
                }
                if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                    return false;
                }
            }
            return f.length == t.length;
        }
    }
}
