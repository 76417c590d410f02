package io.energysensors.logservice;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with profile {@code postgres} over a real embedded PostgreSQL. */
@ActiveProfiles("postgres")
public abstract class OnPostgres extends RunningService {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /**
     * One more copy of the service on the same PostgreSQL, on a random port; the caller closes it.
     *
     * @param more further {@code --name=value} arguments
     */
    public static ConfigurableApplicationContext startAnotherCopy(long clusteringEveryEvents, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--energy-sensors.clustering.every-events=" + clusteringEveryEvents));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LogServiceApplication.class)
                .profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    /** A client of a copy started by {@link #startAnotherCopy}. */
    public static TestServer serverOf(ConfigurableApplicationContext copy) {
        return new TestServer(
                ((WebServerApplicationContext) copy).getWebServer().getPort());
    }
}
