package io.baton.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The batch contact endpoints (A.3): at most 100 inputs; invalid properties or options fail the whole
 * call with 400 before anything is written; a duplicate email in create is a whole-call 409; missing
 * records, conflicts and injected record failures are per-item errors of a 207.
 */
final class BatchApi {

    static final int MAX_INPUTS = 100;

    private final ApiContext ctx;

    BatchApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        String base = ApiContext.CONTACTS + "/batch/";
        router.route("POST", base + "read", this::read)
                .route("POST", base + "create", this::create)
                .route("POST", base + "update", this::update)
                .route("POST", base + "upsert", this::upsert)
                .route("POST", base + "archive", this::archive);
    }

    private SandboxResponse read(SandboxRequest request) {
        JsonNode body = ApiInputs.body(request);
        List<JsonNode> inputs = inputs(body);
        String idProperty = ApiInputs.idProperty(ctx.catalog(), body.path("idProperty").asText(null));
        boolean archived = ApiInputs.boolParam(request, "archived");
        List<String> props = ApiInputs.strings(body.path("properties"));
        List<String> history = ApiInputs.strings(body.path("propertiesWithHistory"));
        BatchResult result = ctx.newBatch();
        for (JsonNode input : inputs) {
            String id = input.path("id").asText("");
            Optional<ContactSnapshot> found = archived ? ctx.store().archivedContact(id) : ctx.store().findBy(idProperty, id);
            found.ifPresentOrElse(c -> result.add(ctx.json().render(c, props, history)), () -> result.notFound(id));
        }
        return result.respond(200, ctx.clock().instant());
    }

    private SandboxResponse create(SandboxRequest request) {
        List<JsonNode> inputs = inputs(ApiInputs.body(request));
        List<Map<String, String>> all = new ArrayList<>();
        List<PropertyIssue> issues = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (JsonNode input : inputs) {
            Map<String, String> props = ApiInputs.properties(input.path("properties"));
            issues.addAll(ctx.validator().issues(props));
            String email = props.get(PropertyCatalog.EMAIL);
            if (email != null && !email.isBlank() && !emails.add(ContactIndexes.normaliseEmail(email))) {
                throw HubSpotErrorBodies.validation("Duplicate emails found in batch input: [" + email + "]");
            }
            all.add(props);
        }
        if (!issues.isEmpty()) {
            throw HubSpotErrorBodies.invalidProperties(issues);
        }
        BatchResult result = ctx.newBatch();
        ctx.store().locked(() -> {
            for (Map<String, String> props : all) {
                // A.3: an email already in the portal fails the whole call, before anything is created.
                ctx.store().findBy(PropertyCatalog.EMAIL, props.get(PropertyCatalog.EMAIL)).ifPresent(existing -> {
                    throw HubSpotErrorBodies.conflict(existing.id());
                });
            }
            for (Map<String, String> props : all) {
                String email = props.get(PropertyCatalog.EMAIL);
                Optional<String> failure = ctx.injectedFailure(email);
                if (failure.isPresent()) {
                    result.error(failure.get(), ApiContext.injectedMessage(failure.get(), email), email);
                    continue;
                }
                try {
                    result.add(ctx.json().render(ctx.store().create(props, WriteSource.INTEGRATION),
                            List.copyOf(props.keySet()), List.of()));
                } catch (DuplicateValueException e) {
                    result.error("CONFLICT", "Contact already exists. Existing ID: " + e.existingId(), email);
                }
            }
            return null;
        });
        return result.respond(201, ctx.clock().instant());
    }

    private SandboxResponse update(SandboxRequest request) {
        List<JsonNode> inputs = inputs(ApiInputs.body(request));
        checkInputs(inputs, PropertyCatalog.OBJECT_ID);
        BatchResult result = ctx.newBatch();
        for (JsonNode input : inputs) {
            String id = input.path("id").asText("");
            String idProperty = ApiInputs.idProperty(ctx.catalog(), input.path("idProperty").asText(null));
            Map<String, String> props = ApiInputs.properties(input.path("properties"));
            if (PropertyCatalog.OBJECT_ID.equals(idProperty) && ctx.store().isMergedAway(id)) {
                continue;  // A.3: a merged-away record is silently missing from the results
            }
            Optional<ContactSnapshot> target = ctx.store().findBy(idProperty, id);
            if (target.isEmpty()) {
                result.notFound(id);
                continue;
            }
            Optional<String> failure = ctx.injectedFailure(id, target.get().property(PropertyCatalog.EMAIL));
            if (failure.isPresent()) {
                result.error(failure.get(), ApiContext.injectedMessage(failure.get(), id), id);
                continue;
            }
            try {
                ctx.store().update(target.get().id(), props, WriteSource.INTEGRATION).ifPresentOrElse(
                        c -> result.add(ctx.json().render(c, List.copyOf(props.keySet()), List.of())),
                        () -> result.notFound(id));
            } catch (DuplicateValueException e) {
                result.error("CONFLICT", "Contact already exists. Existing ID: " + e.existingId(), id);
            }
        }
        return result.respond(200, ctx.clock().instant());
    }

    private SandboxResponse upsert(SandboxRequest request) {
        List<JsonNode> inputs = inputs(ApiInputs.body(request));
        checkInputs(inputs, PropertyCatalog.EMAIL);
        BatchResult result = ctx.newBatch();
        for (JsonNode input : inputs) {
            String id = input.path("id").asText("");
            String idProperty = ApiInputs.idProperty(ctx.catalog(), input.path("idProperty").asText(PropertyCatalog.EMAIL));
            Map<String, String> props = ApiInputs.properties(input.path("properties"));
            Optional<String> failure = ctx.injectedFailure(id, props.get(PropertyCatalog.EMAIL));
            if (failure.isPresent()) {
                result.error(failure.get(), ApiContext.injectedMessage(failure.get(), id), id);
                continue;
            }
            try {
                HubSpotStore.UpsertOutcome outcome = ctx.store().upsert(idProperty, id, props, WriteSource.INTEGRATION);
                List<String> shown = new ArrayList<>(props.keySet());
                shown.add(idProperty);  // A.3 example: the email comes back on every upsert result
                result.add(ctx.json().renderUpsert(outcome.contact(), outcome.created(), shown));
            } catch (DuplicateValueException e) {
                result.error("CONFLICT", "Contact already exists. Existing ID: " + e.existingId(), id);
            } catch (java.util.NoSuchElementException e) {
                result.notFound(id);  // upsert by hs_object_id cannot create
            }
        }
        return result.respond(200, ctx.clock().instant());
    }

    /** A.3: 204 even for ids that do not exist. */
    private SandboxResponse archive(SandboxRequest request) {
        for (JsonNode input : inputs(ApiInputs.body(request))) {
            ctx.store().archive(input.path("id").asText(""));
        }
        return SandboxResponse.empty(204);
    }

    /** Whole-call checks of update and upsert inputs: unique ids, valid id properties, values and emails. */
    private void checkInputs(List<JsonNode> inputs, String defaultIdProperty) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<PropertyIssue> issues = new ArrayList<>();
        for (JsonNode input : inputs) {
            String id = input.path("id").asText("");
            String idProperty = ApiInputs.idProperty(ctx.catalog(), input.path("idProperty").asText(defaultIdProperty));
            if (!ids.add(PropertyCatalog.EMAIL.equals(idProperty) ? ContactIndexes.normaliseEmail(id) : id)) {
                duplicates.add(id);
            }
            if (PropertyCatalog.EMAIL.equals(idProperty)) {
                ctx.validator().checkEmail(id);
            }
            issues.addAll(ctx.validator().issues(ApiInputs.properties(input.path("properties"))));
        }
        if (!duplicates.isEmpty()) {
            throw HubSpotErrorBodies.validation("Duplicate IDs found in batch input: " + duplicates + ". IDs must be unique");
        }
        if (!issues.isEmpty()) {
            throw HubSpotErrorBodies.invalidProperties(issues);
        }
    }

    private static List<JsonNode> inputs(JsonNode body) {
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray()) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: inputs must be an array");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw HubSpotErrorBodies.validation("Too many inputs: " + inputs.size() + ". The maximum number of inputs"
                    + " per batch request is " + MAX_INPUTS + ".");
        }
        List<JsonNode> out = new ArrayList<>();
        inputs.forEach(out::add);
        return out;
    }
}
