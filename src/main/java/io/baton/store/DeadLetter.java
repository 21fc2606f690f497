package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record that could not be synced, with its failure history. There is at most one OPEN dead
 * letter per record and stream; a further failure adds an attempt to it.
 */
public record DeadLetter(
        long id,
        RecordRef record,
        String stream,
        Optional<String> payload,
        String reason,
        String errorCategory,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        Optional<Instant> nextAttemptAt,
        DeadLetterStatus status,
        Optional<Instant> resolvedAt) {

    public DeadLetter {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorCategory, "errorCategory");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
