package io.energysensors.parseservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ParseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParseServiceApplication.class, args);
    }
}
