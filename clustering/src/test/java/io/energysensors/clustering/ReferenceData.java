package io.energysensors.clustering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known answers in {@code res/reference}, made by scikit-learn 1.2.1 and numpy 1.24; where
 * they come from and how they were made: {@code res/reference/README.md}.
 */
final class ReferenceData {

    static final Path REFERENCE = Path.of("..", "res", "reference");

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ReferenceData() {}

    /**
     * The 8 clustering features of each sample event, in order: Power.Active, Power.Reactive,
     * Power.Appearent, Line.Current, Line.Voltage, Peaks[0..2], as the original parser read them.
     */
    static Points sampleFeatures() {
        List<String> lines = readLines(REFERENCE.resolve("parsed_events.jsonl"));
        double[] coordinates = new double[lines.size() * 8];
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = MAPPER.readTree(lines.get(i));
            double[] row = {
                event.get("Power").get("Active").doubleValue(),
                event.get("Power").get("Reactive").doubleValue(),
                event.get("Power").get("Appearent").doubleValue(),
                event.get("Line").get("Current").doubleValue(),
                event.get("Line").get("Voltage").doubleValue(),
                event.get("Peaks").get(0).doubleValue(),
                event.get("Peaks").get(1).doubleValue(),
                event.get("Peaks").get(2).doubleValue(),
            };
            System.arraycopy(row, 0, coordinates, i * 8, 8);
        }
        return new Points(coordinates, 8);
    }

    /** One variant of {@code sklearn_events_reference.json}. */
    static JsonNode sklearnVariant(String name) {
        return json("sklearn_events_reference.json").get("variants").get(name);
    }

    static JsonNode numpyPermutations() {
        return json("numpy_permutations.json");
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).intValue();
        }
        return values;
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    /** An array of equally long number arrays. */
    static double[][] rows(JsonNode array) {
        double[][] rows = new double[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = doubles(array.get(i));
        }
        return rows;
    }

    private static JsonNode json(String file) {
        return MAPPER.readTree(REFERENCE.resolve(file));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
