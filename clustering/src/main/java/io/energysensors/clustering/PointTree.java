package io.energysensors.clustering;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * A k-d tree whose every node also knows its tight bounding box, its point count and the sum of
 * its points, so that a radius query adds whole subtrees lying inside the ball without visiting
 * their points. A Mean Shift step then costs about the points near the ball's surface, not the
 * points inside it.
 *
 * <p>Membership is decided exactly as {@code ||x - c||^2 <= r^2} computed point by point would:
 * subtracting, squaring and adding in feature order are monotone under rounding, so a box whose
 * farthest corner passes the test holds only points that pass it, and a box whose nearest point
 * fails holds only points that fail. Only the order of summation differs from a plain scan, which
 * moves sums by about 1e-16 relative.
 *
 * <p>Nodes split at the median of their widest feature (widest in the box cut out by their
 * ancestors' splits), numbered as a heap (children of node
 * {@code k} are {@code 2k + 1} and {@code 2k + 2}), so the shape depends on the number of points
 * alone and a parallel build gives the same tree as a sequential one. Immutable once built.
 */
final class PointTree {

    private static final int LEAF_SIZE = 128;
    private static final int PARALLEL_BUILD_SIZE = 1 << 15;

    private final int dimension;
    private final double[] coordinates;
    private final int[] originalIndex;
    private final int[] start;
    private final int[] end;
    private final boolean[] leaf;
    private final double[] lower;
    private final double[] upper;
    private final double[] sum;
    private final int depth;

    /** Builds over a copy of the points, which must be at least one. */
    PointTree(double[] points, int dimension) {
        int size = points.length / dimension;
        this.dimension = dimension;
        this.coordinates = points.clone();
        this.originalIndex = new int[size];
        for (int i = 0; i < size; i++) {
            originalIndex[i] = i;
        }
        this.depth = depthFor(size);
        int nodes = (1 << (depth + 1)) - 1;
        this.start = new int[nodes];
        this.end = new int[nodes];
        this.leaf = new boolean[nodes];
        this.lower = new double[nodes * dimension];
        this.upper = new double[nodes * dimension];
        this.sum = new double[nodes * dimension];
        boundAll(size);
        new Build(0, 0, size).invoke();
    }

    private void boundAll(int size) {
        System.arraycopy(coordinates, 0, lower, 0, dimension);
        System.arraycopy(coordinates, 0, upper, 0, dimension);
        for (int p = 1; p < size; p++) {
            for (int j = 0; j < dimension; j++) {
                double value = coordinates[p * dimension + j];
                lower[j] = Math.min(lower[j], value);
                upper[j] = Math.max(upper[j], value);
            }
        }
    }

    /**
     * Adds up the points within the ball.
     *
     * @param total receives the coordinate sums of the points found (overwritten)
     * @return how many points lie within {@code sqrt(radiusSquared)} of the center, inclusive
     */
    int sumWithin(double[] center, double radiusSquared, double[] total) {
        Arrays.fill(total, 0.0);
        int count = 0;
        int[] stack = new int[2 * depth + 2];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int offset = node * dimension;
            if (nearestSquared(center, 0, offset) > radiusSquared) {
                continue;
            }
            if (farthestSquared(center, offset) <= radiusSquared) {
                for (int j = 0; j < dimension; j++) {
                    total[j] += sum[offset + j];
                }
                count += end[node] - start[node];
            } else if (leaf[node]) {
                for (int p = start[node]; p < end[node]; p++) {
                    if (squaredDistance(p, center, 0) <= radiusSquared) {
                        addPoint(p, total);
                        count++;
                    }
                }
            } else {
                stack[top++] = 2 * node + 1;
                stack[top++] = 2 * node + 2;
            }
        }
        return count;
    }

    /** Calls back with the original index of every point within the ball, in no set order. */
    void forEachWithin(double[] center, double radiusSquared, IntConsumer action) {
        int[] stack = new int[2 * depth + 2];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (nearestSquared(center, 0, node * dimension) > radiusSquared) {
                continue;
            }
            if (leaf[node]) {
                for (int p = start[node]; p < end[node]; p++) {
                    if (squaredDistance(p, center, 0) <= radiusSquared) {
                        action.accept(originalIndex[p]);
                    }
                }
            } else {
                stack[top++] = 2 * node + 1;
                stack[top++] = 2 * node + 2;
            }
        }
    }

    /**
     * The original index of the point nearest to the target, which is read from
     * {@code target[targetOffset ..]}; exact ties go to the lower index.
     */
    int nearest(double[] target, int targetOffset) {
        Nearest best = new Nearest();
        visitNearest(0, target, targetOffset, best);
        return best.index;
    }

    private void visitNearest(int node, double[] target, int targetOffset, Nearest best) {
        if (nearestSquared(target, targetOffset, node * dimension) > best.squaredDistance) {
            return;
        }
        if (leaf[node]) {
            for (int p = start[node]; p < end[node]; p++) {
                best.offer(originalIndex[p], squaredDistance(p, target, targetOffset));
            }
            return;
        }
        int left = 2 * node + 1;
        int right = left + 1;
        if (nearestSquared(target, targetOffset, right * dimension)
                < nearestSquared(target, targetOffset, left * dimension)) {
            visitNearest(right, target, targetOffset, best);
            visitNearest(left, target, targetOffset, best);
        } else {
            visitNearest(left, target, targetOffset, best);
            visitNearest(right, target, targetOffset, best);
        }
    }

    private double nearestSquared(double[] center, int centerOffset, int offset) {
        double total = 0;
        for (int j = 0; j < dimension; j++) {
            double c = center[centerOffset + j];
            double gap =
                    c < lower[offset + j] ? lower[offset + j] - c : c > upper[offset + j] ? c - upper[offset + j] : 0;
            total += gap * gap;
        }
        return total;
    }

    private double farthestSquared(double[] center, int offset) {
        double total = 0;
        for (int j = 0; j < dimension; j++) {
            double c = center[j];
            double reach = Math.max(Math.abs(lower[offset + j] - c), Math.abs(upper[offset + j] - c));
            total += reach * reach;
        }
        return total;
    }

    private double squaredDistance(int position, double[] center, int centerOffset) {
        return SquaredDistance.between(coordinates, position * dimension, center, centerOffset, dimension);
    }

    private void addPoint(int position, double[] total) {
        int offset = position * dimension;
        for (int j = 0; j < dimension; j++) {
            total[j] += coordinates[offset + j];
        }
    }

    private static int depthFor(int size) {
        int levels = 0;
        for (int nodeSize = size; nodeSize > LEAF_SIZE; nodeSize = nodeSize - nodeSize / 2) {
            levels++;
        }
        return levels;
    }

    /**
     * Builds one subtree. On the way down a node's box is loose (its parent's, cut at the
     * median), which is enough to choose the widest feature to split; on the way up it becomes
     * the tight box of its points, and its sum the sum of its children's.
     */
    private final class Build extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final int node;
        private final int from;
        private final int to;

        Build(int node, int from, int to) {
            this.node = node;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            start[node] = from;
            end[node] = to;
            if (to - from <= LEAF_SIZE) {
                leaf[node] = true;
                describeLeaf();
                return;
            }
            int middle = from + (to - from) / 2;
            int feature = widestFeature();
            if (upper[node * dimension + feature] > lower[node * dimension + feature]) {
                select(from, to - 1, middle, feature);
            }
            double median = coordinates[middle * dimension + feature];
            int left = 2 * node + 1;
            int right = left + 1;
            looseChildBox(left, upper, feature, median);
            looseChildBox(right, lower, feature, median);
            Build leftBuild = new Build(left, from, middle);
            Build rightBuild = new Build(right, middle, to);
            if (to - from >= PARALLEL_BUILD_SIZE) {
                invokeAll(leftBuild, rightBuild);
            } else {
                leftBuild.compute();
                rightBuild.compute();
            }
            describeFromChildren(left, right);
        }

        private int widestFeature() {
            int offset = node * dimension;
            int widest = 0;
            for (int j = 1; j < dimension; j++) {
                if (upper[offset + j] - lower[offset + j] > upper[offset + widest] - lower[offset + widest]) {
                    widest = j;
                }
            }
            return widest;
        }

        /** The child's box is the parent's with one side of {@code feature} moved to the median. */
        private void looseChildBox(int child, double[] cutSide, int feature, double median) {
            System.arraycopy(lower, node * dimension, lower, child * dimension, dimension);
            System.arraycopy(upper, node * dimension, upper, child * dimension, dimension);
            cutSide[child * dimension + feature] = median;
        }

        private void describeLeaf() {
            int offset = node * dimension;
            System.arraycopy(coordinates, from * dimension, lower, offset, dimension);
            System.arraycopy(coordinates, from * dimension, upper, offset, dimension);
            Arrays.fill(sum, offset, offset + dimension, 0.0);
            for (int p = from; p < to; p++) {
                int point = p * dimension;
                for (int j = 0; j < dimension; j++) {
                    double value = coordinates[point + j];
                    lower[offset + j] = Math.min(lower[offset + j], value);
                    upper[offset + j] = Math.max(upper[offset + j], value);
                    sum[offset + j] += value;
                }
            }
        }

        private void describeFromChildren(int left, int right) {
            int offset = node * dimension;
            for (int j = 0; j < dimension; j++) {
                lower[offset + j] = Math.min(lower[left * dimension + j], lower[right * dimension + j]);
                upper[offset + j] = Math.max(upper[left * dimension + j], upper[right * dimension + j]);
                sum[offset + j] = sum[left * dimension + j] + sum[right * dimension + j];
            }
        }

        /**
         * Floyd and Rivest's SELECT (CACM 18(3), 1975): afterwards position {@code k} holds the
         * value of rank {@code k} along {@code feature}, none greater before it, none smaller after
         * it. Narrowing on a sample first makes the final partition nearly one pass, which matters
         * because every swap moves a whole point. StrictMath keeps the sample bounds, and so the
         * tree, the same on every JVM.
         */
        private void select(int left, int right, int k, int feature) {
            while (right > left) {
                if (right - left > 600) {
                    double n = right - left + 1;
                    double i = k - left + 1;
                    double z = StrictMath.log(n);
                    double s = 0.5 * StrictMath.exp(2 * z / 3);
                    double sd = 0.5 * StrictMath.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2);
                    int sampleLeft = (int) Math.max(left, k - i * s / n + sd);
                    int sampleRight = (int) Math.min(right, k + (n - i) * s / n + sd);
                    select(sampleLeft, sampleRight, k, feature);
                }
                double pivot = value(k, feature);
                int i = left;
                int j = right;
                swap(left, k);
                if (value(right, feature) > pivot) {
                    swap(right, left);
                }
                while (i < j) {
                    swap(i, j);
                    i++;
                    j--;
                    while (value(i, feature) < pivot) {
                        i++;
                    }
                    while (value(j, feature) > pivot) {
                        j--;
                    }
                }
                if (value(left, feature) == pivot) {
                    swap(left, j);
                } else {
                    j++;
                    swap(j, right);
                }
                if (j <= k) {
                    left = j + 1;
                }
                if (k <= j) {
                    right = j - 1;
                }
            }
        }

        private double value(int position, int feature) {
            return coordinates[position * dimension + feature];
        }

        private void swap(int a, int b) {
            int offsetA = a * dimension;
            int offsetB = b * dimension;
            for (int j = 0; j < dimension; j++) {
                double value = coordinates[offsetA + j];
                coordinates[offsetA + j] = coordinates[offsetB + j];
                coordinates[offsetB + j] = value;
            }
            int index = originalIndex[a];
            originalIndex[a] = originalIndex[b];
            originalIndex[b] = index;
        }
    }

    /** The best candidate of a nearest-point search: least squared distance, then lowest index. */
    private static final class Nearest {
        private int index = -1;
        private double squaredDistance = Double.POSITIVE_INFINITY;

        void offer(int candidate, double candidateSquared) {
            if (candidateSquared < squaredDistance
                    || candidateSquared == squaredDistance && (index < 0 || candidate < index)) {
                index = candidate;
                squaredDistance = candidateSquared;
            }
        }
    }
}
