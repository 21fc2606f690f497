package io.baton.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.resilience.*}: how Baton treats both CRMs' APIs. {@code hubspot-window-allowance}
 * calls per {@code hubspot-window} (HubSpot allows 190 per 10 s per app, API-REFERENCE A.7; the
 * default leaves room for the portal's other apps); {@code hubspot-search-per-second} (search has
 * its own limit of 5 a second and does not count against the burst window). Retries back off
 * exponentially with full jitter; the circuit breaker opens per system on repeated CRM-side
 * failures. {@code recheck}: how often a paused system is asked whether budget or token is back.
 * The daily allocations themselves are {@code baton.hubspot.api-allocation} and
 * {@code baton.salesforce.api-allocation}.
 */
@Validated
@ConfigurationProperties("baton.resilience")
public record ResilienceProperties(
        @DefaultValue("150") @Min(2) int hubspotWindowAllowance,
        @DefaultValue("10s") @PositiveDuration Duration hubspotWindow,
        @DefaultValue("4") @Min(2) int hubspotSearchPerSecond,
        @DefaultValue("1m") @PositiveDuration Duration recheck,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue @NotNull @Valid CircuitBreaker circuitBreaker) {

    /** Attempts per call (the first included), the first back-off and the longest single wait. */
    public record Retry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("200ms") @PositiveDuration Duration firstDelay,
            @DefaultValue("10s") @PositiveDuration Duration maxDelay) {
    }

    /** Opens when {@code failure-rate} percent of the last {@code window} calls failed on the CRM's side. */
    public record CircuitBreaker(
            @DefaultValue("50") @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") float failureRate,
            @DefaultValue("20") @Min(1) int window,
            @DefaultValue("30s") @PositiveDuration Duration openFor) {
    }
}
