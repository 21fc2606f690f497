package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record that could not be synced, with its failure history. There is at most one unresolved
 * (OPEN or PARKED) dead letter per record and stream; a further failure adds an attempt to it.
 *
 * @param errorCode the API's own error code (e.g. {@code INVALID_EMAIL_ADDRESS}), when it gave one
 * @param errorCategory the error model's class: {@code RETRIABLE}, {@code AUTH}, {@code RECORD} or {@code FATAL}
 */
public record DeadLetter(
        long id,
        RecordRef record,
        String stream,
        Optional<String> payload,
        Optional<String> errorCode,
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
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorCategory, "errorCategory");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** One page of a listing, with the total count of letters that match. */
    public record Page(List<DeadLetter> letters, long total, int page, int size) {
        public Page {
            letters = List.copyOf(letters);
        }
    }

    /**
     * The unresolved letters of one error class: how many are OPEN (to be retried) and PARKED (wait
     * for an operator), and how many distinct records they are about.
     */
    public record ClassCount(String errorClass, long open, long parked, long records) {
        public ClassCount {
            Objects.requireNonNull(errorClass, "errorClass");
        }

        public long letters() {
            return open + parked;
        }
    }
}
