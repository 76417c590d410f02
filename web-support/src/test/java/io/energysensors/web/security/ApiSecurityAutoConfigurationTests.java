package io.energysensors.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ApiSecurityAutoConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiSecurityAutoConfiguration.class));

    @Test
    void tokensModeWithoutAnyTokenRefusesToStartSayingHowToMakeOne() {
        runner.withPropertyValues("energy-sensors.security.mode=tokens")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("no token is configured")
                        .hasMessageContaining("scripts/new-token"));
    }

    @Test
    void startsInLocalModeWithoutCredentialsAndInTokensModeOnceATokenIsConfigured() {
        runner.run(
                context -> assertThat(context.getBean(SecurityProperties.class).effectiveMode())
                        .isEqualTo(SecurityProperties.Mode.LOCAL));
        runner.withPropertyValues("energy-sensors.security.tokens.admin=" + "ab".repeat(32))
                .run(context -> assertThat(
                                context.getBean(SecurityProperties.class).effectiveMode())
                        .isEqualTo(SecurityProperties.Mode.TOKENS));
    }

    @Test
    void refusesARateLimitBelowOneNamingIt() {
        runner.withPropertyValues("energy-sensors.security.rate-limits.device.event-burst=0")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("energy-sensors.security.rate-limits.device.event-burst"));
    }

    @Test
    void anUnsetBurstIsTwiceItsRate() {
        runner.withPropertyValues("energy-sensors.security.rate-limits.device.requests-per-second=5")
                .run(context -> {
                    SecurityProperties.Limit device = context.getBean(SecurityProperties.class)
                            .rateLimits()
                            .device();
                    assertThat(device.requestBurst()).isEqualTo(10);
                    assertThat(device.eventBurst()).isEqualTo(400_000);
                });
    }
}
