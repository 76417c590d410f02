package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UniqueNamesTests {

    private final List<String> stored = new ArrayList<>();
    private final UniqueNames names = new UniqueNames(stored::get);

    /** Adds as the parser does: the owner stores each name that was new. */
    private boolean add(String name) {
        boolean added = names.add(name);
        if (added) {
            stored.add(name);
        }
        return added;
    }

    @Test
    void findsEveryRepeatBeforeAndAfterItStartsHashing() {
        int count = 3 * UniqueNames.SCANNED_UP_TO;
        for (int size = 1; size <= count; size++) {
            for (int repeated = 0; repeated < size; repeated++) {
                names.clear();
                stored.clear();
                for (int i = 0; i < size; i++) {
                    assertThat(add("n" + i)).isTrue();
                }
                assertThat(add("n" + repeated))
                        .as("n%d among %d", repeated, size)
                        .isFalse();
                assertThat(add("n" + size)).isTrue();
            }
        }
    }

    @Test
    void tellsApartNamesOfTheSameHashCode() {
        // "Aa" and "BB" have the same hash code, so they agree in every bit the scan tests first.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(add("Aa")).isTrue();
        assertThat(add("BB")).isTrue();
        assertThat(add("Aa")).isFalse();
        assertThat(add("BB")).isFalse();
    }

    @Test
    void startsEachScopeEmpty() {
        assertThat(add("Power")).isTrue();
        names.clear();
        stored.clear();
        assertThat(add("Power")).isTrue();
        assertThat(add("Power")).isFalse();
    }
}
