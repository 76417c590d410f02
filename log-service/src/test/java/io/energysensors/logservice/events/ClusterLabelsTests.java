package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An event's label by id, and one label's members paged newest first. */
class ClusterLabelsTests {

    // Label 0: 10, 40, 50, 70; label 1: 20, 60; orphans (-1): 30; no event 15, 45 or 80.
    private final ClusterLabels labels =
            new ClusterLabels(7, new long[] {10, 20, 30, 40, 50, 60, 70}, new int[] {0, 1, -1, 0, 0, 1, 0});

    @Test
    void findsTheLabelOfEveryCoveredEventAndNoneOfOthers() {
        assertThat(labels.runId()).isEqualTo(7);
        assertThat(labels.size()).isEqualTo(7);
        assertThat(labels.labelOf(10)).isZero();
        assertThat(labels.labelOf(20)).isEqualTo(1);
        assertThat(labels.labelOf(30)).isEqualTo(-1);
        assertThat(labels.labelOf(70)).isZero();
        assertThat(labels.labelOf(15)).isNull();
        assertThat(labels.labelOf(5)).isNull();
        assertThat(labels.labelOf(80)).isNull();
    }

    @Test
    void countsTheMembersOfEachLabel() {
        assertThat(labels.count(-1)).isEqualTo(1);
        assertThat(labels.count(0)).isEqualTo(4);
        assertThat(labels.count(1)).isEqualTo(2);
        assertThat(labels.count(2)).isZero();
        assertThat(labels.count(-2)).isZero();
    }

    @Test
    void pagesALabelsMembersNewestFirst() {
        assertThat(labels.newestFirst(0, 0, 3)).containsExactly(70, 50, 40);
        assertThat(labels.newestFirst(0, 3, 3)).containsExactly(10);
        assertThat(labels.newestFirst(0, 4, 3)).isEmpty();
        assertThat(labels.newestFirst(1, 0, 50)).containsExactly(60, 20);
        assertThat(labels.newestFirst(-1, 0, 50)).containsExactly(30);
        assertThat(labels.newestFirst(9, 0, 50)).isEmpty();
        assertThat(labels.newestFirst(0, Long.MAX_VALUE, 50)).isEmpty();
    }

    @Test
    void noResultLabelsNothing() {
        ClusterLabels none = ClusterLabels.none();

        assertThat(none.runId()).isZero();
        assertThat(none.size()).isZero();
        assertThat(none.labelOf(1)).isNull();
        assertThat(none.count(-1)).isZero();
        assertThat(none.newestFirst(0, 0, 10)).isEmpty();
    }

    @Test
    void rejectsIdsOutOfOrderOrRepeated() {
        assertThatThrownBy(() -> new ClusterLabels(1, new long[] {2, 1}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 at 1 follows 2");
        assertThatThrownBy(() -> new ClusterLabels(1, new long[] {2, 2}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascend");
    }

    @Test
    void rejectsMismatchedArraysAndLabelsBelowTheOrphans() {
        assertThatThrownBy(() -> new ClusterLabels(1, new long[] {1, 2}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 ids but 1 labels");
        assertThatThrownBy(() -> new ClusterLabels(1, new long[] {1}, new int[] {-3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label -3");
    }
}
