package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Test vectors from numpy 1.24's {@code RandomState(0)}. */
class NumpyRandomStateTests {

    private final JsonNode vectors = ReferenceData.numpyPermutations();

    @Test
    void drawsTheSameRawOutputsAsNumpySeededWithZero() {
        JsonNode expected = vectors.get("mt19937_seed0_first10_uint32");
        NumpyRandomState random = new NumpyRandomState(0);

        for (int i = 0; i < expected.size(); i++) {
            assertThat(random.nextUnsignedInt())
                    .as("output %d", i)
                    .isEqualTo(expected.get(i).longValue());
        }
    }

    @Test
    void permutesLikeNumpyForEveryRecordedLength() {
        for (Map.Entry<String, JsonNode> entry :
                vectors.get("permutation_prefix").properties()) {
            int n = Integer.parseInt(entry.getKey());
            int[] expectedPrefix = ReferenceData.ints(entry.getValue());

            int[] permutation = new NumpyRandomState(0).permutation(n);

            assertThat(Arrays.copyOf(permutation, expectedPrefix.length))
                    .as("n = %d", n)
                    .containsExactly(expectedPrefix);
            assertThat(Arrays.stream(permutation).sorted().toArray())
                    .as("n = %d is a permutation", n)
                    .isEqualTo(IntStream.range(0, n).toArray());
        }
    }

    @Test
    void permutesAnEmptyRangeToNothing() {
        assertThat(new NumpyRandomState(0).permutation(0)).isEmpty();
    }
}
