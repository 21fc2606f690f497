package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.Faults;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one {@link WriteOp} to the org's tables (the caller holds the org lock and keeps the
 * undo log, so allOrNone can roll a whole request back). Every successful write stamps
 * LastModifiedDate and SystemModstamp with the sandbox clock (B.2 incremental sync).
 */
final class RecordWriter {

    /** Enough to undo one write: the row as it was, or null when the write created it. */
    record Undo(String type, String id, Map<String, Object> before) {
    }

    private final SalesforceOrg org;
    private final Faults faults;

    RecordWriter(SalesforceOrg org, Faults faults) {
        this.org = org;
        this.faults = faults;
    }

    /** {@code assignee}: the lead assignment rule's owner to apply on inserted leads, or null. */
    SaveResult apply(WriteOp op, Instant now, List<Undo> undo, String assignee) {
        if (op instanceof WriteOp.Rejected r) {
            return new SaveResult(null, false, false, List.of(r.error()));
        }
        if (op instanceof WriteOp.Create c) {
            return save(c.type(), null, c.fields(), now, undo, assignee);
        }
        if (op instanceof WriteOp.Update u) {
            return update(u, now, undo);
        }
        if (op instanceof WriteOp.Upsert u) {
            return upsert(u, now, undo, assignee);
        }
        return delete(((WriteOp.Delete) op).id(), now, undo);
    }

    private SaveResult update(WriteOp.Update u, Instant now, List<Undo> undo) {
        Optional<String> id = SalesforceIds.normalize(u.id());
        if (id.isEmpty()) {
            return SaveResult.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + u.id()));
        }
        Map<String, Object> row = org.rawRow(id.get());
        if (row == null || (u.type() != null && !org.typeOfRow(id.get()).equalsIgnoreCase(u.type()))) {
            return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (Boolean.TRUE.equals(row.get("IsDeleted"))) {
            return SaveResult.failed(null, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        return save(org.typeOfRow(id.get()), id.get(), u.fields(), now, undo, null);
    }

    private SaveResult upsert(WriteOp.Upsert u, Instant now, List<Undo> undo, String assignee) {
        List<String> matches = org.idsByExternalId(u.type(), u.externalIdField(), u.externalIdValue());
        if (matches.size() > 1) {
            return SaveResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID", u.externalIdField()
                    + ": more than one record found for external id field: " + matches));
        }
        Map<String, Object> fields = new LinkedHashMap<>(u.fields());
        fields.keySet().removeIf(k -> k.equalsIgnoreCase(u.externalIdField()));
        fields.put(u.externalIdField(), u.externalIdValue());
        return save(u.type(), matches.isEmpty() ? null : matches.get(0), fields, now, undo, assignee);
    }

    private SaveResult delete(String rawId, Instant now, List<Undo> undo) {
        Optional<String> id = SalesforceIds.normalize(rawId);
        if (id.isEmpty()) {
            return SaveResult.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + rawId));
        }
        Map<String, Object> row = org.rawRow(id.get());
        if (row == null) {
            return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (Boolean.TRUE.equals(row.get("IsDeleted"))) {
            return SaveResult.failed(id.get(), RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        Optional<String> fault = faults.recordFailure(keyOf(row, "Email")).or(() -> faults.recordFailure(
                keyOf(row, SObjectSchema.HUBSPOT_ID)));
        if (fault.isPresent()) {
            return SaveResult.failed(id.get(), RecordRules.injected(fault.get(), id.get()));
        }
        String type = org.typeOfRow(id.get());
        undo.add(new Undo(type, id.get(), new LinkedHashMap<>(row)));
        Map<String, Object> next = new LinkedHashMap<>(row);
        next.put("IsDeleted", true);
        next.put("SystemModstamp", now);
        org.storeRow(type, id.get(), next);
        return SaveResult.ok(id.get(), false);
    }

    private SaveResult save(String typeName, String existingId, Map<String, Object> raw, Instant now, List<Undo> undo,
                            String assignee) {
        Optional<SObjectType> maybeType = SObjectSchema.type(typeName);
        if (maybeType.isEmpty()) {
            return SaveResult.failed(null, RecordError.of("INVALID_TYPE", "sObject type '" + typeName
                    + "' is not supported."));
        }
        SObjectType type = maybeType.get();
        Map<String, Object> before = existingId == null ? null : org.rawRow(existingId);
        if (before != null && Boolean.TRUE.equals(before.get("IsConverted"))) {
            return SaveResult.failed(existingId, RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD",
                    "cannot reference converted lead"));
        }
        Map<String, Object> row = before == null ? org.defaults(type) : new LinkedHashMap<>(before);
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (e.getKey().equals("attributes")) {
                continue;
            }
            Optional<SObjectField> field = type.field(e.getKey());
            if (field.isEmpty()) {
                return SaveResult.failed(existingId, RecordError.of("INVALID_FIELD", "No such column '" + e.getKey()
                        + "' on sobject of type " + type.name(), e.getKey()));
            }
            SObjectField f = field.get();
            if (!f.writable()) {
                boolean sameId = f.name().equals("Id") && existingId != null && e.getValue() != null
                        && SalesforceIds.normalize(e.getValue().toString()).filter(existingId::equals).isPresent();
                if (e.getValue() == null || sameId) {
                    continue;
                }
                return SaveResult.failed(existingId, RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: " + f.name() + ". Please check the security settings of this"
                                + " field and verify that it is read/write for your profile or permission set.", f.name()));
            }
            try {
                Object value = FieldValues.coerce(f, e.getValue());
                row.put(f.name(), f.type() == SObjectField.Type.REFERENCE && value != null
                        ? SalesforceIds.normalize(value.toString()).orElse(value.toString()) : value);
            } catch (FieldValues.BadValue bad) {
                return SaveResult.failed(existingId, RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", bad.getMessage(),
                        f.name()));
            }
        }
        Optional<String> fault = faults.recordFailure(keyOf(row, "Email"))
                .or(() -> faults.recordFailure(keyOf(row, SObjectSchema.HUBSPOT_ID)));
        if (fault.isPresent()) {
            return SaveResult.failed(existingId, RecordRules.injected(fault.get(), existingId));
        }
        if (assignee != null && before == null && type.name().equals("Lead")) {
            // The assignment rule overrides whatever OwnerId the caller sent (B.7).
            row.put("OwnerId", assignee);
        }
        org.derive(type, row, before);
        String selfId = existingId;
        Optional<RecordError> problem = RecordRules.check(type, row, org::exists,
                (f, v) -> org.idsByExternalId(type.name(), f.name(), v).stream().filter(id -> !id.equals(selfId)).findFirst());
        if (problem.isPresent()) {
            return SaveResult.failed(existingId, problem.get());
        }
        String id = existingId != null ? existingId : org.newId(type);
        if (before == null) {
            row.put("Id", id);
            row.put("CreatedDate", now);
            if (type.hasField("CreatedById")) {
                row.put("CreatedById", org.integrationUserId());
            }
        }
        if (type.hasField("LastModifiedById")) {
            row.put("LastModifiedById", org.integrationUserId());
        }
        row.put("LastModifiedDate", now);
        row.put("SystemModstamp", now);
        undo.add(new Undo(type.name(), id, before == null ? null : new LinkedHashMap<>(before)));
        org.storeRow(type.name(), id, row);
        return SaveResult.ok(id, before == null);
    }

    private static String keyOf(Map<String, Object> row, String field) {
        Object v = row.get(field);
        return v == null ? null : v.toString();
    }
}
