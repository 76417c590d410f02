package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.energysensors.format.event.Feature;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.mapping.Column;
import org.junit.jupiter.api.Test;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * The events table is described three times: by the migrations that create it, by the JPA entity
 * that reads it ({@link SensorEventEntity}) and by the column list the ingest writers fill
 * ({@link EventTable}). No column may be in one of them and not in the others.
 */
class EventTableTests {

    @Test
    void writersFillEveryColumnOnceInSomeOrder() {
        assertThat(EventTable.COLUMNS).doesNotHaveDuplicates();
        assertThat(EventTable.COLUMNS).containsExactlyInAnyOrderElementsOf(migratedColumns());
    }

    @Test
    void theEntityMapsEveryColumnTheMigrationsCreate() {
        assertThat(entityColumns()).containsExactlyInAnyOrderElementsOf(migratedColumns());
    }

    @Test
    void everyClusteringFeatureIsAColumn() {
        assertThat(EventTable.COLUMNS)
                .containsAll(Feature.ALL.stream().map(Feature::column).toList());
    }

    /** sensor_event as the Flyway migrations leave it, on an in-memory H2. */
    private static List<String> migratedColumns() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:event-table-tests;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(h2).load().migrate();
        List<String> columns = new ArrayList<>();
        try (Connection connection = h2.getConnection();
                ResultSet rows = connection.getMetaData().getColumns(null, null, "SENSOR_EVENT", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(columns).as("sensor_event's columns").isNotEmpty();
        return columns;
    }

    /** The columns Hibernate maps the entity to, named as Spring Boot configures it by default. */
    private static List<String> entityColumns() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DIALECT, H2Dialect.class.getName())
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName())
                .applySetting(
                        AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                .build();
        try {
            Metadata metadata = new MetadataSources(registry)
                    .addAnnotatedClass(SensorEventEntity.class)
                    .buildMetadata();
            assertThat(metadata.getEntityBinding(SensorEventEntity.class.getName())
                            .getTable()
                            .getName())
                    .isEqualTo(EventTable.NAME);
            return metadata.getEntityBinding(SensorEventEntity.class.getName()).getTable().getColumns().stream()
                    .map(Column::getName)
                    .toList();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
