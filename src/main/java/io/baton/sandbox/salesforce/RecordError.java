package io.baton.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record-level save error. Collections items carry it as {@code statusCode}; top-level REST
 * error arrays as {@code errorCode} (B.4 "Note the naming difference").
 */
public record RecordError(String code, String message, List<String> fields) {

    public static final String ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    public RecordError {
        fields = List.copyOf(fields);
    }

    public static RecordError of(String code, String message, String... fields) {
        return new RecordError(code, message, List.of(fields));
    }

    public static RecordError rolledBack() {
        return of("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE);
    }

    /** The sObject Collections item form. */
    public Map<String, Object> asCollectionItem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statusCode", code);
        m.put("message", message);
        m.put("fields", fields);
        return m;
    }

    /** The top-level REST error form. */
    public Map<String, Object> asRestError() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message);
        m.put("errorCode", code);
        m.put("fields", fields);
        return m;
    }
}
