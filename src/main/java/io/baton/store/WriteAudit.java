package io.baton.store;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One write sent to a CRM for one record, and its outcome.
 *
 * @param recordId empty when a create failed before the CRM assigned an id
 * @param fieldsChanged the field names sent (only changed fields are sent)
 * @param error the CRM's error message for a failed write, never a credential
 */
public record WriteAudit(
        long id,
        Side side,
        String recordType,
        Optional<String> recordId,
        Optional<Long> linkId,
        WriteOperation operation,
        List<String> fieldsChanged,
        WriteOutcome outcome,
        Optional<String> error,
        Instant writtenAt) {

    public WriteAudit {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(operation, "operation");
        fieldsChanged = List.copyOf(fieldsChanged);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /** A write to record; the store assigns id and time. */
    public static WriteAudit of(Side side, String recordType, Optional<String> recordId, Optional<Long> linkId,
            WriteOperation operation, List<String> fieldsChanged, WriteOutcome outcome, Optional<String> error) {
        return new WriteAudit(0, side, recordType, recordId, linkId, operation, fieldsChanged, outcome, error,
                Instant.EPOCH);
    }
}
