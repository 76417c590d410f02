package io.energysensors.logservice;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole service on a random port, talked to over real HTTP; subclasses choose the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningService {

    @LocalServerPort
    private int port;

    protected TestServer server;

    @BeforeEach
    void connect() {
        server = new TestServer(port);
    }

    public TestServer server() {
        return server;
    }
}
