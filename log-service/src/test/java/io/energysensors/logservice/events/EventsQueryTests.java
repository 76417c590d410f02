package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;

/** Bad query parameters of GET /events are 400 problems naming the parameter. */
class EventsQueryTests extends OnH2 {

    @Test
    void rejectsPageSizeBeyondTheMaximum() {
        assertBadRequest(server.get("/events?size=1001"), "size");
    }

    @Test
    void rejectsPageSizeZero() {
        assertBadRequest(server.get("/events?size=0"), "size");
    }

    @Test
    void rejectsNegativePage() {
        assertBadRequest(server.get("/events?page=-1"), "page");
    }

    @Test
    void rejectsTimeThatIsNotAnIsoInstant() {
        assertBadRequest(server.get("/events?from=yesterday"), "from");
    }

    @Test
    void rejectsNonNumericDevice() {
        assertBadRequest(server.get("/events?device=kitchen"), "device");
    }

    @Test
    void rejectsRangeEndingBeforeItStarts() {
        Reply reply = server.get("/events?from=2016-10-04T17:00:00Z&to=2016-10-04T16:00:00Z");

        assertBadRequest(reply, "from");
    }

    @Test
    void answersAnEmptyPageForADeviceWithoutEvents() {
        Reply reply = server.get("/events?device=-5&page=3&size=10");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("events").size()).isZero();
        assertThat(reply.json().get("total_elements").asLong()).isZero();
        assertThat(reply.json().get("page").asInt()).isEqualTo(3);
        assertThat(reply.json().get("size").asInt()).isEqualTo(10);
    }

    private static void assertBadRequest(Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains(parameter);
    }
}
