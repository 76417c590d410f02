package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Known answers: scikit-learn 1.2.1 on the 1000-event sample. */
class ReferenceSampleTests {

    private static final String ORIGINAL = "original_n_samples_200";
    private static final String ALL_SAMPLES = "all_samples_n_samples_None";
    private static final String[] MEAN_FIELDS = {
        "avg_power_active_w",
        "avg_power_reactive_var",
        "avg_power_apparent_va",
        "avg_line_current_a",
        "avg_line_voltage_v",
    };

    private final Points sample = ReferenceData.sampleFeatures();

    @Test
    void samplesTheSameBandwidthPointsAsNumpy() {
        int[] expected =
                ReferenceData.ints(ReferenceData.sklearnVariant(ORIGINAL).get("bandwidth_subset_indices"));

        assertThat(BandwidthEstimator.reference().sampleIndices(sample.size())).containsExactly(expected);
    }

    @Test
    void estimatesTheReferenceBandwidthToTheLastBit() {
        double expected =
                ReferenceData.sklearnVariant(ORIGINAL).get("bandwidth").doubleValue();

        assertThat(BandwidthEstimator.reference().estimate(sample)).isEqualTo(expected);
    }

    @Test
    void estimatesTheAllPointsBandwidthToTheLastBit() {
        double expected =
                ReferenceData.sklearnVariant(ALL_SAMPLES).get("bandwidth").doubleValue();

        assertThat(new BandwidthEstimator(0.2).estimate(sample)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {ORIGINAL, ALL_SAMPLES})
    void findsTheReferenceClusters(String variant) {
        JsonNode reference = ReferenceData.sklearnVariant(variant);

        MeanShiftResult result =
                new MeanShift().cluster(sample, reference.get("bandwidth").doubleValue());

        CenterAssertions.assertCentersClose(result, ReferenceData.rows(reference.get("cluster_centers")), variant);
        assertThat(result.labels()).containsExactly(ReferenceData.ints(reference.get("labels")));
        assertThat(result.iterations()).isEqualTo(reference.get("n_iter_max").intValue());
        assertThat(result.orphanCount())
                .isEqualTo(reference.get("orphans_label_minus_1").intValue());
        for (int label = 0; label < result.clusterCount(); label++) {
            assertThat(result.count(label))
                    .isEqualTo(reference
                            .get("count_per_label")
                            .get(Integer.toString(label))
                            .intValue());
        }
    }

    @Test
    void clustersLikeTheOriginalSystemInOneCall() {
        JsonNode reference = ReferenceData.sklearnVariant(ORIGINAL);

        MeanShiftResult result = MeanShift.clusterAsReference(sample);

        assertThat(result.bandwidth()).isEqualTo(reference.get("bandwidth").doubleValue());
        assertThat(result.labels()).containsExactly(ReferenceData.ints(reference.get("labels")));
        Map<Integer, double[]> expectedMeans = referenceMeans(reference);
        Map<Integer, double[]> actualMeans = perClusterMeans(result);
        assertThat(actualMeans).containsOnlyKeys(expectedMeans.keySet());
        expectedMeans.forEach((label, mean) ->
                assertThat(actualMeans.get(label)).as("label %d", label).containsExactly(mean));
    }

    @Test
    void placesEverySamplePointAgainWhereClusteringPutIt() {
        MeanShiftResult result = MeanShift.clusterAsReference(sample);

        for (int i = 0; i < sample.size(); i++) {
            assertThat(result.assign(sample.point(i))).as("point %d", i).isEqualTo(result.label(i));
        }
        assertThat(result.assignAll(sample)).containsExactly(result.labels());
    }

    /** Sums in event order, then divides, as the original service's summary did. */
    private Map<Integer, double[]> perClusterMeans(MeanShiftResult result) {
        Map<Integer, double[]> sums = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < sample.size(); i++) {
            double[] sum = sums.computeIfAbsent(result.label(i), label -> new double[MEAN_FIELDS.length]);
            for (int j = 0; j < MEAN_FIELDS.length; j++) {
                sum[j] += sample.coordinate(i, j);
            }
            counts.merge(result.label(i), 1, Integer::sum);
        }
        sums.forEach((label, sum) -> {
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= counts.get(label);
            }
        });
        return sums;
    }

    private static Map<Integer, double[]> referenceMeans(JsonNode reference) {
        Map<Integer, double[]> means = new TreeMap<>();
        for (JsonNode cluster : reference.get("per_cluster_means")) {
            double[] mean = new double[MEAN_FIELDS.length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = cluster.get(MEAN_FIELDS[j]).doubleValue();
            }
            means.put(cluster.get("label").intValue(), mean);
        }
        return means;
    }
}
