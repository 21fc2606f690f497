package io.baton.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.dead-letters.*}: how records that failed are tried again. A RETRIABLE failure (row
 * lock, timeout) is retried automatically after {@code first-delay}, each further delay
 * {@code multiplier} times the last, never more than {@code max-delay} (which caps the first too); after {@code max-attempts}
 * failures the letter is PARKED (kept and replayable, no longer retried). RECORD and FATAL
 * failures are never retried automatically: they wait for the data to change or an operator's
 * replay. The worker ({@code routes/dead-letter-retry.yaml}) looks for due letters every
 * {@code retry-interval} and resyncs up to {@code batch-size} of them at a time.
 */
@Validated
@ConfigurationProperties("baton.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("1m") @PositiveDuration(allowZero = true) Duration firstDelay,
        @DefaultValue("2.0") @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
        @DefaultValue("1h") @PositiveDuration(allowZero = true) Duration maxDelay,
        @DefaultValue("8") @Positive @Max(100) int maxAttempts,
        @DefaultValue("30s") @PositiveDuration(allowZero = true) Duration initialDelay,
        @DefaultValue("30s") @PositiveDuration Duration retryInterval,
        @DefaultValue("50") @Positive @Max(200) int batchSize) {
}
