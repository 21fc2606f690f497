package io.baton.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.sync.*}: the schedules of the sync routes. Routes read these as
 * {@code {{baton.sync.…}}} placeholders, so values are written the way both Spring and Camel read
 * them: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h}.
 */
@Validated
@ConfigurationProperties("baton.sync")
public record SyncProperties(
        @DefaultValue("5s") @PositiveDuration(allowZero = true) Duration inventoryInitialDelay,
        @DefaultValue("1m") @PositiveDuration Duration inventoryInterval,
        @DefaultValue("30s") @PositiveDuration Duration hubspotPollInterval,
        @DefaultValue("30s") @PositiveDuration Duration salesforcePollInterval) {
}
