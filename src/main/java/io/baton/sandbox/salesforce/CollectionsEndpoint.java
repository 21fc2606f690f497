package io.baton.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * sObject Collections (B.4): create, update, upsert by external id, retrieve, delete. At most 200
 * records per write call; results in request order; 200 even when items fail, each item with its
 * own {@code statusCode} errors; {@code allOrNone} (default false) rolls the whole call back.
 */
final class CollectionsEndpoint {

    static final int MAX_RECORDS = 200;
    /** B.4: a mixed-type create/update is processed in chunks (a new chunk at every type change), at most 10. */
    static final int MAX_CHUNKS = 10;
    /**
     * B.4 names no error for an 11th chunk. The platform's own wording for it is "Cannot have more than
     * 10 chunks in a single operation. Please rearrange the data to reduce chunking." and
     * INVALID_BATCH_OPERATION is a Salesforce StatusCode (apache/camel's StatusCode enum copies the
     * WSDL's); the request is refused whole like any other malformed one (400, B.4/B.5 array body).
     */
    static final String TOO_MANY_CHUNKS = "Cannot have more than " + MAX_CHUNKS
            + " chunks in a single operation. Please rearrange the data to reduce chunking.";
    static final int MAX_RETRIEVE_IDS = 2000;

    private final SalesforceOrg org;
    /** B.4: sources disagree on the code for one external id twice in one request, so it is configurable. */
    private volatile String inRequestDuplicateCode = "DUPLICATE_VALUE";

    CollectionsEndpoint(SalesforceOrg org) {
        this.org = org;
    }

    void setInRequestDuplicateCode(String code) {
        this.inRequestDuplicateCode = code;
    }

    SandboxResponse create(SandboxRequest request) {
        JsonNode body = RequestBodies.object(request);
        List<WriteOp> ops = new ArrayList<>();
        for (JsonNode record : records(body)) {
            String type = RequestBodies.typeOf(record);
            Map<String, Object> fields = RequestBodies.fields(record);
            if (type == null) {
                ops.add(new WriteOp.Rejected(RecordError.of("INVALID_TYPE", "Must specify a type in attributes")));
            } else if (fields.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Id") && fields.get(k) != null)) {
                ops.add(new WriteOp.Rejected(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
                        "cannot specify Id in an insert call", "Id")));
            } else {
                ops.add(new WriteOp.Create(type, fields));
            }
        }
        checkChunks(ops);
        return results(ops, allOrNone(body), false, SObjectEndpoint.autoAssign(request));
    }

    SandboxResponse update(SandboxRequest request) {
        JsonNode body = RequestBodies.object(request);
        List<WriteOp> ops = new ArrayList<>();
        for (JsonNode record : records(body)) {
            Map<String, Object> fields = RequestBodies.fields(record);
            Object id = fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Id"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (id == null) {
                ops.add(new WriteOp.Rejected(RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call")));
            } else {
                fields.keySet().removeIf(k -> k.equalsIgnoreCase("Id"));
                ops.add(new WriteOp.Update(RequestBodies.typeOf(record), id.toString(), fields));
            }
        }
        checkChunks(ops);
        return results(ops, allOrNone(body), false, false);
    }

    SandboxResponse upsert(SandboxRequest request, SObjectType type, String fieldName) {
        Optional<SObjectField> field = type.field(fieldName).filter(SObjectField::externalId);
        if (field.isEmpty()) {
            return SalesforceErrorBodies.error(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + fieldName);
        }
        String extField = field.get().name();
        JsonNode body = RequestBodies.object(request);
        List<JsonNode> records = records(body);
        Map<String, Integer> seen = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (JsonNode record : records) {
            Object v = RequestBodies.fields(record).entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(extField))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            String value = v == null ? null : (String) FieldValues.coerce(field.get(), v);
            values.add(value);
            if (value != null) {
                seen.merge(value.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<WriteOp> ops = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                ops.add(new WriteOp.Rejected(RecordError.of("MISSING_ARGUMENT", extField + " not specified", extField)));
            } else if (seen.get(value.toLowerCase(Locale.ROOT)) > 1) {
                // Every row sharing the key is rejected (B.4).
                ops.add(new WriteOp.Rejected(RecordError.of(inRequestDuplicateCode,
                        "Duplicate external id specified: " + value, extField)));
            } else {
                ops.add(new WriteOp.Upsert(type.name(), extField, value, RequestBodies.fields(records.get(i))));
            }
        }
        return results(ops, allOrNone(body), true, SObjectEndpoint.autoAssign(request));
    }

    SandboxResponse retrieve(SandboxRequest request, SObjectType type) {
        List<String> ids;
        List<String> fieldNames;
        if (request.method().equals("POST")) {
            JsonNode body = RequestBodies.object(request);
            ids = texts(body.path("ids"));
            fieldNames = texts(body.path("fields"));
        } else {
            ids = request.queryParamList("ids");
            fieldNames = request.queryParamList("fields");
        }
        if (fieldNames.isEmpty() || ids.isEmpty()) {
            return SalesforceErrorBodies.error(400, "MISSING_ARGUMENT", ids.isEmpty() ? "ids not specified"
                    : "fields not specified");
        }
        if (ids.size() > MAX_RETRIEVE_IDS) {
            return SalesforceErrorBodies.error(400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RETRIEVE_IDS + " records into this call");
        }
        List<SObjectField> fields = new ArrayList<>();
        for (String n : fieldNames) {
            Optional<SObjectField> f = type.field(n);
            if (f.isEmpty()) {
                return SalesforceErrorBodies.error(400, "INVALID_FIELD", "No such column '" + n + "' on sobject of type "
                        + type.name());
            }
            fields.add(f.get());
        }
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            out.add(org.find(id).filter(r -> r.type().equals(type.name()) && !r.isDeleted())
                    .map(r -> (Object) WireRecords.render(type, r.fields(), fields)).orElse(null));
        }
        return SandboxResponse.json(200, out);
    }

    SandboxResponse delete(SandboxRequest request) {
        List<String> ids = request.queryParamList("ids");
        if (ids.isEmpty()) {
            return SalesforceErrorBodies.error(400, "MISSING_ARGUMENT", "ids not specified");
        }
        List<WriteOp> ops = ids.stream().map(id -> (WriteOp) new WriteOp.Delete(id)).toList();
        return results(ops, Boolean.parseBoolean(request.queryParam("allOrNone").orElse("false")), false, false);
    }

    private SandboxResponse results(List<WriteOp> ops, boolean allOrNone, boolean withCreated, boolean autoAssign) {
        if (ops.size() > MAX_RECORDS) {
            throw new RequestBodies.BadRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
        }
        List<SaveResult> results = org.save(ops, allOrNone, autoAssign);
        return SandboxResponse.json(200, results.stream().map(r -> r.asCollectionItem(withCreated)).toList());
    }

    /** B.4: {a1, a2, c1, a3} is three chunks; items already refused (no type) do not start one. */
    private static void checkChunks(List<WriteOp> ops) {
        int chunks = 0;
        String previous = null;
        for (WriteOp op : ops) {
            String type = null;
            if (op instanceof WriteOp.Create c) {
                type = c.type();
            } else if (op instanceof WriteOp.Update u) {
                type = u.type() != null ? u.type() : SObjectSchema.typeOfId(u.id()).map(SObjectType::name).orElse(null);
            }
            if (type != null && !type.equalsIgnoreCase(previous)) {
                previous = type;
                if (++chunks > MAX_CHUNKS) {
                    throw new RequestBodies.BadRequest("INVALID_BATCH_OPERATION", TOO_MANY_CHUNKS);
                }
            }
        }
    }

    private static List<JsonNode> records(JsonNode body) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw new RequestBodies.BadRequest("JSON_PARSER_ERROR", "records: expected an array of sObjects");
        }
        List<JsonNode> out = new ArrayList<>();
        records.forEach(out::add);
        if (out.size() > MAX_RECORDS) {
            throw new RequestBodies.BadRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
        }
        return out;
    }

    private static boolean allOrNone(JsonNode body) {
        return body.path("allOrNone").asBoolean(false);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.addAll(Arrays.stream(n.asText().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()));
        return out;
    }
}
