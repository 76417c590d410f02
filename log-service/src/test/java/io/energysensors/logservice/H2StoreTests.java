package io.energysensors.logservice;

/** The store contract over the default database: H2 in file mode. */
class H2StoreTests extends OnH2 implements StoreContract {}
