package io.energysensors.logservice;

import java.nio.charset.StandardCharsets;

import io.energysensors.logservice.TestServer.Reply;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends what {@link TestServer} sends, through {@link MockMvc} instead of a socket, and answers
 * the same {@link Reply}: a test moved from the running service to a web slice reads as before.
 */
public final class MockMvcClient {

    private final MockMvc mvc;

    public MockMvcClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Reply postText(String body) {
        return post("text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply postJson(String body) {
        return post("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** @param contentType null sends no Content-Type header at all */
    public Reply post(String contentType, byte[] body) {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post("/log/store").content(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply get(String pathAndQuery) {
        return send(MockMvcRequestBuilders.get(pathAndQuery));
    }

    public Reply send(MockHttpServletRequestBuilder request) {
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            return new Reply(
                    response.getStatus(),
                    response.getContentType() == null ? "" : response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("MockMvc could not perform " + request, e);
        }
    }
}
