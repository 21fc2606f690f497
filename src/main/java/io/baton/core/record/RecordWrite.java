package io.baton.core.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record's write to one CRM, as a writer batches it: an update of the record {@code id}, or,
 * without one, an idempotent create (an upsert on the record's natural key, so a replayed page
 * creates nothing twice). {@code key} is the caller's name for the record, echoed in the result;
 * {@code fields} holds only what changed. An empty value clears the field.
 */
public record RecordWrite(String key, Side side, String type, Optional<String> id, Map<String, String> fields) {

    public RecordWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static RecordWrite update(String key, RecordRef ref, Map<String, String> fields) {
        return new RecordWrite(key, ref.side(), ref.type(), Optional.of(ref.id()), fields);
    }

    public static RecordWrite create(String key, Side side, String type, Map<String, String> fields) {
        return new RecordWrite(key, side, type, Optional.empty(), fields);
    }

    public boolean isCreate() {
        return id.isEmpty();
    }
}
