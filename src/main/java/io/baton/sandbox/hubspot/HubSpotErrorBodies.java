package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.http.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HubSpot's error bodies, built by hand from API-REFERENCE A.3, A.6 and A.7: the {@code Error} shape
 * ({@code status, message, correlationId, category}) for whole-call failures, the {@code StandardError}
 * shape for per-item batch errors, and the rate-limit body with {@code policyName}.
 */
final class HubSpotErrorBodies {

    static final String AUTH_MISSING_MESSAGE = "Authentication credentials not found. This API supports OAuth 2.0"
            + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    private HubSpotErrorBodies() {
    }

    /** The A.6 {@code Error} body. */
    static SandboxResponse error(int status, String category, String message) {
        return SandboxResponse.json(status, errorBody(category, message));
    }

    static Map<String, Object> errorBody(String category, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", category);
        return body;
    }

    static HubSpotApiException validation(String message) {
        return new HubSpotApiException(error(400, "VALIDATION_ERROR", message));
    }

    /** A.4: reading a missing or archived record. */
    static HubSpotApiException notFound() {
        return new HubSpotApiException(error(404, "OBJECT_NOT_FOUND", "resource not found"));
    }

    /** A.3: the 409 integrations parse with {@code Existing ID:\s*(\d+)}. */
    static HubSpotApiException conflict(String existingId) {
        return new HubSpotApiException(error(409, "CONFLICT", "Contact already exists. Existing ID: " + existingId));
    }

    /**
     * A.5/A.6: invalid property values; the message embeds a JSON array of
     * {@code {isValid, message, error, name}} exactly as HubSpot renders it.
     */
    static HubSpotApiException invalidProperties(List<PropertyIssue> issues) {
        List<Map<String, Object>> items = issues.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("isValid", false);
            m.put("message", i.message());
            m.put("error", i.error());
            m.put("name", i.name());
            return m;
        }).toList();
        String json = new String(SandboxJson.write(items), java.nio.charset.StandardCharsets.UTF_8);
        return validation("Property values were not valid: " + json);
    }

    /** A.3 {@code StandardError}, the per-item error of a 207. */
    static Map<String, Object> standardError(String category, String message, List<String> ids) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", "error");
        e.put("category", category);
        e.put("message", message);
        e.put("context", Map.of("ids", ids));
        e.put("links", Map.of());
        e.put("errors", List.of());
        return e;
    }

    /** A.7: 429 body; {@code policyName} tells daily, ten-secondly and (search) secondly apart. */
    static SandboxResponse rateLimited(String policyName, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("policyName", policyName);
        body.put("requestId", UUID.randomUUID().toString());
        return SandboxResponse.json(429, body);
    }

    static SandboxResponse unauthorized(boolean expired) {
        return expired
                ? error(401, "EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired 0 second(s) ago.")
                : error(401, "INVALID_AUTHENTICATION", AUTH_MISSING_MESSAGE);
    }

    /** 5xx answers keep the Error shape so clients can log a correlationId. */
    static SandboxResponse serverError(int status) {
        String message = switch (status) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "internal error";
        };
        return error(status, "INTERNAL_ERROR", message);
    }

    /** HTTP status for an injected per-record failure code used as a whole-call error. */
    static int statusOf(String category) {
        return switch (category) {
            case "CONFLICT" -> 409;
            case "OBJECT_NOT_FOUND" -> 404;
            case "LOCKED" -> 423;
            case "RATE_LIMIT", "RATE_LIMITS" -> 429;
            case "INTERNAL_ERROR" -> 500;
            default -> 400;
        };
    }
}
