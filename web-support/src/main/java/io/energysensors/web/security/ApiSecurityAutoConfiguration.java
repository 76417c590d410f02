package io.energysensors.web.security;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registered by adding this module: both services read {@code energy-sensors.security.*} the
 * same way. Each service builds its filter chain with {@link ApiSecurity}. Nothing here is
 * conditional on a property, so the services' ahead-of-time processed bean definitions still
 * follow the properties given at run time.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    @Bean
    ApiSecurity apiSecurity(SecurityProperties properties) {
        StaticTokens tokens = StaticTokens.of(properties);
        SecurityProperties.Mode mode = properties.effectiveMode();
        if (mode == SecurityProperties.Mode.TOKENS
                && tokens.isEmpty()
                && !properties.jwt().enabled()) {
            throw new IllegalStateException("energy-sensors.security.mode=tokens, but no token is configured, so"
                    + " nobody could call this service: run scripts/new-token and set the printed hash in"
                    + " energy-sensors.security.tokens.device, .reader or .admin (or list it in"
                    + " energy-sensors.security.tokens-file), or set energy-sensors.security.jwt.issuer-uri;"
                    + " see docs/security.md");
        }
        log.info(
                "Security mode {}: {} device, {} reader and {} admin token(s){}",
                mode.name().toLowerCase(Locale.ROOT),
                tokens.count(Role.DEVICE),
                tokens.count(Role.READER),
                tokens.count(Role.ADMIN),
                properties.jwt().enabled() ? ", JWTs accepted" : "");
        return new ApiSecurity(properties, tokens);
    }

    @Bean
    EventAllowance eventAllowance() {
        return new EventAllowance();
    }
}
