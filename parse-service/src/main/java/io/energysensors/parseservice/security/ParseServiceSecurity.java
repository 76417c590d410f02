package io.energysensors.parseservice.security;

import java.util.List;

import io.energysensors.web.security.ApiSecurity;
import io.energysensors.web.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Parsing changes nothing, so every role may parse; readers also get the API description. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ParseServiceSecurity {

    @Bean
    SecurityFilterChain parseServiceFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        return api.build(
                http,
                List.of(),
                endpoints -> endpoints
                        .requestMatchers(HttpMethod.POST, "/log/parse")
                        .access(api.allow(Role.DEVICE, Role.READER))
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .access(api.allow(Role.READER)));
    }
}
