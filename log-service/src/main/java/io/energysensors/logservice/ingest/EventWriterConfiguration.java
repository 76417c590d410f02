package io.energysensors.logservice.ingest;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
class EventWriterConfiguration {

    /**
     * @param syncEachCommit on H2, force each commit to the disk before acknowledging it, so that a
     *     power loss loses no acknowledged event (docs/operations.md); PostgreSQL always does
     */
    @Bean
    EventWriter eventWriter(
            DataSource dataSource, @Value("${energy-sensors.h2.sync-each-commit:false}") boolean syncEachCommit)
            throws MetaDataAccessException {
        EventWriter writer = EventWriter.forDatabaseOf(dataSource);
        if (syncEachCommit && writer instanceof JdbcBatchEventWriter) {
            return DiskSyncingEventWriter.h2(writer, new JdbcTemplate(dataSource));
        }
        return writer;
    }
}
