package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.logservice.MockMvcClient;
import io.energysensors.logservice.TestServer.Reply;
import io.energysensors.logservice.security.LogServiceSecurity;
import io.energysensors.web.problem.ProblemsAutoConfiguration;
import io.energysensors.web.security.ApiSecurityAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests to /events that are refused before anything is read, on a web slice: the controller
 * and web-support's problem answers; the stores behind it are stand-ins no request here reaches.
 */
@WebMvcTest(EventsController.class)
@Import(LogServiceSecurity.class)
@ImportAutoConfiguration({ProblemsAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
class EventsRequestTests {

    @MockitoBean
    private EventRepository events;

    @MockitoBean
    private StoredEventCount storedEvents;

    @MockitoBean
    private CurrentLabels labels;

    @MockitoBean
    private MatchingEventCount matching;

    @Autowired
    private MockMvc mvc;

    private MockMvcClient server;

    @BeforeEach
    void connect() {
        server = new MockMvcClient(mvc);
    }

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
    void nonNumericEventIdIsBadRequestProblem() {
        Reply reply = server.get("/events/abc");

        assertProblem(reply, 400);
    }

    @Test
    void deleteOnEventsIsMethodNotAllowedProblem() {
        Reply reply = server.send(MockMvcRequestBuilders.delete("/events/1"));

        assertProblem(reply, 405);
    }

    private static void assertBadRequest(Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains(parameter);
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isNotBlank();
    }
}
