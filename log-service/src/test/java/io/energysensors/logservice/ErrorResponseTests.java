package io.energysensors.logservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong, the answer is a problem detail with an {@code error} string, never HTML:
 * here what only the running server decides (no handler, the error path, the container itself);
 * one endpoint's refusals are checked on its web slice (StoreRequestTests, EventsRequestTests).
 */
class ErrorResponseTests extends OnH2 {

    @Test
    void unknownPathIsNotFoundProblem() {
        Reply reply = server.get("/no/such/thing");

        assertProblem(reply, 404);
    }

    @Test
    void errorPathItselfAnswersWithProblem() {
        Reply reply = server.get("/error");

        assertProblem(reply, 404);
    }

    @Test
    void pathTomcatRejectsBeforeSpringIsProblemToo() throws IOException {
        // An encoded slash is refused by the container itself, before any servlet runs.
        String response =
                rawRequest("GET /events/%2e%2e%2f%2e%2e HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).doesNotContainIgnoringCase("<html");
    }

    private String rawRequest(String request) throws IOException {
        int port = URI.create(server.base()).getPort();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isNotBlank();
    }
}
