package io.energysensors.clustering;

import java.util.Arrays;

/**
 * An immutable set of points of one dimension, stored row-major in one flat array so that a
 * million 8-feature points take 64 MB and no per-point objects.
 *
 * <p>The array given to {@link #Points(double[], int)} is taken over, not copied: the caller must
 * not change it afterwards. Every coordinate must be a finite number.
 */
public final class Points {

    private final double[] coordinates;
    private final int dimension;

    /**
     * @param coordinates point {@code i}, feature {@code j} at {@code i * dimension + j}
     * @param dimension number of features per point, at least 1
     * @throws IllegalArgumentException if the dimension is not positive or does not divide the
     *     array length
     * @throws ClusteringException if a coordinate is NaN or infinite
     */
    public Points(double[] coordinates, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
        }
        if (coordinates.length % dimension != 0) {
            throw new IllegalArgumentException(
                    "coordinate count " + coordinates.length + " is not a multiple of the dimension " + dimension);
        }
        requireFinite(coordinates, dimension);
        this.coordinates = coordinates;
        this.dimension = dimension;
    }

    /**
     * Copies rows of equal length into a point set.
     *
     * @throws IllegalArgumentException if there are no rows or they differ in length
     * @throws ClusteringException if a coordinate is NaN or infinite
     */
    public static Points ofRows(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows: use new Points(new double[0], dimension)");
        }
        int dimension = rows[0].length;
        double[] coordinates = new double[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dimension) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " features, row 0 has " + dimension);
            }
            System.arraycopy(rows[i], 0, coordinates, i * dimension, dimension);
        }
        return new Points(coordinates, dimension);
    }

    public int size() {
        return coordinates.length / dimension;
    }

    public int dimension() {
        return dimension;
    }

    public double coordinate(int point, int feature) {
        return coordinates[point * dimension + feature];
    }

    /** A copy of one point's features. */
    public double[] point(int point) {
        return Arrays.copyOfRange(coordinates, point * dimension, (point + 1) * dimension);
    }

    /** The backing array itself, for the algorithms of this package, which only read it. */
    double[] coordinates() {
        return coordinates;
    }

    private static void requireFinite(double[] coordinates, int dimension) {
        for (int k = 0; k < coordinates.length; k++) {
            if (!Double.isFinite(coordinates[k])) {
                throw new ClusteringException("point " + k / dimension + " (0-based), feature "
                        + k % dimension + " is " + coordinates[k]
                        + ": every feature must be a finite number");
            }
        }
    }
}
