package io.energysensors.logservice.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the page, its scripts and the chart library from the jar, and nothing else. The library
 * lies under vendor/, put there by the build from the npm registry (log-service's pom). Boot's
 * catch-all static mapping stays off (spring.web.resources.add-mappings=false), so any other
 * path still answers 404 as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/assets/**").addResourceLocations("classpath:/static/dashboard/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/dashboard/assets/index.html");
    }
}
