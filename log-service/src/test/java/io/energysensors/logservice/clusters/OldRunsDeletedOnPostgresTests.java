package io.energysensors.logservice.clusters;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OldRunsDeletedContract} over the embedded PostgreSQL the other PostgreSQL tests share. */
@ActiveProfiles("postgres")
class OldRunsDeletedOnPostgresTests extends OldRunsDeletedContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
