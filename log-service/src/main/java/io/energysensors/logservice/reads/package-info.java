/**
 * What keeps reads from starving the writers: a bounded number of read requests at once, each
 * holding at most one connection, so the pool always has connections left for storing events and
 * clustering; while events are being stored, reads rest between turns so that they take a
 * bounded share of the CPU; and a bounded number of reads waiting, so that they never hold the
 * request threads stores need.
 */
package io.energysensors.logservice.reads;
