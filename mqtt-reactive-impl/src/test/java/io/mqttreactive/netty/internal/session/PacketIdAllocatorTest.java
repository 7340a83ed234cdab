package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacketIdAllocatorTest {

    private final PacketIdAllocator allocator = new PacketIdAllocator();

    @Test
    @DisplayName("[MQTT-2.3.1-2] (3.1.1) / [MQTT-2.2.1-3] (5.0): every id in use is distinct, 1 to 65535, never 0")
    void allocatesEveryIdOnceWithoutCollision() {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < PacketIdAllocator.MAX_ID; i++) {
            int id = allocator.allocate();
            assertThat(id).isBetween(1, 65_535);
            assertThat(ids.add(id)).as("id %d handed out twice", id).isTrue();
        }
        assertThat(allocator.inUseCount()).isEqualTo(65_535);
        assertThatIllegalStateException().isThrownBy(allocator::allocate).withMessageContaining("65535");
    }

    @Test
    @DisplayName("[MQTT-2.3.1-3] (3.1.1): an id is reusable only once released")
    void releasedIdBecomesAvailableAgain() {
        for (int i = 0; i < PacketIdAllocator.MAX_ID; i++) {
            allocator.allocate();
        }
        assertThat(allocator.release(4242)).isTrue();
        assertThat(allocator.allocate()).isEqualTo(4242);
        assertThat(allocator.release(7)).isTrue();
        assertThat(allocator.release(7)).isFalse();
        assertThat(allocator.inUseCount()).isEqualTo(65_534);
    }

    @Test
    void handsOutIdsRoundRobinSoAFreedIdIsNotReusedAtOnce() {
        int first = allocator.allocate();
        allocator.release(first);
        assertThat(allocator.allocate()).isEqualTo(first + 1);
    }

    @Test
    void wrapsAroundAfter65535AndSkipsIdsInUse() {
        allocator.claim(1);
        allocator.claim(2);
        for (int i = 3; i <= PacketIdAllocator.MAX_ID; i++) {
            assertThat(allocator.allocate()).isEqualTo(i);
        }
        allocator.release(2);
        allocator.release(65_535);
        assertThat(allocator.allocate()).isEqualTo(2);
        assertThat(allocator.allocate()).isEqualTo(65_535);
    }

    @Test
    void claimMarksRestoredIdsAsUsed() {
        assertThat(allocator.claim(1)).isTrue();
        assertThat(allocator.claim(1)).isFalse();
        assertThat(allocator.allocate()).isEqualTo(2);
    }

    @Test
    void rejectsIdsOutsideTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> allocator.claim(0));
        assertThatIllegalArgumentException().isThrownBy(() -> allocator.release(65_536));
    }

    @Test
    void agreesWithABitSetThroughRandomTakesAndReleasesAcrossPages() {
        BitSet model = new BitSet();
        Random random = new Random(42);
        for (int step = 0; step < 300_000; step++) {
            int id = 1 + random.nextInt(PacketIdAllocator.MAX_ID);
            switch (random.nextInt(3)) {
                case 0 -> {
                    int allocated = allocator.allocate();
                    assertThat(model.get(allocated)).as("id %d handed out twice", allocated).isFalse();
                    model.set(allocated);
                }
                case 1 -> {
                    assertThat(allocator.claim(id)).isEqualTo(!model.get(id));
                    model.set(id);
                }
                default -> {
                    assertThat(allocator.release(id)).isEqualTo(model.get(id));
                    model.clear(id);
                }
            }
        }
        assertThat(allocator.inUseCount()).isEqualTo(model.cardinality());
        for (int id = 1; id <= PacketIdAllocator.MAX_ID; id++) {
            assertThat(allocator.isUsed(id)).as("id %d", id).isEqualTo(model.get(id));
        }
        model.stream().forEach(id -> assertThat(allocator.release(id)).isTrue());
        assertThat(allocator.inUseCount()).isZero();
        assertThat(allocator.isUsed(1)).isFalse();
        assertThat(allocator.claim(1)).isTrue();
        assertThat(allocator.isUsed(1)).isTrue();
    }

    @Test
    void idsOfAFreedPageAreFreeWhenItIsTakenAgain() {
        for (int i = 0; i < 3_000; i++) {
            allocator.allocate();
        }
        for (int id = 1; id <= 3_000; id++) {
            allocator.release(id);
        }
        assertThat(allocator.inUseCount()).isZero();
        assertThat(allocator.claim(1_500)).isTrue();
        assertThat(allocator.isUsed(1_499)).isFalse();
        assertThat(allocator.isUsed(1_500)).isTrue();
        assertThat(allocator.allocate()).isEqualTo(3_001);
    }
}
