package io.energysensors.logservice.clusters;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Lets one log-service instance at a time cluster, held until the calling transaction ends.
 * PostgreSQL, shared by several instances: a transaction-scoped advisory lock, tried without
 * waiting. H2 is a file only one process opens, so the lock is the {@code clustering_state} row,
 * locked for update; a lock that times out counts as held elsewhere.
 */
@Component
class ClusteringLock {

    /** The advisory lock's key: any constant no other code of this database uses. */
    static final long ADVISORY_KEY = 0x656e657267790001L;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    ClusteringLock(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** Must be called inside a transaction; true if this transaction now holds the lock. */
    boolean tryAcquire() {
        if (postgres) {
            return Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, ADVISORY_KEY));
        }
        try {
            jdbc.queryForObject("SELECT id FROM clustering_state WHERE id = 1 FOR UPDATE", Integer.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
