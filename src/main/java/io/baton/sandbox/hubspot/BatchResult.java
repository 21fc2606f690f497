package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.SandboxResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Collects one batch call's results and per-item errors, then answers as A.3 says: the success status
 * with {@code BatchResponseSimplePublicObject}, or 207 with {@code errors[]} and {@code numErrors}.
 * Results are "not guaranteed in input order" (A.3), so they are shuffled unless {@code order} is null.
 */
final class BatchResult {

    static final String NOT_FOUND_MESSAGE =
            "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.";

    private final Instant requestedAt;
    private final Instant startedAt;
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final List<String> notFound = new ArrayList<>();
    private final Random order;

    /** {@code order}: the seeded shuffle, or null to keep input order. */
    BatchResult(Instant requestedAt, Random order) {
        this.requestedAt = requestedAt;
        this.startedAt = requestedAt;
        this.order = order;
    }

    void add(Map<String, Object> result) {
        results.add(result);
    }

    /** Missing ids are reported together in one OBJECT_NOT_FOUND error (A.3 example). */
    void notFound(String id) {
        notFound.add(id);
    }

    void error(String category, String message, String id) {
        errors.add(HubSpotErrorBodies.standardError(category, message, List.of(id)));
    }

    SandboxResponse respond(int successStatus, Instant completedAt) {
        List<Map<String, Object>> all = new ArrayList<>(errors);
        if (!notFound.isEmpty()) {
            all.add(0, HubSpotErrorBodies.standardError("OBJECT_NOT_FOUND", NOT_FOUND_MESSAGE, List.copyOf(notFound)));
        }
        List<Map<String, Object>> shown = new ArrayList<>(results);
        if (order != null) {
            // A.3: clients must match results by id/email; a shuffle makes code relying on order fail in tests.
            Collections.shuffle(shown, order);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", shown);
        if (!all.isEmpty()) {
            body.put("numErrors", all.size());
            body.put("errors", all);
        }
        body.put("requestedAt", HubSpotTime.format(requestedAt));
        body.put("startedAt", HubSpotTime.format(startedAt));
        body.put("completedAt", HubSpotTime.format(completedAt));
        return SandboxResponse.json(all.isEmpty() ? successStatus : 207, body);
    }
}
