package io.baton.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the typed records of the four config files (already checked by {@link ConfigValidator}
 * before anything binds) and provides the one {@link Clock} everything takes its time from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubSpotProperties.class, SalesforceProperties.class, SyncProperties.class, AdminProperties.class,
        BatonMailProperties.class, MappingsProperties.class, LifecycleProperties.class, LeakageProperties.class,
        AlertsProperties.class, ResilienceProperties.class})
public class ConfigurationRecords {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
