package io.baton.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sync.RecordResync;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/records/resync} (DESIGN §3) with {@code {"hubspotIds":[..],"salesforceIds":[..],
 * "emails":[..]}}: syncs those records now, outside the change streams, and answers per record
 * synced, failed (with why), not found or skipped. Up to {@value #MAX_RECORDS} records a call.
 */
@RestController
class RecordsController {

    static final int MAX_RECORDS = 200;
    private static final List<String> FIELDS = List.of("hubspotIds", "salesforceIds", "emails");

    private final RecordResync resync;

    RecordsController(RecordResync resync) {
        this.resync = resync;
    }

    @Operation(summary = "Sync chosen records now, by HubSpot id, Salesforce id or email (up to 200)")
    @PostMapping("/api/records/resync")
    Map<String, Object> resync(@RequestBody(required = false) JsonNode body) {
        JsonBodies.requireObjectOf(body, FIELDS);
        List<String> hubspotIds = strings(body, "hubspotIds");
        List<String> salesforceIds = strings(body, "salesforceIds");
        List<String> emails = strings(body, "emails");
        int count = hubspotIds.size() + salesforceIds.size() + emails.size();
        if (count == 0) {
            throw JsonBodies.badRequest("give at least one record in " + FIELDS);
        }
        if (count > MAX_RECORDS) {
            throw JsonBodies.badRequest("at most " + MAX_RECORDS + " records a call (were " + count + ")");
        }
        List<Map<String, Object>> records = resync.resync(hubspotIds, salesforceIds, emails).stream()
                .map(RecordsController::outcome).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordResync.Status status : RecordResync.Status.values()) {
            String key = status.name().toLowerCase(Locale.ROOT);
            out.put(key, records.stream().filter(r -> key.equals(r.get("outcome"))).count());
        }
        out.put("records", records);
        return out;
    }

    static Map<String, Object> outcome(RecordResync.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", o.requested());
        m.put("system", o.record().map(r -> r.side().name()).orElse(null));
        m.put("recordType", o.record().map(r -> r.type()).orElse(null));
        m.put("recordId", o.record().map(r -> r.id()).orElse(null));
        m.put("outcome", o.status().name().toLowerCase(Locale.ROOT));
        m.put("reason", o.reason().orElse(null));
        return m;
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw JsonBodies.badRequest(field + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw JsonBodies.badRequest(field + "[" + i + "]: must be a non-empty string (was " + item + ")");
            }
            out.add(item.textValue().trim());
        }
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }
}
