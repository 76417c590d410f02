package io.energysensors.parseservice;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Energy Sensors parse-service",
                        version = "1",
                        description = "Turns energy sensor lines into their JSON form. Stateless."))
@ConfigurationPropertiesScan
public class ParseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParseServiceApplication.class, args);
    }
}
