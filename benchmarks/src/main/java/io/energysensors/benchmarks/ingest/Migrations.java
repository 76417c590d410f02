package io.energysensors.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
            // By version number: as text, V11__ would sort before V1__.
            scripts = files.sorted(Comparator.comparingInt(Migrations::version)).toList();
        }
        List<String> statements = new ArrayList<>();
        for (Path script : scripts) {
            String sql = Files.readString(script).replaceAll("--[^\n]*", "");
            Arrays.stream(sql.split(";")).filter(command -> !command.isBlank()).forEach(statements::add);
        }
        return statements;
    }

    /** 11 for {@code V11__record_how_a_result_was_computed.sql}. */
    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
