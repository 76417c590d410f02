package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.RunningService;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code energy-sensors.h2.sync-each-commit=true}, H2's file is forced to the disk after
 * each commit ({@code CHECKPOINT SYNC}, which H2 accepts), and stores are acknowledged as before.
 */
@TestPropertySource(properties = "energy-sensors.h2.sync-each-commit=true")
class SyncEachCommitTests extends RunningService {

    @Autowired
    private EventWriter writer;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "sync-each-commit");
    }

    @Test
    void storesWithASyncAfterEachCommit() {
        long device = Samples.newDevice();

        assertThat(writer).isInstanceOf(DiskSyncingEventWriter.class);
        for (String line : Samples.linesOfDevice(device).subList(0, 3)) {
            assertThat(server.postText(line).status()).isEqualTo(200);
        }
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(device)))
                        .status())
                .isEqualTo(200);

        assertThat(StoredEvents.ofDevice(server, device)).hasSize(1003);
    }
}
