package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.limits.DailyBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /limits} (B.6): a map of {@code {Max, Remaining}}, DailyApiRequests mirroring the
 * sandbox's daily budget; and {@code GET /services/data/} (the versions list, no auth needed).
 */
final class LimitsEndpoint {

    private final DailyBudget budget;

    LimitsEndpoint(DailyBudget budget) {
        this.budget = budget;
    }

    SandboxResponse limits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        body.put("DailyApiRequests", limit(budget.max(), budget.remaining()));
        body.put("DailyBulkApiRequests", limit(10_000, 10_000));
        body.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
        body.put("DailyStreamingApiEvents", limit(1_000_000, 1_000_000));
        body.put("DataStorageMB", limit(5, 5));
        body.put("HourlyODataCallout", limit(10_000, 9_999));
        body.put("SingleEmail", limit(15, 15));
        body.put("StreamingApiConcurrentClients", limit(2_000, 2_000));
        return SandboxResponse.json(200, body);
    }

    /** The header every REST answer carries (B intro, B.6): {@code api-usage=used/max}. */
    String limitInfo() {
        return "api-usage=" + budget.used() + "/" + budget.max();
    }

    static SandboxResponse versions(String apiVersion) {
        return SandboxResponse.json(200, List.of(Map.of("label", "Spring '24", "url", "/services/data/v" + apiVersion,
                "version", apiVersion)));
    }

    static SandboxResponse resources() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String r : List.of("sobjects", "query", "queryAll", "limits", "composite")) {
            body.put(r, WireRecords.API + "/" + r);
        }
        return SandboxResponse.json(200, body);
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Max", max);
        m.put("Remaining", Math.min(max, remaining));
        return m;
    }
}
