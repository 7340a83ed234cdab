package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacketIdTableTest {

    private final PacketIdTable<String> table = new PacketIdTable<>();

    @Test
    @DisplayName("entries are found by id across the whole range 1 to 65535, and replaced, not added, on a second put")
    void findsEntriesById() {
        table.put(1, "first");
        table.put(1_024, "page boundary");
        table.put(PacketIdAllocator.MAX_ID, "last");
        table.put(1, "again");

        assertThat(table.get(1)).isEqualTo("again");
        assertThat(table.get(1_024)).isEqualTo("page boundary");
        assertThat(table.get(PacketIdAllocator.MAX_ID)).isEqualTo("last");
        assertThat(table.get(2)).isNull();
        assertThat(table.get(30_000)).isNull();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("removing keeps the count right and tells whether there was an entry")
    void removesEntries() {
        table.put(7, "seven");
        table.put(2_000, "two thousand");

        assertThat(table.remove(7)).isTrue();
        assertThat(table.remove(7)).isFalse();
        assertThat(table.remove(8)).isFalse();
        assertThat(table.get(7)).isNull();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.remove(2_000)).isTrue();
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("values come by ascending id; clear empties the table")
    void listsAndClears() {
        table.put(5_000, "c");
        table.put(3, "a");
        table.put(1_500, "b");

        assertThat(table.values()).containsExactly("a", "b", "c");
        table.clear();
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.values()).isEmpty();
        assertThat(table.get(3)).isNull();
    }
}
