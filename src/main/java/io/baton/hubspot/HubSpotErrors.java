package io.baton.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.Side;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides, in one place, what each HubSpot failure means (API-REFERENCE.md A.6, A.7): which are
 * retried, which need a new token, which condemn one record, which stop the service.
 */
final class HubSpotErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubSpotErrors() {
    }

    /**
     * Whether a 4xx of this call can be one record's fault: only writes carry records. A 400 on a
     * search or read means Baton asked wrongly (an unknown property, a bad filter), which no
     * dead-letter entry would fix.
     */
    static boolean isRecordCall(String method, String pathAndQuery) {
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        return "POST".equals(method) && (path.endsWith("/batch/update") || path.endsWith("/batch/upsert")
                || path.endsWith("/batch/create") || path.endsWith("/batch/archive"));
    }

    static CrmException fromResponse(int status, String body, Optional<String> retryAfterHeader, boolean recordCall) {
        JsonNode error = parse(body);
        String category = text(error, "category").orElse("");
        String policy = text(error, "policyName").orElse("");
        String message = "HubSpot answered " + status
                + (category.isEmpty() ? "" : " " + category)
                + text(error, "message").map(m -> ": " + m).orElse("");
        return switch (status) {
            case 429 -> new CrmException(Side.HUBSPOT, Kind.RETRIABLE, policy.isEmpty() ? "RATE_LIMIT" : policy, message,
                    retryAfterHeader.map(HubSpotErrors::seconds).orElse(backOffFor(policy)), null);
            case 401 -> new CrmException(Side.HUBSPOT, Kind.AUTH, category, message);
            case 403 -> new CrmException(Side.HUBSPOT, Kind.FATAL, category, message);
            case 423 -> new CrmException(Side.HUBSPOT, Kind.RETRIABLE, "LOCKED", message, Duration.ofSeconds(2), null);
            default -> status >= 500
                    ? new CrmException(Side.HUBSPOT, Kind.RETRIABLE, category.isEmpty() ? "HTTP_" + status : category, message,
                            retryAfterHeader.map(HubSpotErrors::seconds).orElse(null), null)
                    : new CrmException(Side.HUBSPOT, recordCall ? Kind.RECORD : Kind.FATAL,
                            category.isEmpty() ? "HTTP_" + status : category, message);
        };
    }

    /** A 2xx whose body is not JSON: HubSpot was reached, but its answer was cut short or replaced on the way. */
    static CrmException malformed(int status, String contentType, int length) {
        return new CrmException(Side.HUBSPOT, Kind.RETRIABLE, "MALFORMED_RESPONSE", "HubSpot answered " + status
                + " with a body that is not valid JSON (" + contentType + ", " + length + " characters)");
    }

    static CrmException fromIo(IOException e) {
        return new CrmException(Side.HUBSPOT, Kind.RETRIABLE, "IO",
                "HubSpot could not be reached: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), null, e);
    }

    /** The HubSpot SDKs' own back-off per policy: 10 s for the burst window, 1 s for search. */
    private static Duration backOffFor(String policy) {
        return switch (policy) {
            case "TEN_SECONDLY_ROLLING" -> Duration.ofSeconds(10);
            case "SECONDLY" -> Duration.ofSeconds(1);
            case "DAILY" -> Duration.ofHours(1);
            default -> Duration.ofSeconds(1);
        };
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
