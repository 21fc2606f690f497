package io.baton.core.reconcile;

import io.baton.core.mapping.RecordIssue;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reconciling one HubSpot contact with its Salesforce Lead or Contact decided: the write to
 * each side (if any), the snapshot to store once those writes have succeeded, the conflicts to log
 * and the record's issues. A plan with an error among its issues keeps the base of the failed
 * fields, so the record is tried again after the dead letter is fixed.
 */
public record RecordPlan(Optional<RecordRef> hubspot, Optional<RecordRef> salesforce, SalesforceType type,
                         Optional<Write> toHubspot, Optional<Write> toSalesforce, Snapshot newSnapshot,
                         List<Conflict> conflicts, List<RecordIssue> issues) {

    public RecordPlan {
        Objects.requireNonNull(hubspot, "hubspot");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(toHubspot, "toHubspot");
        Objects.requireNonNull(toSalesforce, "toSalesforce");
        Objects.requireNonNull(newSnapshot, "newSnapshot");
        conflicts = List.copyOf(conflicts);
        issues = List.copyOf(issues);
    }

    /** The write to {@code side}, if any. */
    public Optional<Write> writeTo(Side side) {
        return side == Side.HUBSPOT ? toHubspot : toSalesforce;
    }

    /** How many field values this plan sends, both sides together. */
    public int fieldWriteCount() {
        return toHubspot.map(w -> w.fields().size()).orElse(0) + toSalesforce.map(w -> w.fields().size()).orElse(0);
    }

    /** True when nothing is sent to either side. */
    public boolean hasNoWrites() {
        return toHubspot.isEmpty() && toSalesforce.isEmpty();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(RecordIssue::isError);
    }
}
