package io.baton.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.http.SandboxRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JSON request bodies into raw field maps; a body that is not a JSON object is a 400 JSON_PARSER_ERROR. */
final class RequestBodies {

    /** Thrown for a malformed body; the sandbox answers it with {@link SalesforceErrorBodies#badJson}. */
    static final class BadRequest extends RuntimeException {
        final String errorCode;

        BadRequest(String errorCode, String message) {
            super(message, null, false, false);
            this.errorCode = errorCode;
        }
    }

    private RequestBodies() {
    }

    static JsonNode json(SandboxRequest request) {
        try {
            return SandboxJson.read(request.body());
        } catch (SandboxJson.MalformedJsonException e) {
            throw new BadRequest("JSON_PARSER_ERROR", "Unexpected character in request body: " + e.getMessage());
        }
    }

    static JsonNode object(SandboxRequest request) {
        JsonNode node = json(request);
        if (!node.isObject()) {
            throw new BadRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from " + node.getNodeType());
        }
        return node;
    }

    /** The fields of one record object, {@code attributes} left out; values as plain Java values. */
    static Map<String, Object> fields(JsonNode record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("attributes")) {
                out.put(e.getKey(), FieldValues.fromJson(e.getValue()));
            }
        });
        return out;
    }

    /** {@code attributes.type} of a collections record, or null. */
    static String typeOf(JsonNode record) {
        JsonNode t = record.path("attributes").path("type");
        return t.isTextual() ? t.textValue() : null;
    }
}
