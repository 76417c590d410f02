package io.energysensors.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FirstErrorsTests {

    @Test
    void keepsTheFirstErrorsUpToTheCapAndCountsTheRest() {
        FirstErrors<Integer> errors = new FirstErrors<>(3);
        for (int i = 1; i <= 2_000_000; i++) {
            errors.add(i);
        }

        assertThat(errors.kept()).containsExactly(1, 2, 3);
        assertThat(errors.count()).isEqualTo(2_000_000);
        assertThat(errors.omitted()).isEqualTo(1_999_997);
        assertThat(errors.toProperties(i -> Map.of("line", i)))
                .containsExactly(
                        Map.entry("errors", List.of(Map.of("line", 1), Map.of("line", 2), Map.of("line", 3))),
                        Map.entry("error_count", 2_000_000L),
                        Map.entry("errors_omitted", 1_999_997L));
    }

    @Test
    void omitsNothingBelowTheCap() {
        FirstErrors<String> errors = new FirstErrors<>(100);
        assertThat(errors.isEmpty()).isTrue();
        errors.add("one");

        assertThat(errors.isEmpty()).isFalse();
        assertThat(errors.kept()).containsExactly("one");
        assertThat(errors.omitted()).isZero();
    }
}
