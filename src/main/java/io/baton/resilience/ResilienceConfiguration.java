package io.baton.resilience;

import io.baton.config.HubSpotProperties;
import io.baton.config.ResilienceProperties;
import io.baton.config.SalesforceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guards of both CRMs, from {@code baton.resilience.*} and the two {@code api-allocation} keys. */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    @Bean(destroyMethod = "flush")
    ApiGuards apiGuards(ResilienceProperties resilience, HubSpotProperties hubspot, SalesforceProperties salesforce,
                        UsageLog usage, MeterRegistry registry, Clock clock) {
        ResilienceProperties.Retry retry = resilience.retry();
        ResilienceProperties.CircuitBreaker breaker = resilience.circuitBreaker();
        GuardSettings settings = new GuardSettings(retry.maxAttempts(), retry.firstDelay(), retry.maxDelay(),
                breaker.failureRate(), breaker.window(), breaker.openFor(), resilience.recheck());
        GuardMetrics metrics = new GuardMetrics(registry);
        return new ApiGuards(
                ApiGuards.hubspot(settings, hubspot.apiAllocation(), resilience.hubspotWindowAllowance(),
                        resilience.hubspotWindow(), resilience.hubspotSearchPerSecond(), usage, metrics, clock),
                ApiGuards.salesforce(settings, salesforce.apiAllocation(), usage, metrics, clock));
    }
}
