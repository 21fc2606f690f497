package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.limits.DailyBudget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /account-info/v3/api-usage/daily/private-apps} (A.7): today's allowance and usage. */
final class AccountInfoApi {

    static final String PATH = "/account-info/v3/api-usage/daily/private-apps";

    private final ApiContext ctx;
    private final DailyBudget daily;

    AccountInfoApi(ApiContext ctx, DailyBudget daily) {
        this.ctx = ctx;
        this.daily = daily;
    }

    void register(Router router) {
        router.route("GET", PATH, this::usage);
    }

    private SandboxResponse usage(SandboxRequest request) {
        Instant now = ctx.clock().instant();
        // The portal's time zone is UTC, so the daily limit resets at UTC midnight.
        Instant resetsAt = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "private-apps-api-calls-daily");
        item.put("usageLimit", daily.max());
        item.put("currentUsage", daily.used());
        item.put("collectedAt", HubSpotTime.format(now));
        item.put("fetchStatus", "SUCCESS");
        item.put("resetsAt", HubSpotTime.format(resetsAt));
        return SandboxResponse.json(200, Map.of("results", List.of(item)));
    }
}
