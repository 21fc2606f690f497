package io.baton.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.hubspot.*}: where HubSpot is and how Baton authenticates (a private app's token).
 * The token's presence is checked by {@link SecretsCheck}, which names the environment variable.
 * {@code search-settle-time}: how old a change must be before the change reader takes it, since
 * HubSpot's search index trails writes (API-REFERENCE A.2) and a late-indexed record must not
 * land behind the cursor. {@code api-allocation}: the share of the account's daily API limit
 * (shared by all its apps) Baton may use; when it is spent the sync waits (see ResilienceProperties).
 */
@Validated
@ConfigurationProperties("baton.hubspot")
public record HubSpotProperties(
        @DefaultValue("https://api.hubapi.com") @NotNull URI baseUrl,
        String accessToken,
        @DefaultValue("30s") @PositiveDuration Duration timeout,
        @DefaultValue("10s") @PositiveDuration(allowZero = true) Duration searchSettleTime,
        @DefaultValue("0.5") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double apiAllocation) {

    @Override
    public String toString() {
        return "HubSpotProperties[baseUrl=" + baseUrl + ", accessToken=***, timeout=" + timeout
                + ", searchSettleTime=" + searchSettleTime + ", apiAllocation=" + apiAllocation + "]";
    }
}
