package io.baton.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.http.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads HubSpot request inputs, turning every malformed one into HubSpot's 400 (A.6). */
final class ApiInputs {

    private ApiInputs() {
    }

    static JsonNode body(SandboxRequest request) {
        try {
            return SandboxJson.read(request.body());
        } catch (SandboxJson.MalformedJsonException e) {
            // HubSpot's own wording for unparsable bodies (seen in SDK issue threads).
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: " + e.getMessage());
        }
    }

    /** Property values all travel as strings (A intro); numbers and booleans are accepted and stringified. */
    static Map<String, String> properties(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw HubSpotErrorBodies.validation("Invalid input JSON: properties must be an object");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** An integer query parameter within {@code [min, max]}, or the default. */
    static int intParam(SandboxRequest request, String name, int defaultValue, int min, int max) {
        Optional<String> raw = request.queryParam(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return defaultValue;
        }
        return checkedInt(name, raw.get(), min, max);
    }

    static int checkedInt(String name, String raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw HubSpotErrorBodies.validation("Invalid input: " + name + " must be an integer, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw HubSpotErrorBodies.validation("Invalid input: " + name + " must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }

    static boolean boolParam(SandboxRequest request, String name) {
        return request.queryParam(name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /** A.2: list cursors are opaque; ours is the base64 of the last id served. */
    static String encodeCursor(String lastId) {
        return Base64.getEncoder().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(Optional<String> after) {
        if (after.isEmpty() || after.get().isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getDecoder().decode(after.get().trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw HubSpotErrorBodies.validation("Invalid input: after '" + after.get() + "' is not a valid paging cursor");
        }
    }

    /** An {@code idProperty} must be the object id or a unique-value property. */
    static String idProperty(PropertyCatalog catalog, String idProperty) {
        if (idProperty == null || idProperty.isBlank()) {
            return PropertyCatalog.OBJECT_ID;
        }
        if (!catalog.isIdProperty(idProperty)) {
            throw HubSpotErrorBodies.validation("Invalid idProperty: " + idProperty
                    + " is not a unique property of CONTACT objects");
        }
        return idProperty;
    }
}
