package io.energysensors.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The algorithm of docs/meanshift.md written the plainest way: every radius query scans every point
 * in index order, merging compares every pair, labelling scans every center. Too slow for real
 * use, simple enough to check by reading; the fast version must agree with it.
 */
final class BruteForceMeanShift {

    record Result(double[][] centers, int[] labels, int iterations) {}

    private record Mode(double[] center, int count) {}

    private BruteForceMeanShift() {}

    static Result cluster(double[][] points, double bandwidth, int maxIterations) {
        List<double[]> seeds = seeds(points, bandwidth);
        Map<List<Double>, Integer> countByCenter = new LinkedHashMap<>();
        int iterations = 0;
        for (double[] seed : seeds) {
            double[] mean = seed.clone();
            int within;
            int moves = 0;
            while (true) {
                double[] sum = new double[mean.length];
                within = 0;
                for (double[] point : points) {
                    if (squaredDistance(point, mean) <= bandwidth * bandwidth) {
                        for (int j = 0; j < sum.length; j++) {
                            sum[j] += point[j];
                        }
                        within++;
                    }
                }
                if (within == 0) {
                    break;
                }
                double[] previous = mean;
                mean = new double[sum.length];
                for (int j = 0; j < sum.length; j++) {
                    mean[j] = sum[j] / within;
                }
                if (Math.sqrt(squaredDistance(mean, previous)) < 1e-3 * bandwidth || moves == maxIterations) {
                    break;
                }
                moves++;
            }
            iterations = Math.max(iterations, moves);
            if (within > 0) {
                countByCenter.put(key(mean), within);
            }
        }
        if (countByCenter.isEmpty()) {
            throw new ClusteringException("no point within bandwidth of any seed");
        }
        List<Mode> ranked = new ArrayList<>();
        countByCenter.forEach((center, count) -> ranked.add(
                new Mode(center.stream().mapToDouble(Double::doubleValue).toArray(), count)));
        ranked.sort(Comparator.comparingInt(Mode::count)
                .reversed()
                .thenComparing(Mode::center, BruteForceMeanShift::lexicographicDescending));
        List<double[]> centers = new ArrayList<>();
        boolean[] removed = new boolean[ranked.size()];
        for (int a = 0; a < ranked.size(); a++) {
            if (removed[a]) {
                continue;
            }
            centers.add(ranked.get(a).center());
            for (int b = a + 1; b < ranked.size(); b++) {
                if (squaredDistance(ranked.get(a).center(), ranked.get(b).center()) <= bandwidth * bandwidth) {
                    removed[b] = true;
                }
            }
        }
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            int nearest = 0;
            for (int c = 1; c < centers.size(); c++) {
                if (squaredDistance(points[i], centers.get(c)) < squaredDistance(points[i], centers.get(nearest))) {
                    nearest = c;
                }
            }
            boolean orphan = Math.sqrt(squaredDistance(points[i], centers.get(nearest))) > bandwidth;
            labels[i] = orphan ? -1 : nearest;
        }
        return new Result(centers.toArray(double[][]::new), labels, iterations);
    }

    private static List<double[]> seeds(double[][] points, double bandwidth) {
        Map<List<Double>, Integer> bins = new LinkedHashMap<>();
        for (double[] point : points) {
            List<Double> key = new ArrayList<>();
            for (double value : point) {
                key.add(Math.rint(value / bandwidth) + 0.0);
            }
            bins.merge(key, 1, Integer::sum);
        }
        List<double[]> seeds = new ArrayList<>();
        if (bins.size() == points.length) {
            for (double[] point : points) {
                seeds.add(point.clone());
            }
            return seeds;
        }
        for (List<Double> key : bins.keySet()) {
            double[] seed = new double[key.size()];
            for (int j = 0; j < seed.length; j++) {
                float product = key.get(j).floatValue() * (float) bandwidth;
                seed[j] = product;
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private static List<Double> key(double[] center) {
        List<Double> key = new ArrayList<>();
        for (double value : center) {
            key.add(value + 0.0);
        }
        return key;
    }

    private static int lexicographicDescending(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            int order = Double.compare(b[j], a[j]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return sum;
    }
}
