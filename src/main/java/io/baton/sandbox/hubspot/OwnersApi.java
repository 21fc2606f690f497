package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /crm/v3/owners} and {@code /crm/v3/owners/{ownerId}}, shaped like HubSpot's owners guide:
 * {@code id} (the value for {@code hubspot_owner_id}), {@code userId}, names, dates; paged with
 * {@code limit} (default 100, at most 500) and {@code after}; {@code email} filters.
 */
final class OwnersApi {

    static final String PATH = "/crm/v3/owners";

    private final ApiContext ctx;

    OwnersApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.route("GET", PATH, this::list)
                .route("GET", PATH + "/{ownerId}", this::read);
    }

    private SandboxResponse list(SandboxRequest request) {
        int limit = ApiInputs.intParam(request, "limit", 100, 1, 500);
        long after = ApiInputs.decodeCursor(request.queryParam("after"));
        String email = request.queryParam("email").orElse("").trim();
        // The sandbox's owners are all active: archived=true lists none.
        List<HubSpotStore.Owner> matching = ApiInputs.boolParam(request, "archived") ? List.of()
                : ctx.store().owners().stream()
                        .filter(o -> Long.parseLong(o.id()) > after)
                        .filter(o -> email.isEmpty() || o.email().equalsIgnoreCase(email))
                        .toList();
        List<HubSpotStore.Owner> page = matching.subList(0, Math.min(limit, matching.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", page.stream().map(OwnersApi::render).toList());
        if (matching.size() > page.size()) {
            String cursor = ApiInputs.encodeCursor(page.get(page.size() - 1).id());
            body.put("paging", Map.of("next", Map.of("after", cursor,
                    "link", "?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
        }
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse read(SandboxRequest request) {
        HubSpotStore.Owner owner = ctx.store().owner(request.pathVar("ownerId")).orElseThrow(HubSpotErrorBodies::notFound);
        return SandboxResponse.json(200, render(owner));
    }

    static Map<String, Object> render(HubSpotStore.Owner o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("email", o.email());
        m.put("type", "PERSON");
        m.put("firstName", o.firstName());
        m.put("lastName", o.lastName());
        m.put("userId", o.userId());
        m.put("userIdIncludingInactive", o.userId());
        m.put("createdAt", HubSpotTime.format(o.createdAt()));
        m.put("updatedAt", HubSpotTime.format(o.createdAt()));
        m.put("archived", false);
        return m;
    }
}
