package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Salesforce's error bodies: a JSON array of {@code {message, errorCode}} (B.5), and OAuth's {@code {error, error_description}} (B.1). */
public final class SalesforceErrorBodies {

    private SalesforceErrorBodies() {
    }

    public static SandboxResponse error(int status, String errorCode, String message) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("message", message);
        item.put("errorCode", errorCode);
        return SandboxResponse.json(status, List.of(item));
    }

    public static SandboxResponse recordErrors(int status, List<RecordError> errors) {
        return SandboxResponse.json(status, errors.stream().map(RecordError::asRestError).toList());
    }

    /** B.1: expired, revoked or missing token; Camel re-logs in on this 401. */
    public static SandboxResponse invalidSession() {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid").withHeader("WWW-Authenticate", "Token");
    }

    /** B.5/B.6: the daily allowance is spent. */
    public static SandboxResponse requestLimitExceeded() {
        return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    public static SandboxResponse notFound() {
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static SandboxResponse entityDeleted() {
        return error(404, "ENTITY_IS_DELETED", "entity is deleted");
    }

    public static SandboxResponse methodNotAllowed(String method) {
        return error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are GET,PATCH,DELETE");
    }

    public static SandboxResponse badJson(String detail) {
        return error(400, "JSON_PARSER_ERROR", detail == null ? "Invalid JSON" : detail);
    }

    /** 5xx bodies: 503 is the documented SERVER_UNAVAILABLE; others look like the platform's unexpected error. */
    public static SandboxResponse serverError(int status) {
        if (status == 500) {
            return error(500, "UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1)");
        }
        return error(status, "SERVER_UNAVAILABLE", "Server temporarily unavailable, please retry");
    }

    public static SandboxResponse oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return SandboxResponse.json(400, body);
    }
}
