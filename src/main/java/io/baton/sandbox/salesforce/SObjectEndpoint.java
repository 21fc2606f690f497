package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single-record REST (B.4): create 201 {@code {id, success, errors}}, get (optionally {@code ?fields=}),
 * update 204, delete 204 (soft), upsert by external id 201 created / 200 {@code created:false},
 * 300 when the external id matches several rows; plus describe.
 */
final class SObjectEndpoint {

    private final SalesforceOrg org;

    SObjectEndpoint(SalesforceOrg org) {
        this.org = org;
    }

    SandboxResponse create(SandboxRequest request, SObjectType type) {
        Map<String, Object> fields = RequestBodies.fields(RequestBodies.object(request));
        SaveResult result = org.save(List.of(new WriteOp.Create(type.name(), fields)), false, autoAssign(request)).get(0);
        if (!result.success()) {
            return SalesforceErrorBodies.recordErrors(400, result.errors());
        }
        return SandboxResponse.json(201, saveBody(result, false));
    }

    SandboxResponse get(SandboxRequest request, SObjectType type, String rawId) {
        Optional<SObjectRecord> record = findLive(type, rawId);
        if (record.isEmpty()) {
            return missing(type, rawId);
        }
        return render(request, type, record.get());
    }

    SandboxResponse update(SandboxRequest request, SObjectType type, String rawId) {
        Optional<SObjectRecord> record = findLive(type, rawId);
        if (record.isEmpty()) {
            return missing(type, rawId);
        }
        Map<String, Object> fields = RequestBodies.fields(RequestBodies.object(request));
        SaveResult result = org.save(List.of(new WriteOp.Update(type.name(), record.get().id(), fields)), false).get(0);
        return result.success() ? SandboxResponse.empty(204) : SalesforceErrorBodies.recordErrors(400, result.errors());
    }

    SandboxResponse delete(SObjectType type, String rawId) {
        Optional<SObjectRecord> record = findLive(type, rawId);
        if (record.isEmpty()) {
            return missing(type, rawId);
        }
        SaveResult result = org.save(List.of(new WriteOp.Delete(record.get().id())), false).get(0);
        return result.success() ? SandboxResponse.empty(204) : SalesforceErrorBodies.recordErrors(400, result.errors());
    }

    SandboxResponse upsert(SandboxRequest request, SObjectType type, String fieldName, String value) {
        Optional<SObjectField> field = type.field(fieldName).filter(SObjectField::externalId);
        if (field.isEmpty()) {
            return noSuchExternalId(fieldName);
        }
        List<String> matches = org.idsByExternalId(type.name(), field.get().name(), value);
        if (matches.size() > 1) {
            return multipleMatches(type, matches);
        }
        Map<String, Object> fields = RequestBodies.fields(RequestBodies.object(request));
        SaveResult result = org.save(List.of(new WriteOp.Upsert(type.name(), field.get().name(), value, fields)), false,
                autoAssign(request)).get(0);
        if (!result.success()) {
            return SalesforceErrorBodies.recordErrors(400, result.errors());
        }
        return SandboxResponse.json(result.created() ? 201 : 200, saveBody(result, true));
    }

    SandboxResponse getByExternalId(SandboxRequest request, SObjectType type, String fieldName, String value) {
        Optional<SObjectField> field = type.field(fieldName).filter(SObjectField::externalId);
        if (field.isEmpty()) {
            return noSuchExternalId(fieldName);
        }
        List<String> matches = org.idsByExternalId(type.name(), field.get().name(), value);
        if (matches.isEmpty()) {
            return SalesforceErrorBodies.notFound();
        }
        if (matches.size() > 1) {
            return multipleMatches(type, matches);
        }
        return render(request, type, org.find(matches.get(0)).orElseThrow());
    }

    private static SandboxResponse noSuchExternalId(String fieldName) {
        return SalesforceErrorBodies.error(404, "NOT_FOUND",
                "Provided external ID field does not exist or is not accessible: " + fieldName);
    }

    /** B.4: several rows share the external id value → 300 with the URL of each. */
    private static SandboxResponse multipleMatches(SObjectType type, List<String> ids) {
        return SandboxResponse.json(300, ids.stream().map(id -> WireRecords.API + "/sobjects/" + type.name() + "/" + id)
                .toList());
    }

    SandboxResponse describe(SObjectType type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", type.name());
        body.put("label", type.name());
        body.put("keyPrefix", type.keyPrefix());
        body.put("createable", true);
        body.put("updateable", true);
        body.put("deletable", true);
        body.put("queryable", true);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (SObjectField f : type.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("label", f.name());
            m.put("type", f.type().wireName());
            m.put("length", f.length());
            m.put("nillable", !f.required() && f.type() != SObjectField.Type.BOOLEAN);
            // The org fills these itself on create: a default, a checkbox's false, the owner (the caller).
            m.put("defaultedOnCreate", f.defaultValue() != null || f.type() == SObjectField.Type.BOOLEAN
                    || f.name().equals("OwnerId"));
            m.put("createable", f.writable());
            m.put("updateable", f.writable());
            m.put("unique", f.unique());
            m.put("externalId", f.externalId());
            m.put("defaultValue", FieldValues.toWire(f.defaultValue()));
            m.put("restrictedPicklist", f.restricted());
            m.put("picklistValues", f.picklist().stream().map(v -> Map.of("value", v, "label", v, "active", true,
                    "defaultValue", v.equals(f.defaultValue()))).toList());
            m.put("referenceTo", f.referenceTo().stream().map(p -> SObjectSchema.types().stream()
                    .filter(t -> t.keyPrefix().equals(p)).map(SObjectType::name).findFirst().orElse("Group")).toList());
            fields.add(m);
        }
        body.put("fields", fields);
        return SandboxResponse.json(200, body);
    }

    SandboxResponse describeGlobal() {
        List<Map<String, Object>> objects = SObjectSchema.types().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("label", t.name());
            m.put("keyPrefix", t.keyPrefix());
            m.put("queryable", true);
            m.put("urls", Map.of("sobject", WireRecords.API + "/sobjects/" + t.name(),
                    "describe", WireRecords.API + "/sobjects/" + t.name() + "/describe"));
            return m;
        }).toList();
        return SandboxResponse.json(200, Map.of("encoding", "UTF-8", "maxBatchSize", 200, "sobjects", objects));
    }

    private SandboxResponse render(SandboxRequest request, SObjectType type, SObjectRecord record) {
        List<String> names = request.queryParamList("fields");
        List<SObjectField> fields = new ArrayList<>();
        for (String n : names) {
            Optional<SObjectField> f = type.field(n);
            if (f.isEmpty()) {
                return SalesforceErrorBodies.error(400, "INVALID_FIELD", "No such column '" + n + "' on sobject of type "
                        + type.name());
            }
            fields.add(f.get());
        }
        return SandboxResponse.json(200, WireRecords.render(type, record.fields(), names.isEmpty() ? type.fields() : fields));
    }

    private Optional<SObjectRecord> findLive(SObjectType type, String rawId) {
        return org.find(rawId).filter(r -> r.type().equals(type.name()) && !r.isDeleted());
    }

    /** Unknown id: a string that is not an id reads as an external-id path; a deleted row is ENTITY_IS_DELETED. */
    private SandboxResponse missing(SObjectType type, String rawId) {
        if (SalesforceIds.normalize(rawId).isEmpty()) {
            return SalesforceErrorBodies.error(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + rawId);
        }
        boolean deleted = org.find(rawId).filter(r -> r.type().equals(type.name())).map(SObjectRecord::isDeleted)
                .orElse(false);
        return deleted ? SalesforceErrorBodies.entityDeleted() : SalesforceErrorBodies.notFound();
    }

    /** B.7: "If the header is not provided in the request, the default value is TRUE"; an AssignmentRule id counts as TRUE. */
    static boolean autoAssign(SandboxRequest request) {
        return !request.header("Sforce-Auto-Assign").map(String::trim).filter("FALSE"::equalsIgnoreCase).isPresent();
    }

    static Map<String, Object> saveBody(SaveResult result, boolean withCreated) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id());
        body.put("success", true);
        body.put("errors", List.of());
        if (withCreated) {
            body.put("created", result.created());
        }
        return body;
    }
}
