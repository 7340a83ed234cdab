package io.mqttreactive.netty.internal.codec.oracle;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of the MQTT data representations (MQTT 3.1.1 section 1.5, MQTT 5.0 section 1.5) and of topic names
 * and filters (MQTT 3.1.1 and MQTT 5.0 section 4.7): UTF-8 strings drawn from every encoded length (one to four
 * bytes, supplementary characters included) but never U+0000 or a surrogate ([MQTT-1.5.3-1], [MQTT-1.5.3-2] 3.1.1;
 * [MQTT-1.5.4-1], [MQTT-1.5.4-2] 5.0), binary data, user properties with duplicates, packet identifiers 1..65,535,
 * four-byte integers and variable byte integers up to 268,435,455, valid topic names and valid topic filters.
 */
final class WireArbitraries {

    static final int MAX_VARIABLE_BYTE_INTEGER = 268_435_455;
    static final long MAX_FOUR_BYTE_INTEGER = 0xFFFF_FFFFL;

    private WireArbitraries() {
    }

    /** Code points of every UTF-8 encoded length, with U+0000 and the surrogates left out. */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x01, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    static Arbitrary<String> utf8(int maxCodePoints) {
        return utf8(codePoints(), 0, maxCodePoints);
    }

    static Arbitrary<String> utf8(Arbitrary<Integer> codePoints, int minCodePoints, int maxCodePoints) {
        return codePoints.list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints)
                .map(WireArbitraries::fromCodePoints);
    }

    /** A string that sometimes starts with U+FEFF, which a receiver keeps ([MQTT-1.5.3-3] 3.1.1, [MQTT-1.5.4-3] 5.0). */
    static Arbitrary<String> utf8WithByteOrderMark(int maxCodePoints) {
        return Combinators.combine(Arbitraries.of(false, false, false, true), utf8(maxCodePoints))
                .as((bom, s) -> bom ? "\uFEFF" + s : s);
    }

    static Arbitrary<String> nullableUtf8(int maxCodePoints) {
        return utf8WithByteOrderMark(maxCodePoints).injectNull(0.4);
    }

    static Arbitrary<byte[]> binary(int maxBytes) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxBytes);
    }

    static Arbitrary<byte[]> nullableBinary(int maxBytes) {
        return binary(maxBytes).injectNull(0.4);
    }

    /** A payload that sometimes pushes the remaining length across the one/two byte boundary at 127/128. */
    static Arbitrary<byte[]> payload() {
        return Arbitraries.oneOf(binary(40), binary(300),
                utf8(60).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    static Arbitrary<Integer> packetIds() {
        return Arbitraries.integers().between(1, 65_535).edgeCases(c -> c.includeOnly(1, 65_535));
    }

    static Arbitrary<MqttQos> qos() {
        return Arbitraries.of(MqttQos.class);
    }

    static Arbitrary<Long> fourByteIntegers() {
        return Arbitraries.longs().between(0, MAX_FOUR_BYTE_INTEGER);
    }

    static Arbitrary<Integer> twoByteIntegers() {
        return Arbitraries.integers().between(0, 65_535);
    }

    static Arbitrary<Integer> subscriptionIdentifiers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 127)),
                Tuple.of(2, Arbitraries.integers().between(1, MAX_VARIABLE_BYTE_INTEGER)),
                Tuple.of(1, Arbitraries.of(128, 16_383, 16_384, 2_097_151, 2_097_152,
                        MAX_VARIABLE_BYTE_INTEGER)));
    }

    /** Up to four user properties, in wire order, often with repeated names and repeated name-value pairs. */
    static Arbitrary<List<UserProperty>> userProperties() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("k", "ключ", "\uD83D\uDD11"), utf8(6));
        Arbitrary<UserProperty> property = Combinators.combine(names, utf8(8)).as(UserProperty::new);
        return Combinators.combine(property.list().ofMaxSize(4), Arbitraries.of(false, false, true))
                .as((list, repeatFirst) -> {
                    List<UserProperty> result = new ArrayList<>(list);
                    if (repeatFirst && !result.isEmpty()) {
                        result.add(result.get(0));
                    }
                    return result;
                });
    }

    /** A topic level without '/', '+', '#' or U+0000; possibly empty. */
    static Arbitrary<String> topicLevels() {
        Arbitrary<Integer> levelCodePoints = codePoints().filter(c -> c != '/' && c != '+' && c != '#');
        return Arbitraries.oneOf(Arbitraries.of("", "a", "sport", "$SYS", "tennis"),
                utf8(levelCodePoints, 0, 5));
    }

    /** Topic names of at least one character with no wildcard ([MQTT-4.7.1-1], [MQTT-4.7.3-1] 3.1.1). */
    static Arbitrary<String> topicNames() {
        return topicLevels().list().ofMinSize(1).ofMaxSize(4)
                .map(levels -> String.join("/", levels))
                .map(name -> name.isEmpty() ? "t" : name);
    }

    /**
     * Topic filters where '+' fills a whole level and '#' is a whole last level ([MQTT-4.7.1-2], [MQTT-4.7.1-3]
     * 3.1.1; [MQTT-4.7.1-1], [MQTT-4.7.1-2] 5.0).
     */
    static Arbitrary<String> topicFilters() {
        Arbitrary<String> level = Arbitraries.frequencyOf(
                Tuple.of(4, topicLevels()),
                Tuple.of(1, Arbitraries.just("+")));
        return Combinators.combine(level.list().ofMinSize(0).ofMaxSize(4), Arbitraries.of(false, false, true))
                .as((levels, multiLevel) -> {
                    List<String> all = new ArrayList<>(levels);
                    if (multiLevel || all.isEmpty()) {
                        all.add("#");
                    }
                    String filter = String.join("/", all);
                    return filter.isEmpty() ? "#" : filter;
                });
    }

    /** A shared subscription filter: "$share/", a share name of at least one character, '/', a filter ([MQTT-4.8.2-1] 5.0). */
    static Arbitrary<String> sharedTopicFilters() {
        Arbitrary<String> shareName = topicLevels().filter(level -> !level.isEmpty());
        return Combinators.combine(shareName, topicFilters()).as((share, filter) -> "$share/" + share + "/" + filter);
    }

    static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder builder = new StringBuilder(codePoints.size() * 2);
        codePoints.forEach(builder::appendCodePoint);
        return builder.toString();
    }
}
