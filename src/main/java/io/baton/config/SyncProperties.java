package io.baton.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.sync.*}: the schedules of the routes. Routes read them as
 * {@code {{millis:baton.sync.…}}} (see {@code io.baton.sync.MillisPlaceholder}), so every form Spring
 * accepts here — {@code 500ms}, {@code 1m}, {@code 2h}, {@code PT30S} — means the same to Camel.
 */
@Validated
@ConfigurationProperties("baton.sync")
public record SyncProperties(
        @DefaultValue("5s") @PositiveDuration(allowZero = true) Duration inventoryInitialDelay,
        @DefaultValue("1m") @PositiveDuration Duration inventoryInterval) {
}
