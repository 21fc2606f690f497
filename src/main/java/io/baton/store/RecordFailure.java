package io.baton.store;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed attempt to sync a record, to be filed as (or added to) its dead letter.
 *
 * @param record the source record that could not be synced
 * @param stream the change stream or direction it was read from (e.g. {@code hubspot:contacts})
 * @param payload what was being sent, as text, for replay and diagnosis; never credentials
 * @param errorCode the API's own error code, or Baton's for a failure it found itself
 *        (e.g. {@code IDENTITY_CONFLICT}, {@code MAPPING_ERROR})
 * @param errorCategory the error model's class (e.g. {@code RECORD}, {@code RETRIABLE})
 * @param nextAttemptAt when to retry automatically; empty for "only on operator replay"
 */
public record RecordFailure(
        RecordRef record,
        String stream,
        Optional<String> payload,
        String errorCode,
        String reason,
        String errorCategory,
        Optional<Instant> nextAttemptAt) {

    public RecordFailure {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorCategory, "errorCategory");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
