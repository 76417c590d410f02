package io.energysensors.parseservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ParseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParseServiceApplication.class, args);
    }
}
