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
 * {@code fieldModstamps} holds when single fields last changed where the CRM says so (HubSpot's
 * property history); a field without one changed at the latest at the record's {@code modstamp}
 * (all Salesforce can tell).
 */
public record CrmRecord(RecordRef ref, Instant modstamp, Map<String, String> fields, Map<String, Instant> fieldModstamps) {

    public CrmRecord {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(modstamp, "modstamp");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fieldModstamps = Map.copyOf(fieldModstamps);
    }

    public CrmRecord(RecordRef ref, Instant modstamp, Map<String, String> fields) {
        this(ref, modstamp, fields, Map.of());
    }

    /** When {@code field} last changed, as precisely as the CRM reports it. */
    public Instant changedAt(String field) {
        return fieldModstamps.getOrDefault(field, modstamp);
    }

    /** The field's value, empty when absent or blank. */
    public Optional<String> value(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
