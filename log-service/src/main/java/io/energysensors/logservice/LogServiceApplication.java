package io.energysensors.logservice;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Energy Sensors log-service",
                        version = "1",
                        description =
                                "Stores energy sensor events durably, clusters them into load states in the background "
                                        + "and serves the result."))
@ConfigurationPropertiesScan
public class LogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LogServiceApplication.class, args);
    }
}
