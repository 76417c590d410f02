package io.energysensors.logservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.events.ClusterLabels;
import io.energysensors.logservice.events.CurrentLabels;
import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.ingest.StoredWithoutHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample behind GET /dashboard/points, taken by the database: a JDBC slice over an H2 file
 * database of its own with the migrations, holding the 1000-line sample (each test stores it in
 * its transaction, which is rolled back). Points come with no label: no run has happened.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PointSampler.class, StoredEventCount.class, PointSamplerTests.NoRunYet.class})
class PointSamplerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class NoRunYet {

        @Bean
        CurrentLabels currentLabels() {
            return () -> new ClusterLabels(0, new long[0], new int[0]);
        }
    }

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "points");
    }

    @Autowired
    private PointSampler sampler;

    @Autowired
    private DataSource dataSource;

    @Test
    void pointsAreEveryStepthEventWithinTheLimit() throws Exception {
        storeSample();
        int limit = 7;

        JsonNode sample = points(limit);

        long total = sample.get("total").asLong();
        long step = sample.get("step").asLong();
        assertThat(step).isEqualTo((total + limit - 1) / limit);
        assertThat(sample.get("points").size())
                .isEqualTo((int) ((total + step - 1) / step))
                .isLessThanOrEqualTo(limit);
        assertThat(names(sample.get("features")))
                .containsExactly(
                        "power_active_w",
                        "power_reactive_var",
                        "power_apparent_va",
                        "line_current_a",
                        "line_voltage_v",
                        "peak_0",
                        "peak_1",
                        "peak_2");
        for (JsonNode point : sample.get("points")) {
            assertThat(point.size()).isEqualTo(9);
        }
    }

    @Test
    void theSameStoreGivesTheSameSample() throws Exception {
        storeSample();

        JsonNode first = points(50);
        JsonNode second = points(50);

        assertThat(features(second)).isEqualTo(features(first));
        assertThat(second.get("total")).isEqualTo(first.get("total"));
    }

    /** As GET /dashboard/points?limit= answers it (the limits here are within max-points). */
    private JsonNode points(int limit) {
        return JSON.valueToTree(sampler.sample(limit));
    }

    private void storeSample() throws Exception {
        new StoredWithoutHttp(dataSource).store(Samples.linesOfDevice(Samples.newDevice()));
    }

    private static List<List<Double>> features(JsonNode sample) {
        List<List<Double>> features = new ArrayList<>();
        for (JsonNode point : sample.get("points")) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                values.add(point.get(i).isNull() ? null : point.get(i).asDouble());
            }
            features.add(values);
        }
        return features;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(feature -> names.add(feature.get("name").asString()));
        return names;
    }
}
