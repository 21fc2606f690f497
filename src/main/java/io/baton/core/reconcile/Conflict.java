package io.baton.core.reconcile;

import io.baton.core.mapping.SyncRule;
import io.baton.core.record.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-way field both sides changed to different values since the last sync (or, for a new pair,
 * that both sides hold differently): the value last synced (as HubSpot held it; empty for a new
 * pair), both values as read, the side that won, the rule and why. Every conflict goes to the
 * conflict log.
 */
public record Conflict(String hubspotField, String salesforceField, Optional<String> baseValue,
                       Optional<String> hubspotValue,
                       Optional<String> salesforceValue, Side winner, SyncRule rule, String reason) {

    public Conflict {
        Objects.requireNonNull(hubspotField, "hubspotField");
        Objects.requireNonNull(salesforceField, "salesforceField");
        Objects.requireNonNull(baseValue, "baseValue");
        Objects.requireNonNull(hubspotValue, "hubspotValue");
        Objects.requireNonNull(salesforceValue, "salesforceValue");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** The winning value, as read on the winning side. */
    public Optional<String> winningValue() {
        return winner == Side.HUBSPOT ? hubspotValue : salesforceValue;
    }
}
