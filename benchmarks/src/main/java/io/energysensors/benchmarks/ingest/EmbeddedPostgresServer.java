package io.energysensors.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the ingestion benchmark, with durable commits as in production
 * ({@code synchronous_commit=on}, which the embedded default turns off). Writes its JDBC URL to
 * the file named by the first argument and runs until killed.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));
        Path urlFile = Path.of(args[0]);
        Path written = Files.writeString(
                urlFile.resolveSibling(urlFile.getFileName() + ".tmp"), postgres.getJdbcUrl("postgres", "postgres"));
        // Renamed into place so a reader never sees half a URL.
        Files.move(written, urlFile);
        Thread.currentThread().join();
    }
}
