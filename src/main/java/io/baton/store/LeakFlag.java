package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored leak or stale flag on one record, open until the condition clears. */
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
        Optional<Instant> closedAt) {

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
    }

    /** The answer to "open if absent": the open flag, and whether this call opened it. */
    public record Opening(LeakFlag flag, boolean newlyOpened) {

        public Opening {
            Objects.requireNonNull(flag, "flag");
        }
    }
}
