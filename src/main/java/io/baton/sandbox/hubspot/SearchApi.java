package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /crm/v3/objects/contacts/search} (A.2): never archived records, {@code total} is the
 * full match count even past 10,000, {@code after} is a numeric offset, and no page reaches past
 * the 10,000th result — the next cursor then says "10000", which answers 400.
 */
final class SearchApi {

    static final String PATH = ApiContext.CONTACTS + "/search";
    static final String ENDPOINT = "POST " + PATH;

    private final ApiContext ctx;

    SearchApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.route("POST", PATH, this::search);
    }

    private SandboxResponse search(SandboxRequest request) {
        SearchQuery query = SearchQuery.parse(ApiInputs.body(request), ctx.catalog());
        // A.2 eventual consistency: writes newer than the index lag are not searchable yet.
        Instant visibleUpTo = ctx.clock().instant().minus(ctx.settings().searchIndexLag());
        int limit = Math.min(query.limit(), SearchQuery.MAX_RESULTS - query.offset());
        HubSpotStore.SearchPage page = ctx.store().search(query::matches, query.order(), visibleUpTo,
                query.offset(), limit);
        List<String> props = query.properties();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("results", page.results().stream().map(c -> ctx.json().render(c, props, List.of())).toList());
        long next = (long) query.offset() + page.results().size();
        if (!page.results().isEmpty() && next < page.total()) {
            body.put("paging", Map.of("next", Map.of("after", Long.toString(next))));
        }
        return SandboxResponse.json(200, body);
    }
}
