package io.energysensors.logservice;

/** The store contract over a real PostgreSQL, profile {@code postgres}. */
class PostgresStoreTests extends OnPostgres implements StoreContract {}
