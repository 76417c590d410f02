package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The stored form of a run's labels gives back exactly the ids and labels it was given. */
class LabelCodecTests {

    @Test
    void roundTripsNoEventsAsNoBytes() {
        byte[] bytes = LabelCodec.encode(new long[0], new int[0], 0, 0);

        assertThat(bytes).isEmpty();
        assertRoundTrips(new long[0], new int[0]);
    }

    @Test
    void roundTripsOneEvent() {
        // Id 1 zigzags to 2, label 0 is stored as 1: two bytes.
        assertThat(LabelCodec.encode(new long[] {1}, new int[] {0}, 0, 1)).containsExactly(2, 1);
        assertRoundTrips(new long[] {1}, new int[] {0});
        assertRoundTrips(new long[] {7_340_032}, new int[] {-1});
    }

    @Test
    void roundTripsGapsBetweenIds() {
        // Ids jump where another instance took the sequence's next block of 1000.
        assertRoundTrips(
                new long[] {1, 2, 3, 1001, 1002, 5001, 5_000_001, 5_000_002}, new int[] {0, 0, 1, -1, 2, 0, 3, 1});
    }

    @Test
    void roundTripsExtremeIdsAndLabels() {
        assertRoundTrips(
                new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE},
                new int[] {-1, Integer.MAX_VALUE - 1, 0, 127, 128});
        assertRoundTrips(new long[] {Long.MAX_VALUE}, new int[] {Integer.MAX_VALUE - 1});
        assertRoundTrips(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new int[] {5, 6});
    }

    @Test
    void roundTripsSeededRandomRuns() {
        SplittableRandom random = new SplittableRandom(20261128);
        for (int round = 0; round < 200; round++) {
            int size = random.nextInt(0, 2000);
            long[] ids = new long[size];
            int[] labels = new int[size];
            long id = random.nextLong(-1L << 40, 1L << 40);
            for (int i = 0; i < size; i++) {
                id += random.nextInt(10) == 0 ? random.nextLong(2, 1L << 33) : 1;
                ids[i] = id;
                labels[i] = random.nextInt(-1, random.nextBoolean() ? 8 : 100_000);
            }
            assertRoundTrips(ids, labels);
        }
    }

    @Test
    void encodesConsecutiveIdsWithFewClustersInTwoBytesPerEvent() {
        int size = 100_000;
        long[] ids = new long[size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = 1_000_001 + i;
            labels[i] = i % 7 - 1;
        }

        byte[] bytes = LabelCodec.encode(ids, labels, 0, size);

        // The first id takes 3 bytes, every later difference of 1 and every label one byte each.
        assertThat(bytes).hasSize(2 * size + 2);
    }

    @Test
    void encodesARangeOfTheArraysOnly() {
        long[] ids = {10, 20, 30, 40};
        int[] labels = {0, 1, 2, 3};

        byte[] bytes = LabelCodec.encode(ids, labels, 1, 3);

        long[] decodedIds = new long[2];
        int[] decodedLabels = new int[2];
        LabelCodec.decode(bytes, 2, decodedIds, decodedLabels, 0);
        assertThat(decodedIds).containsExactly(20, 30);
        assertThat(decodedLabels).containsExactly(1, 2);
    }

    @Test
    void rejectsIdsThatDoNotAscend() {
        assertThatThrownBy(() -> LabelCodec.encode(new long[] {5, 5}, new int[] {0, 0}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> LabelCodec.encode(new long[] {5, 4}, new int[] {0, 0}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 at 1 follows 5");
    }

    @Test
    void rejectsLabelsBelowTheOrphans() {
        assertThatThrownBy(() -> LabelCodec.encode(new long[] {5}, new int[] {-2}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label -2");
    }

    @Test
    void rejectsBytesThatEndInsideAnEvent() {
        byte[] bytes = LabelCodec.encode(new long[] {300, 301}, new int[] {200, 0}, 0, 2);

        assertThatThrownBy(
                        () -> LabelCodec.decode(Arrays.copyOf(bytes, bytes.length - 1), 2, new long[2], new int[2], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end inside a number");
        assertThatThrownBy(() -> LabelCodec.decode(bytes, 3, new long[3], new int[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end inside a number");
    }

    @Test
    void rejectsBytesLeftOverAfterTheEvents() {
        byte[] bytes = LabelCodec.encode(new long[] {300, 301}, new int[] {200, 0}, 0, 2);

        assertThatThrownBy(() -> LabelCodec.decode(bytes, 1, new long[1], new int[1], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left over after 1 events");
    }

    @Test
    void rejectsANumberLongerThanTenBytes() {
        byte[] bytes = new byte[12];
        Arrays.fill(bytes, (byte) 0x80);

        assertThatThrownBy(() -> LabelCodec.decode(bytes, 1, new long[1], new int[1], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 10 bytes");
    }

    private static void assertRoundTrips(long[] ids, int[] labels) {
        byte[] bytes = LabelCodec.encode(ids, labels, 0, ids.length);
        assertThat(bytes.length).isLessThanOrEqualTo(ids.length * LabelCodec.MAX_BYTES_PER_EVENT);
        long[] decodedIds = new long[ids.length + 2];
        int[] decodedLabels = new int[ids.length + 2];

        LabelCodec.decode(bytes, ids.length, decodedIds, decodedLabels, 1);

        assertThat(Arrays.copyOfRange(decodedIds, 1, ids.length + 1)).containsExactly(ids);
        assertThat(Arrays.copyOfRange(decodedLabels, 1, ids.length + 1)).containsExactly(labels);
    }
}
