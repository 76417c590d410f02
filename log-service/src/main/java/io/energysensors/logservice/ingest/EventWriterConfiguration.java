package io.energysensors.logservice.ingest;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
class EventWriterConfiguration {

    @Bean
    EventWriter eventWriter(DataSource dataSource) throws MetaDataAccessException {
        return EventWriter.forDatabaseOf(dataSource);
    }
}
