package io.baton.core.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * What a HubSpot contact shows about its stage: {@code lifecyclestage}, {@code hs_lead_status} and
 * the reason property, each absent when blank.
 */
public record HubSpotFacts(Optional<String> lifecycleStage, Optional<String> leadStatus, Optional<String> reason) {

    public HubSpotFacts {
        lifecycleStage = present(lifecycleStage);
        leadStatus = present(leadStatus);
        reason = present(reason);
    }

    /** A contact with these values; {@code null} or blank means not set. */
    public static HubSpotFacts of(String lifecycleStage, String leadStatus) {
        return new HubSpotFacts(Optional.ofNullable(lifecycleStage), Optional.ofNullable(leadStatus), Optional.empty());
    }

    /** These facts with {@code reason} in the reason property. */
    public HubSpotFacts withReason(String value) {
        return new HubSpotFacts(lifecycleStage, leadStatus, Optional.ofNullable(value));
    }

    // HubSpot returns "" for a cleared property; blank and absent mean the same to the lifecycle.
    static Optional<String> present(Optional<String> value) {
        return Objects.requireNonNull(value, "value").map(String::strip).filter(s -> !s.isEmpty());
    }
}
