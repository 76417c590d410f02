package io.energysensors.logservice.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Reads only: events are written by the ingest path and never changed. */
interface EventRepository extends Repository<SensorEventEntity, Long>, JpaSpecificationExecutor<SensorEventEntity> {

    Optional<SensorEventEntity> findById(long id);

    long count();

    List<SensorEventEntity> findAllByIdIn(Collection<Long> ids);
}
