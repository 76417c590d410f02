package io.energysensors.clustering;

/**
 * numpy's summation of a contiguous double array ({@code pairwise_sum} in its add loop). The
 * bandwidth is the mean of 200 distances; a left-to-right sum can differ from numpy's in the
 * last bit, and one bit of bandwidth can move a point across a radius and split a cluster.
 */
final class PairwiseSum {

    private static final int UNROLL = 8;
    private static final int BLOCK = 128;

    private PairwiseSum() {}

    /** The sum of {@code values[from .. to)} in numpy's order. */
    static double sum(double[] values, int from, int to) {
        int length = to - from;
        if (length < UNROLL) {
            return leftToRight(values, from, to, 0.0);
        }
        if (length <= BLOCK) {
            return eightAccumulators(values, from, to);
        }
        int half = length / 2;
        half -= half % UNROLL;
        return sum(values, from, from + half) + sum(values, from + half, to);
    }

    private static double eightAccumulators(double[] values, int from, int to) {
        double[] r = new double[UNROLL];
        System.arraycopy(values, from, r, 0, UNROLL);
        int length = to - from;
        int unrolledEnd = from + length - length % UNROLL;
        for (int i = from + UNROLL; i < unrolledEnd; i += UNROLL) {
            for (int j = 0; j < UNROLL; j++) {
                r[j] += values[i + j];
            }
        }
        double total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        return leftToRight(values, unrolledEnd, to, total);
    }

    private static double leftToRight(double[] values, int from, int to, double start) {
        double total = start;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }
}
