package io.baton.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of one {@link WriteOp}: B.4's SaveResult / UpsertResult. {@code id} is null when nothing was saved. */
public record SaveResult(String id, boolean success, boolean created, List<RecordError> errors) {

    public SaveResult {
        errors = List.copyOf(errors);
    }

    public static SaveResult ok(String id, boolean created) {
        return new SaveResult(id, true, created, List.of());
    }

    public static SaveResult failed(String id, RecordError error) {
        return new SaveResult(id, false, false, List.of(error));
    }

    /** The collections item; upsert items also carry {@code created}. */
    public Map<String, Object> asCollectionItem(boolean withCreated) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("success", success);
        m.put("errors", errors.stream().map(RecordError::asCollectionItem).toList());
        if (withCreated && success) {
            m.put("created", created);
        }
        return m;
    }
}
