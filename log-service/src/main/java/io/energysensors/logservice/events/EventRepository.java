package io.energysensors.logservice.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Reads only: events are written by the ingest path and never changed. */
interface EventRepository extends Repository<StoredEvent, Long>, JpaSpecificationExecutor<StoredEvent> {

    Optional<StoredEvent> findById(long id);

    long count();

    List<StoredEvent> findAllByIdIn(Collection<Long> ids);

    @Override
    Page<StoredEvent> findAll(Specification<StoredEvent> filter, Pageable pageable);
}
