package io.baton.core.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as read from a CRM: who it is, when it last changed, and its field values as strings
 * (both APIs carry every value as text on the wire; blank and absent both mean "no value").
 */
public record CrmRecord(RecordRef ref, Instant modstamp, Map<String, String> fields) {

    public CrmRecord {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(modstamp, "modstamp");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value, empty when absent or blank. */
    public Optional<String> value(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
