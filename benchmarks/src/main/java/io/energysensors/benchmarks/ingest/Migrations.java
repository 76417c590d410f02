package io.energysensors.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The log service's Flyway migrations as SQL statements, so the loops insert into its very schema. */
final class Migrations {

    private static final Path DIRECTORY = Path.of("log-service/src/main/resources/db/migration");

    private Migrations() {}

    /** Every statement of V1__, V2__, ... in version order, comments removed. */
    static List<String> statements() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            // Fewer than ten, so their names sort in version order.
            scripts = files.sorted().toList();
        }
        List<String> statements = new ArrayList<>();
        for (Path script : scripts) {
            String sql = Files.readString(script).replaceAll("--[^\n]*", "");
            Arrays.stream(sql.split(";")).filter(command -> !command.isBlank()).forEach(statements::add);
        }
        return statements;
    }
}
