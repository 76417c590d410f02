package io.energysensors.logservice.clusters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.energysensors.format.event.Feature;
import io.energysensors.logservice.events.StoredEventCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the clustering features ({@link Feature}) of stored events with plain JDBC, streamed in fetches of
 * {@link #FETCH_SIZE} rows (PostgreSQL streams only inside a transaction: call it inside one).
 * An event that cannot be placed, with fewer than 3 peaks or a feature that is not finite or
 * beyond the configured magnitude, is counted and left out.
 */
@Component
class FeatureReader {

    static final int FETCH_SIZE = 10_000;

    private static final String COLUMNS =
            Feature.ALL.stream().map(Feature::column).collect(Collectors.joining(", ", "id, ", ""));

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;
    private final double maxAbsFeature;

    FeatureReader(DataSource dataSource, StoredEventCount storedEvents, ClusteringProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.storedEvents = storedEvents;
        this.maxAbsFeature = properties.maxAbsFeature();
    }

    /** Events that could not be placed, counted while reading. */
    static final class Skipped {

        private long count;
        private long highestId;

        long count() {
            return count;
        }

        /** The highest id among them; 0 when there are none. */
        long highestId() {
            return highestId;
        }

        private void add(long id) {
            count++;
            highestId = Math.max(highestId, id);
        }
    }

    /** Every placeable event, in id order, in arrays sized for the stored count. */
    Features all(Skipped skipped) {
        Features features = new Features(Math.toIntExact(storedEvents.read()));
        each("SELECT " + COLUMNS + " FROM sensor_event ORDER BY id", skipped, features::add);
        return features;
    }

    /** Every placeable event with an id above {@code afterId}, in id order. */
    Features after(long afterId, Skipped skipped) {
        Features features = new Features(FETCH_SIZE);
        each("SELECT " + COLUMNS + " FROM sensor_event WHERE id > " + afterId + " ORDER BY id", skipped, features::add);
        return features;
    }

    /** The placeable ones among the {@code limit} most recent events, in id order. */
    Features recent(int limit, Skipped skipped) {
        Features newestFirst = new Features(Math.min(limit, FETCH_SIZE));
        each(
                "SELECT " + COLUMNS + " FROM sensor_event ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                skipped,
                newestFirst::add);
        return newestFirst.sortedById();
    }

    /**
     * A uniform sample of {@code limit} placeable events, in id order, by reservoir sampling
     * (Vitter's algorithm R) over one pass in id order: the same store and seed give the same sample.
     */
    Features sample(int limit, long seed, Skipped skipped) {
        Features reservoir = new Features(Math.min(limit, FETCH_SIZE));
        SplittableRandom random = new SplittableRandom(seed);
        long[] seen = {0};
        each("SELECT " + COLUMNS + " FROM sensor_event ORDER BY id", skipped, (id, row) -> {
            long index = seen[0]++;
            if (index < limit) {
                reservoir.add(id, row);
            } else {
                long slot = random.nextLong(index + 1);
                if (slot < limit) {
                    reservoir.set((int) slot, id, row);
                }
            }
        });
        return reservoir.sortedById();
    }

    /** Every placeable event in id order, handed over {@code chunkSize} at a time. */
    void chunks(int chunkSize, Skipped skipped, Consumer<Features> chunkConsumer) {
        Features[] chunk = {new Features(chunkSize)};
        each("SELECT " + COLUMNS + " FROM sensor_event ORDER BY id", skipped, (id, row) -> {
            chunk[0].add(id, row);
            if (chunk[0].size() == chunkSize) {
                chunkConsumer.accept(chunk[0]);
                chunk[0] = new Features(chunkSize);
            }
        });
        if (chunk[0].size() > 0) {
            chunkConsumer.accept(chunk[0]);
        }
    }

    private interface RowConsumer {
        void accept(long id, double[] row);
    }

    private void each(String sql, Skipped skipped, RowConsumer consumer) {
        double[] row = new double[Features.DIMENSION];
        jdbc.query(sql, (ResultSet rs) -> {
            if (read(rs, row)) {
                consumer.accept(rs.getLong(1), row);
            } else {
                skipped.add(rs.getLong(1));
            }
        });
    }

    private boolean read(ResultSet rs, double[] row) throws SQLException {
        for (int feature = 0; feature < Features.DIMENSION; feature++) {
            double value = rs.getDouble(feature + 2);
            if (rs.wasNull() || !(Math.abs(value) <= maxAbsFeature)) {
                return false;
            }
            row[feature] = value;
        }
        return true;
    }
}
