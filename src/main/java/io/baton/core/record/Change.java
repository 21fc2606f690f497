package io.baton.core.record;

import java.util.Objects;
import java.util.Optional;

/**
 * One change read from a change stream: an upsert carrying the record, a delete, or a merge that
 * folded this record into a survivor.
 */
public record Change(Kind kind, RecordRef ref, Optional<CrmRecord> record, Optional<RecordRef> mergedInto) {

    public enum Kind { UPSERT, DELETE, MERGE }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(mergedInto, "mergedInto");
    }

    public static Change upsert(CrmRecord record) {
        return new Change(Kind.UPSERT, record.ref(), Optional.of(record), Optional.empty());
    }

    public static Change delete(RecordRef ref) {
        return new Change(Kind.DELETE, ref, Optional.empty(), Optional.empty());
    }

    public static Change merge(RecordRef ref, RecordRef survivor) {
        return new Change(Kind.MERGE, ref, Optional.empty(), Optional.of(survivor));
    }
}
