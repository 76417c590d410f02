package io.energysensors.logservice.dashboard;

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

/**
 * Requests to the dashboard that are refused before anything is read, on a web slice: the
 * controller, its static files and web-support's problem answers; the figures behind it are
 * stand-ins no request here reaches.
 */
@WebMvcTest(DashboardController.class)
@Import(LogServiceSecurity.class)
@ImportAutoConfiguration({ProblemsAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
class DashboardRequestTests {

    @MockitoBean
    private SampleCache samples;

    @MockitoBean
    private IngestionRates rates;

    @Autowired
    private MockMvc mvc;

    private MockMvcClient server;

    @BeforeEach
    void connect() {
        server = new MockMvcClient(mvc);
    }

    @Test
    void aLimitBelowOneIsABadRequestProblem() {
        Reply reply = server.get("/dashboard/points?limit=0");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains("limit");
    }

    @Test
    void minutesOutsideTheRangeAreABadRequestProblem() {
        assertThat(server.get("/dashboard/ingestion?minutes=0").status()).isEqualTo(400);
        assertThat(server.get("/dashboard/ingestion?minutes=1441").status()).isEqualTo(400);
    }

    @Test
    void anUnknownAssetIsANotFoundProblem() {
        Reply reply = server.get("/dashboard/assets/no-such-file.js");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
