package io.energysensors.logservice.reads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The requests that read the store pass the {@link ReadBulkhead}; storing never does. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadProperties.class)
class ReadsWebConfig implements WebMvcConfigurer {

    private final ReadBulkhead bulkhead;

    ReadsWebConfig(ReadBulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(bulkhead)
                .addPathPatterns("/events", "/events/**", "/dashboard/points", "/dashboard/ingestion", "/clusters/**");
    }
}
