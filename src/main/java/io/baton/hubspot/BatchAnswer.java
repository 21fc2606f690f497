package io.baton.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch endpoint's 200 or 207 answer (API-REFERENCE A.3): the records written, in no particular
 * order, and the per-item errors, each naming the input ids it concerns.
 */
record BatchAnswer(List<Written> results, List<ItemError> errors) {

    /** One record HubSpot wrote; {@code created} is upsert's {@code new}. */
    record Written(String id, boolean created, Map<String, String> properties) {
    }

    /** One per-item error: its category (e.g. OBJECT_NOT_FOUND, CONFLICT) and the input ids it names. */
    record ItemError(String category, String message, List<String> ids) {
    }

    static BatchAnswer parse(JsonNode body) {
        List<Written> results = new ArrayList<>();
        for (JsonNode r : body.path("results")) {
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            r.path("properties").fields().forEachRemaining(p -> {
                if (!p.getValue().isNull()) {
                    properties.put(p.getKey(), p.getValue().asText());
                }
            });
            results.add(new Written(r.path("id").asText(), r.path("new").asBoolean(false), properties));
        }
        List<ItemError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors")) {
            List<String> ids = new ArrayList<>();
            e.path("context").path("ids").forEach(id -> ids.add(id.asText()));
            errors.add(new ItemError(e.path("category").asText("ERROR"), e.path("message").asText(""), ids));
        }
        return new BatchAnswer(results, errors);
    }
}
