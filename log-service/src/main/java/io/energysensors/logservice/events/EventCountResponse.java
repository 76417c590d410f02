package io.energysensors.logservice.events;

/** GET /events/count: how many events are stored. */
record EventCountResponse(long count) {}
