package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored leak or stale flag on one record, open until the condition clears: when its SLA ran out
 * ({@code dueAt}), its level (1 past due, 2 past twice the SLA; {@code raisedAt} when it reached
 * it), the stage and cause, the owner, and the record's id in each CRM.
 */
public record LeakFlag(
        long id,
        String kind,
        String rule,
        RecordRef record,
        Optional<Long> linkId,
        Optional<String> ownerId,
        Optional<String> detail,
        LeakFlagStatus status,
        Instant openedAt,
        Optional<Instant> closedAt,
        Optional<Instant> dueAt,
        int level,
        Optional<Instant> raisedAt,
        Optional<String> stage,
        Optional<String> cause,
        Optional<String> ownerEmail,
        Optional<String> hubspotId,
        Optional<RecordRef> salesforce) {

    public LeakFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforce, "salesforce");
    }

    /** The answer to "open if absent": the open flag, and whether this call opened it. */
    public record Opening(LeakFlag flag, boolean newlyOpened) {

        public Opening {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /** One page of open flags and how many there are in all. */
    public record Page(java.util.List<LeakFlag> flags, long total, int page, int size) {

        public Page {
            flags = java.util.List.copyOf(flags);
        }
    }
}
