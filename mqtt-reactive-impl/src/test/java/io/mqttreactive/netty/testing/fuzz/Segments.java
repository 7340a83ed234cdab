package io.mqttreactive.netty.testing.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a fuzz input into the reads a socket could deliver it in. The cuts are derived from the input itself, so
 * that a corpus file stays plain wire bytes and replays with the same cuts: a quarter of the inputs arrive in
 * one read, the rest in reads of random length, some of a single byte.
 */
public final class Segments {

    private Segments() {
    }

    /** Returns the lengths of the reads {@code input} arrives in; they add up to its length. */
    public static List<Integer> of(byte[] input) {
        return of(input, input.length);
    }

    /**
     * Returns the lengths of the reads of a stream of {@code total} bytes that carries {@code input}, for a
     * stream that adds bytes of its own which vary from run to run; they add up to {@code total}.
     */
    public static List<Integer> of(byte[] input, int total) {
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(input));
        List<Integer> lengths = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            lengths.add(total);
            return lengths;
        }
        int longest = Math.max(1, total / (1 + random.nextInt(8)));
        for (int left = total; left > 0; ) {
            int length = Math.min(left, 1 + random.nextInt(longest));
            lengths.add(length);
            left -= length;
        }
        return lengths;
    }
}
