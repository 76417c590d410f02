package io.energysensors.web.body;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/** Registered by adding this module: a body refused for its slowness is not read to its end. */
@AutoConfiguration
public class BodiesAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> undrainedRefusals() {
        return factory ->
                factory.addContextCustomizers(context -> context.getPipeline().addValve(new UndrainedRefusalValve()));
    }
}
