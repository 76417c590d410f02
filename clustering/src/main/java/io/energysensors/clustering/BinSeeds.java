package io.energysensors.clustering;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Seeds for Mean Shift as scikit-learn 1.2's {@code get_bin_seeds(X, bandwidth, min_bin_freq=1)}
 * makes them: every point falls in the grid bin {@code rint(x / bandwidth)} (half to even, per
 * feature); each occupied bin, in first-seen order, gives one seed at {@code key * bandwidth}
 * computed in float32, because numpy keeps the bin keys in a float32 array. The float32 rounding
 * matters: with integer features a point often lies exactly one bandwidth from a seed, and
 * float32 decides whether it is in the seed's ball. If every point has a bin of its own, the
 * points themselves are the seeds.
 */
final class BinSeeds {

    private static final int CHUNK = 1 << 16;

    private BinSeeds() {}

    /** The seeds, one row each. */
    static double[][] of(Points points, double bandwidth) {
        Bins bins = occupiedBins(points, bandwidth);
        if (bins.count() == points.size()) {
            return pointsAsSeeds(points);
        }
        return scaledKeys(bins, (float) bandwidth);
    }

    /**
     * Bins chunks of points in parallel, then merges the chunks' bins in chunk order, which keeps
     * the first-seen order of a sequential pass.
     */
    private static Bins occupiedBins(Points points, double bandwidth) {
        int chunks = (points.size() + CHUNK - 1) / CHUNK;
        List<Bins> perChunk = IntStream.range(0, chunks)
                .parallel()
                .mapToObj(chunk ->
                        binChunk(points, bandwidth, chunk * CHUNK, Math.min(points.size(), (chunk + 1) * CHUNK)))
                .toList();
        Bins merged = new Bins(points.dimension());
        double[] key = new double[points.dimension()];
        for (Bins bins : perChunk) {
            for (int bin = 0; bin < bins.count(); bin++) {
                System.arraycopy(bins.keys, bin * key.length, key, 0, key.length);
                merged.add(key);
            }
        }
        return merged;
    }

    private static Bins binChunk(Points points, double bandwidth, int from, int to) {
        Bins bins = new Bins(points.dimension());
        double[] coordinates = points.coordinates();
        double[] key = new double[points.dimension()];
        for (int i = from; i < to; i++) {
            binKey(coordinates, i * key.length, bandwidth, key);
            bins.add(key);
        }
        return bins;
    }

    private static void binKey(double[] coordinates, int offset, double bandwidth, double[] key) {
        for (int j = 0; j < key.length; j++) {
            // + 0.0 turns -0.0 into 0.0: numpy's tuple keys treat them as one bin
            key[j] = Math.rint(coordinates[offset + j] / bandwidth) + 0.0;
        }
    }

    private static double[][] pointsAsSeeds(Points points) {
        double[][] seeds = new double[points.size()][];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = points.point(i);
        }
        return seeds;
    }

    private static double[][] scaledKeys(Bins bins, float bandwidth) {
        double[][] seeds = new double[bins.count()][bins.dimension];
        for (int b = 0; b < seeds.length; b++) {
            for (int j = 0; j < bins.dimension; j++) {
                seeds[b][j] = (float) bins.keys[b * bins.dimension + j] * bandwidth;
            }
        }
        return seeds;
    }

    /** Distinct bin keys in first-seen order: an open-addressing hash set over a flat array. */
    private static final class Bins {
        private final int dimension;
        private double[] keys;
        private int count;
        private int[] slots;

        Bins(int dimension) {
            this.dimension = dimension;
            this.keys = new double[16 * dimension];
            this.slots = emptySlots(64);
        }

        int count() {
            return count;
        }

        void add(double[] key) {
            int slot = find(key, slots);
            if (slots[slot] >= 0) {
                return;
            }
            if (count * dimension == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            System.arraycopy(key, 0, keys, count * dimension, dimension);
            slots[slot] = count++;
            if (count * 2 > slots.length) {
                rehash();
            }
        }

        private int find(double[] key, int[] table) {
            int mask = table.length - 1;
            int slot = hash(key) & mask;
            while (table[slot] >= 0 && !sameKey(table[slot], key)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private boolean sameKey(int bin, double[] key) {
            int offset = bin * dimension;
            for (int j = 0; j < dimension; j++) {
                if (keys[offset + j] != key[j]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] larger = emptySlots(slots.length * 2);
            double[] key = new double[dimension];
            for (int bin = 0; bin < count; bin++) {
                System.arraycopy(keys, bin * dimension, key, 0, dimension);
                larger[find(key, larger)] = bin;
            }
            slots = larger;
        }

        private static int hash(double[] key) {
            long h = 0;
            for (int j = 0; j < key.length; j++) {
                h = h * 31 + Double.doubleToLongBits(key[j]);
            }
            h *= 0x9E37_79B9_7F4A_7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private static int[] emptySlots(int size) {
            int[] table = new int[size];
            Arrays.fill(table, -1);
            return table;
        }
    }
}
