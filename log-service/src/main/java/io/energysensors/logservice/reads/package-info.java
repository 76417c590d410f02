/**
 * What keeps reads from starving the writers: at most a bounded number of read requests at once,
 * each holding at most one connection, so the pool always has connections left for storing
 * events and clustering; and a read cancelled by its statement timeout answers 503 in words.
 */
package io.energysensors.logservice.reads;
