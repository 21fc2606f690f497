package io.baton.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.sync.*}: the schedules of the routes. Routes read them as
 * {@code {{millis:baton.sync.…}}} (see {@code io.baton.sync.MillisPlaceholder}), so every form Spring
 * accepts here — {@code 500ms}, {@code 1m}, {@code 2h}, {@code PT30S} — means the same to Camel.
 * {@code max-pages-per-run} bounds one poll so the other direction gets its turn; the next poll
 * carries on from the committed cursor.
 */
@Validated
@ConfigurationProperties("baton.sync")
public record SyncProperties(
        @DefaultValue("5s") @PositiveDuration(allowZero = true) Duration inventoryInitialDelay,
        @DefaultValue("1m") @PositiveDuration Duration inventoryInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") @PositiveDuration(allowZero = true) Duration initialDelay,
        @DefaultValue("30s") @PositiveDuration Duration hubspotPollInterval,
        @DefaultValue("30s") @PositiveDuration Duration salesforcePollInterval,
        @DefaultValue("1h") @PositiveDuration Duration ownerRefreshInterval,
        @DefaultValue("15m") @PositiveDuration Duration hubspotArchiveScanInterval,
        @DefaultValue("50") @jakarta.validation.constraints.Positive int maxPagesPerRun) {
}
