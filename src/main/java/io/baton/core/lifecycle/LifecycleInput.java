package io.baton.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LifecyclePolicy#decide} needs about one linked person: the shared stage and its reason
 * (absent before the first sync), the stage each side showed when it was last synced (the decision's
 * readings, remembered), each side's current facts (absent when it has no record yet), and when
 * each side last changed (compared when both moved; equal times go to the tie-breaker).
 */
public record LifecycleInput(Optional<String> sharedStage, Optional<String> sharedReason,
                             Optional<String> previousHubSpot, Optional<String> previousSalesforce,
                             Optional<HubSpotFacts> hubspot, Optional<SalesforceFacts> salesforce,
                             Instant hubspotChangedAt, Instant salesforceChangedAt) {

    public LifecycleInput {
        Objects.requireNonNull(sharedStage, "sharedStage");
        Objects.requireNonNull(sharedReason, "sharedReason");
        Objects.requireNonNull(previousHubSpot, "previousHubSpot");
        Objects.requireNonNull(previousSalesforce, "previousSalesforce");
        Objects.requireNonNull(hubspot, "hubspot");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(hubspotChangedAt, "hubspotChangedAt");
        Objects.requireNonNull(salesforceChangedAt, "salesforceChangedAt");
    }

    /** A person seen for the first time: no shared stage, nothing remembered. */
    public static LifecycleInput firstSync(Optional<HubSpotFacts> hubspot, Optional<SalesforceFacts> salesforce,
                                           Instant hubspotChangedAt, Instant salesforceChangedAt) {
        return new LifecycleInput(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), hubspot,
                salesforce, hubspotChangedAt, salesforceChangedAt);
    }
}
