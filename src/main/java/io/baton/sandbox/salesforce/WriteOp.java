package io.baton.sandbox.salesforce;

import java.util.Map;

/**
 * One record write in a save call. {@code fields} are raw request values keyed by the names the
 * client sent (any case); the org resolves and validates them.
 */
public sealed interface WriteOp {

    record Create(String type, Map<String, Object> fields) implements WriteOp {
    }

    record Update(String type, String id, Map<String, Object> fields) implements WriteOp {
    }

    record Upsert(String type, String externalIdField, String externalIdValue, Map<String, Object> fields)
            implements WriteOp {
    }

    record Delete(String id) implements WriteOp {
    }

    /** An item the endpoint already refused (e.g. the same external id twice in one request). */
    record Rejected(RecordError error) implements WriteOp {
    }
}
