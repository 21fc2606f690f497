package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding of the leak scan to flag.
 *
 * @param kind the flag's kind (e.g. {@code mql-not-accepted}); one OPEN flag per record and kind
 * @param rule the rule from {@code config/leakage.yml} that found it
 * @param detail a short human explanation for the digest
 * @param dueAt when the rule's SLA ran out
 * @param level 1 past due, 2 past twice the SLA
 * @param cause why, in words for the owner (the digest's line)
 * @param hubspotId the HubSpot contact, when there is one
 * @param salesforce the Salesforce Lead or Contact, when there is one
 */
public record NewLeakFlag(
        String kind,
        String rule,
        RecordRef record,
        Optional<Long> linkId,
        Optional<String> ownerId,
        Optional<String> detail,
        Optional<Instant> dueAt,
        int level,
        Optional<String> stage,
        Optional<String> cause,
        Optional<String> ownerEmail,
        Optional<String> hubspotId,
        Optional<RecordRef> salesforce) {

    public NewLeakFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforce, "salesforce");
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("level must be 1 or 2, was " + level);
        }
    }

    /** A level-1 flag without due time, stage, cause or the other system's id. */
    public NewLeakFlag(String kind, String rule, RecordRef record, Optional<Long> linkId, Optional<String> ownerId,
                       Optional<String> detail) {
        this(kind, rule, record, linkId, ownerId, detail, Optional.empty(), 1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
