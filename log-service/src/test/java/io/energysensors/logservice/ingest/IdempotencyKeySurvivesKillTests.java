package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.energysensors.logservice.Samples;
import io.energysensors.logservice.ServiceProcess;
import io.energysensors.logservice.StoredEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key is recorded by the transaction that stores its batch, so it survives what the batch
 * survives: after SIGKILL and a restart on the same H2 files, a client sending the batch again
 * gets the first answer and nothing is stored twice.
 */
class IdempotencyKeySurvivesKillTests {

    @TempDir
    Path dataDir;

    @Test
    void repeatAfterSigkillAndRestartGetsTheFirstAnswerAndStoresNothing() throws Exception {
        long device = Samples.newDevice();
        String batch = String.join("\n", Samples.linesOfDevice(device).subList(0, 5));
        List<String> database = List.of("--energy-sensors.data-dir=" + dataDir.resolve("db"));

        try (ServiceProcess first = ServiceProcess.start(dataDir.resolve("first.log"), database)) {
            HttpResponse<String> stored = IdempotencyKeyTests.postWithKey(first.server(), batch, "kill-" + device);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            first.kill();
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir.resolve("second.log"), database)) {
            HttpResponse<String> repeat = IdempotencyKeyTests.postWithKey(second.server(), batch, "kill-" + device);

            assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
            assertThat(repeat.body()).isEqualTo("{\"stored\":5}");
            assertThat(repeat.headers().firstValue(StoreController.REPLAYED)).contains("true");
            assertThat(StoredEvents.ofDevice(second.server(), device)).hasSize(5);
        }
    }
}
