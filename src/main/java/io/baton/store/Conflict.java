package io.baton.store;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A field both sides changed since the last sync, with the three values and how the field's rule
 * settled it. Absent values are empty.
 *
 * @param rule the sync rule applied (e.g. {@code two-way})
 * @param winner the side whose value was kept; empty when the rule kept neither
 */
public record Conflict(
        long id,
        long linkId,
        String field,
        Optional<String> baseValue,
        Optional<String> hubspotValue,
        Optional<String> salesforceValue,
        String rule,
        Optional<Side> winner,
        Instant detectedAt) {

    public Conflict {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(baseValue, "baseValue");
        Objects.requireNonNull(hubspotValue, "hubspotValue");
        Objects.requireNonNull(salesforceValue, "salesforceValue");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** A conflict to record; the store assigns id and time. */
    public static Conflict of(long linkId, String field, Optional<String> baseValue, Optional<String> hubspotValue,
            Optional<String> salesforceValue, String rule, Optional<Side> winner) {
        return new Conflict(0, linkId, field, baseValue, hubspotValue, salesforceValue, rule, winner, Instant.EPOCH);
    }
}
