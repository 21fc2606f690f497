package io.baton.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The single-record contact endpoints of A.0: list, read, create, update, archive and merge. */
final class ContactsApi {

    static final int MAX_LIST_LIMIT = 100;

    private final ApiContext ctx;

    ContactsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        String one = ApiContext.CONTACTS + "/{contactId}";
        router.route("GET", ApiContext.CONTACTS, this::list)
                .route("POST", ApiContext.CONTACTS, this::create)
                .route("GET", one, this::read)
                .route("PATCH", one, this::update)
                .route("DELETE", one, this::archive)
                .route("POST", ApiContext.CONTACTS + "/merge", this::merge)
                .route("POST", ApiContext.CONTACTS + "/gdpr-delete", this::gdprDelete);
    }

    /** A.2 list: ordered by id, opaque {@code after}, {@code limit} ≤ 100, no {@code paging} on the last page. */
    private SandboxResponse list(SandboxRequest request) {
        int limit = ApiInputs.intParam(request, "limit", 10, 1, MAX_LIST_LIMIT);
        long after = ApiInputs.decodeCursor(request.queryParam("after"));
        HubSpotStore.Page page = ctx.store().page(ApiInputs.boolParam(request, "archived"), after, limit);
        List<String> props = request.queryParamList("properties");
        List<String> history = request.queryParamList("propertiesWithHistory");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", page.results().stream().map(c -> ctx.json().render(c, props, history)).toList());
        if (page.more()) {
            String cursor = ApiInputs.encodeCursor(page.results().get(page.results().size() - 1).id());
            body.put("paging", Map.of("next", Map.of("after", cursor,
                    "link", "?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
        }
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse read(SandboxRequest request) {
        String idProperty = ApiInputs.idProperty(ctx.catalog(), request.queryParam("idProperty").orElse(null));
        String id = request.pathVar("contactId");
        Optional<ContactSnapshot> found = ApiInputs.boolParam(request, "archived")
                ? ctx.store().archivedContact(id)
                : ctx.store().findBy(idProperty, id);
        ContactSnapshot contact = found.orElseThrow(HubSpotErrorBodies::notFound);
        return SandboxResponse.json(200, ctx.json().render(contact, request.queryParamList("properties"),
                request.queryParamList("propertiesWithHistory")));
    }

    private SandboxResponse create(SandboxRequest request) {
        Map<String, String> props = ApiInputs.properties(ApiInputs.body(request).path("properties"));
        ctx.validator().check(props);
        String email = props.get(PropertyCatalog.EMAIL);
        ctx.injectedFailure(email).ifPresent(code -> {
            throw ApiContext.injected(code, email);
        });
        try {
            ContactSnapshot created = ctx.store().create(props, WriteSource.INTEGRATION);
            return SandboxResponse.json(201, ctx.json().render(created, List.copyOf(props.keySet()), List.of()));
        } catch (DuplicateValueException e) {
            throw ApiContext.duplicate(e);
        }
    }

    private SandboxResponse update(SandboxRequest request) {
        String idProperty = ApiInputs.idProperty(ctx.catalog(), request.queryParam("idProperty").orElse(null));
        String id = request.pathVar("contactId");
        Map<String, String> props = ApiInputs.properties(ApiInputs.body(request).path("properties"));
        ctx.validator().check(props);
        ContactSnapshot existing = ctx.store().findBy(idProperty, id).orElseThrow(HubSpotErrorBodies::notFound);
        ctx.injectedFailure(id, existing.id(), existing.property(PropertyCatalog.EMAIL)).ifPresent(code -> {
            throw ApiContext.injected(code, id);
        });
        try {
            ContactSnapshot updated = ctx.store().update(existing.id(), props, WriteSource.INTEGRATION)
                    .orElseThrow(HubSpotErrorBodies::notFound);
            return SandboxResponse.json(200, ctx.json().render(updated, List.copyOf(props.keySet()), List.of()));
        } catch (DuplicateValueException e) {
            throw ApiContext.duplicate(e);
        }
    }

    /** A.4: 204 whether or not the record existed. */
    private SandboxResponse archive(SandboxRequest request) {
        ctx.store().archive(request.pathVar("contactId"));
        return SandboxResponse.empty(204);
    }

    /** A.0: {@code {"objectId":..,"idProperty":"email"?}} → 204, the record is gone for good. */
    private SandboxResponse gdprDelete(SandboxRequest request) {
        JsonNode body = ApiInputs.body(request);
        String idProperty = ApiInputs.idProperty(ctx.catalog(), body.path("idProperty").asText(null));
        if (!ctx.store().purge(idProperty, body.path("objectId").asText(""))) {
            throw HubSpotErrorBodies.notFound();
        }
        return SandboxResponse.empty(204);
    }

    /** A.4 {@code PublicMergeInput}: the survivor keeps {@code primaryObjectId}. */
    private SandboxResponse merge(SandboxRequest request) {
        JsonNode body = ApiInputs.body(request);
        String primary = body.path("primaryObjectId").asText("");
        String merged = body.path("objectIdToMerge").asText("");
        if (primary.isBlank() || merged.isBlank()) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot build PublicMergeInput,"
                    + " some of required attributes are not set [primaryObjectId, objectIdToMerge]");
        }
        try {
            ContactSnapshot survivor = ctx.store().merge(primary, merged);
            return SandboxResponse.json(200, ctx.json().render(survivor,
                    List.of(PropertyCatalog.EMAIL, PropertyCatalog.FIRSTNAME, PropertyCatalog.LASTNAME,
                            PropertyCatalog.MERGED_IDS), List.of()));
        } catch (NoSuchElementException e) {
            throw HubSpotErrorBodies.notFound();
        } catch (IllegalArgumentException e) {
            throw HubSpotErrorBodies.validation("Cannot merge contact " + primary + " with itself");
        }
    }
}
