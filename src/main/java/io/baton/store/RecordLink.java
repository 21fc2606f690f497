package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored identity link between a HubSpot contact and a Salesforce Lead or Contact. Either side
 * may still be missing (a record read but not yet created on the other side), never both.
 *
 * @param email normalised (trimmed, lower case), empty when unknown
 * @param mergedInto the surviving link when this one is {@link LinkStatus#MERGED}
 * @param convertedLeadId the Lead whose conversion handed this link to its Contact
 */
public record RecordLink(
        long id,
        Optional<String> hubspotId,
        Optional<RecordRef> salesforce,
        Optional<String> email,
        LinkStatus status,
        Optional<Long> mergedInto,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> convertedLeadId) {

    public RecordLink {
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(convertedLeadId, "convertedLeadId");
    }

    /** The HubSpot contact as a reference, when known. */
    public Optional<RecordRef> hubspot() {
        return hubspotId.map(RecordRef::hubspotContact);
    }

    /** The Salesforce record id, when known. */
    public Optional<String> salesforceId() {
        return salesforce.map(RecordRef::id);
    }

    public boolean isActive() {
        return status == LinkStatus.ACTIVE;
    }
}
