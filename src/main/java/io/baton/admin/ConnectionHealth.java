package io.baton.admin;

import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The components of {@code /actuator/health}: {@code hubspot}, {@code salesforce}, {@code store}
 * and {@code mail}, each one {@link ConnectionChecks} call. (Boot's own {@code db} and {@code mail}
 * indicators are replaced, so the names match the contract.)
 */
@Configuration(proxyBeanMethods = false)
class ConnectionHealth {

    @Bean
    HealthIndicator hubspotHealthIndicator(ConnectionChecks checks) {
        return indicator(checks::hubspot);
    }

    @Bean
    HealthIndicator salesforceHealthIndicator(ConnectionChecks checks) {
        return indicator(checks::salesforce);
    }

    @Bean
    HealthIndicator storeHealthIndicator(ConnectionChecks checks) {
        return indicator(checks::store);
    }

    @Bean
    HealthIndicator mailHealthIndicator(ConnectionChecks checks) {
        return indicator(checks::mail);
    }

    private static HealthIndicator indicator(Supplier<ConnectionCheck> check) {
        return () -> {
            ConnectionCheck result = check.get();
            Health.Builder health = result.ok() ? Health.up() : Health.down().withDetail("error", result.error());
            return health.withDetails(result.details()).build();
        };
    }
}
