package io.baton.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.alerts.*} (config/application.yml): how alert mail is rendered, scheduled and
 * retried. Who gets which mail, and when digests fall due, is {@code baton.leakage.*}.
 */
@Validated
@ConfigurationProperties("baton.alerts")
public record AlertsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("config/templates") @NotBlank String templates,
        @DefaultValue("30s") @PositiveDuration Duration initialDelay,
        @DefaultValue("1m") @PositiveDuration Duration digestCheckInterval,
        @DefaultValue("1m") @PositiveDuration Duration retryInterval,
        @DefaultValue("5m") @PositiveDuration Duration sendTimeout,
        @DefaultValue @Valid Retry retry) {

    /** Failed mail is retried after {@code first-delay}, doubling up to {@code max-delay}, {@code max-attempts} times in all. */
    public record Retry(
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("1m") @PositiveDuration Duration firstDelay,
            @DefaultValue("1h") @PositiveDuration Duration maxDelay) {
    }
}
