package io.energysensors.logservice.clusters;

import java.io.IOException;

import io.energysensors.logservice.FreshDataDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OldRunsDeletedContract} over an H2 file database of its own. */
class OldRunsDeletedOnH2Tests extends OldRunsDeletedContract {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "old-runs");
    }
}
