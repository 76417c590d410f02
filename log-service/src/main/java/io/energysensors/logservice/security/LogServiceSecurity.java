package io.energysensors.logservice.security;

import java.util.List;

import io.energysensors.web.security.ApiSecurity;
import io.energysensors.web.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Devices write, readers read, admins do everything else (starting a clustering run, metrics).
 * The dashboard's page and files are open; its data is for readers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class LogServiceSecurity {

    @Bean
    SecurityFilterChain logServiceFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        return api.build(
                http,
                List.of("/", "/dashboard/assets/**", "/webjars/**"),
                endpoints -> endpoints
                        .requestMatchers(HttpMethod.POST, "/log/store")
                        .access(api.allow(Role.DEVICE))
                        .requestMatchers(
                                HttpMethod.GET,
                                "/clusters/**",
                                "/events/**",
                                "/dashboard/**",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .access(api.allow(Role.READER)));
    }
}
