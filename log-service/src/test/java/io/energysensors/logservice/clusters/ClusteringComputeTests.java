package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A run's arithmetic takes at most one core: its parallel steps stay on the one compute thread. */
class ClusteringComputeTests {

    @Test
    void parallelStepsRunOnTheOneComputeThreadOnly() throws Exception {
        ForkJoinPool compute = new ClusteringExecutorConfiguration().clusteringCompute();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            // As Mean Shift's shift step and the bandwidth estimate do: a parallel stream.
            long sum = CompletableFuture.supplyAsync(
                            () -> IntStream.range(0, 100_000)
                                    .parallel()
                                    .peek(i ->
                                            threads.add(Thread.currentThread().getName()))
                                    .asLongStream()
                                    .sum(),
                            compute)
                    .get();

            assertThat(sum).isEqualTo(100_000L * 99_999 / 2);
            assertThat(threads).containsExactly("clustering-compute");
            assertThat(compute.getParallelism()).isEqualTo(1);
        } finally {
            compute.shutdownNow();
        }
    }
}
