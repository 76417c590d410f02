package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;

/**
 * GET /events over real HTTP against H2: the shape of a page. Bad query parameters, 400 problems
 * naming the parameter, are checked on a web slice (EventsRequestTests).
 */
class EventsQueryTests extends OnH2 {

    @Test
    void answersAnEmptyPageForADeviceWithoutEvents() {
        Reply reply = server.get("/events?device=-5&page=3&size=10");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("events").size()).isZero();
        assertThat(reply.json().get("total_elements").asLong()).isZero();
        assertThat(reply.json().get("page").asInt()).isEqualTo(3);
        assertThat(reply.json().get("size").asInt()).isEqualTo(10);
    }
}
