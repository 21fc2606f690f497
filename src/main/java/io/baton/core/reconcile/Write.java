package io.baton.core.reconcile;

import io.baton.core.record.Side;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to send to one side for one record: create it with these fields, or update exactly these
 * fields (only those whose value differs from the target's current value). An empty string clears
 * a field.
 */
public record Write(Side target, Kind kind, Map<String, String> fields) {

    /** Create a record, or update an existing one. */
    public enum Kind { CREATE, UPDATE }

    public Write {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (kind == Kind.UPDATE && fields.isEmpty()) {
            throw new IllegalArgumentException("an update writes at least one field");
        }
    }

    public boolean isCreate() {
        return kind == Kind.CREATE;
    }
}
