package io.baton.sandbox.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable copy of one stored row; values are stored Java values (String, Boolean, Double, Instant, LocalDate). */
public record SObjectRecord(String type, String id, Map<String, Object> fields) {

    public SObjectRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(fields.get("IsDeleted"));
    }
}
