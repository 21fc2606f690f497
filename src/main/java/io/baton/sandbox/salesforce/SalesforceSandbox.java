package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.http.SandboxService;
import io.baton.sandbox.limits.DailyBudget;
import io.baton.sandbox.salesforce.soql.SoqlEvaluator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The simulated Salesforce REST API v60.0 (API-REFERENCE B, checklist E): OAuth token endpoint,
 * SOQL query/queryAll/queryMore, sObject CRUD and upsert, sObject Collections and limits, shaped so
 * that both the documented wire format and the camel-salesforce component (C) are satisfied. Every
 * {@code /services/data/v60.0/**} call needs a live Bearer token, spends one request of the daily
 * budget (except {@code /limits}, B.6) and answers with {@code Sforce-Limit-Info}.
 */
public final class SalesforceSandbox implements SandboxService {

    public static final String API_VERSION = "60.0";
    private static final String API = WireRecords.API;

    private final SalesforceSandboxSettings settings;
    private final SalesforceOrg org;
    private final SessionStore sessions;
    private final DailyBudget budget;
    private final LimitsEndpoint limits;
    private final CollectionsEndpoint collections;
    private final Router router = new Router();
    private volatile String baseUrl = "http://127.0.0.1";

    public SalesforceSandbox(SalesforceSandboxSettings settings, SandboxClock clock, Faults faults) {
        this.settings = settings;
        this.org = new SalesforceOrg(clock, faults, settings.username());
        this.sessions = new SessionStore(clock, settings.tokenLifetime(), org.orgId());
        this.budget = new DailyBudget(settings.dailyApiRequests());
        this.limits = new LimitsEndpoint(budget);
        this.collections = new CollectionsEndpoint(org);
        OAuthEndpoint oauth = new OAuthEndpoint(settings, sessions, org, () -> baseUrl);
        QueryEndpoint query = new QueryEndpoint(org,
                new SoqlEvaluator(clock, id -> org.find(id).map(SObjectRecord::fields).orElse(null)), new QueryLocators(clock),
                settings.queryBatchSize());
        SObjectEndpoint sobjects = new SObjectEndpoint(org);
        ReplicationEndpoint replication = new ReplicationEndpoint(org, clock);

        router.route("POST", "/services/oauth2/token", oauth::token)
                .route("POST", "/services/oauth2/revoke", oauth::revoke)
                .route("GET", "/services/oauth2/revoke", oauth::revoke)
                .route("GET", "/services/data", r -> LimitsEndpoint.versions(API_VERSION));
        api("GET", "", r -> LimitsEndpoint.resources());
        // B.6: reading the limits does not spend the allowance it reports.
        router.route("GET", API + "/limits", r -> authorized(r, false, x -> limits.limits()));
        api("GET", "/query", r -> query.query(r, false));
        api("GET", "/query/{locator}", r -> query.more(r, r.pathVar("locator")));
        api("GET", "/queryAll", r -> query.query(r, true));
        api("GET", "/queryAll/{locator}", r -> query.more(r, r.pathVar("locator")));
        api("GET", "/sobjects", r -> sobjects.describeGlobal());
        api("GET", "/sobjects/{type}", typed((r, t) -> SandboxResponse.json(200, Map.of("objectDescribe",
                Map.of("name", t.name(), "keyPrefix", t.keyPrefix()), "recentItems", List.of()))));
        api("POST", "/sobjects/{type}", typed(sobjects::create));
        api("GET", "/sobjects/{type}/describe", typed((r, t) -> sobjects.describe(t)));
        api("GET", "/sobjects/{type}/updated", typed(replication::updated));
        api("GET", "/sobjects/{type}/deleted", typed(replication::deleted));
        api("GET", "/sobjects/{type}/{id}", typed((r, t) -> sobjects.get(r, t, r.pathVar("id"))));
        api("PATCH", "/sobjects/{type}/{id}", typed((r, t) -> sobjects.update(r, t, r.pathVar("id"))));
        api("DELETE", "/sobjects/{type}/{id}", typed((r, t) -> sobjects.delete(t, r.pathVar("id"))));
        api("GET", "/sobjects/{type}/{field}/{value}",
                typed((r, t) -> sobjects.getByExternalId(r, t, r.pathVar("field"), r.pathVar("value"))));
        api("PATCH", "/sobjects/{type}/{field}/{value}",
                typed((r, t) -> sobjects.upsert(r, t, r.pathVar("field"), r.pathVar("value"))));
        api("POST", "/composite/sobjects", collections::create);
        api("PATCH", "/composite/sobjects", collections::update);
        api("DELETE", "/composite/sobjects", collections::delete);
        api("GET", "/composite/sobjects/{type}", typed(collections::retrieve));
        // camel-salesforce retrieves with POST {ids, fields} (its DefaultCompositeSObjectCollectionsApiClient).
        api("POST", "/composite/sobjects/{type}", typed(collections::retrieve));
        api("PATCH", "/composite/sobjects/{type}/{field}", typed((r, t) -> collections.upsert(r, t, r.pathVar("field"))));
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public SalesforceOrg org() {
        return org;
    }

    public SalesforceSandboxSettings settings() {
        return settings;
    }

    /** Test hook, the "token expiry" fault: every issued token is invalid from now on (401 INVALID_SESSION_ID). */
    public void expireSessions() {
        sessions.expireAll();
    }

    public DailyBudget budget() {
        return budget;
    }

    /** Test hook, the "daily budget exhausted" fault: further counted calls are 403 REQUEST_LIMIT_EXCEEDED. */
    public void exhaustBudget() {
        budget.exhaust();
    }

    /** A new day: the DailyApiRequests allowance is full again. */
    public void resetBudget() {
        budget.reset(budget.max());
    }

    public void resetBudget(long newMax) {
        budget.reset(newMax);
    }

    /** B.4: DUPLICATE_VALUE (default) or e.g. DUPLICATE_EXTERNAL_ID for one external id twice in a request. */
    public void setInRequestDuplicateExternalIdCode(String code) {
        collections.setInRequestDuplicateCode(code);
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public SandboxResponse serve(SandboxRequest request) {
        Optional<Router.Match> match = router.match(request);
        if (match.isEmpty()) {
            SandboxResponse refused = router.knowsPath(request.path())
                    ? SalesforceErrorBodies.methodNotAllowed(request.method()) : SalesforceErrorBodies.notFound();
            // B intro: every REST response under /services/data/vXX.X carries Sforce-Limit-Info, errors too.
            return request.path().startsWith(API) ? withLimitInfo(refused) : refused;
        }
        try {
            return match.get().route().handler().handle(match.get().request());
        } catch (RequestBodies.BadRequest e) {
            return SalesforceErrorBodies.error(400, e.errorCode, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SandboxResponse serverError(int status) {
        return SalesforceErrorBodies.serverError(status);
    }

    /**
     * Salesforce has no 429: an injected rate-limit storm looks like the spent daily allowance (B.5/B.6),
     * header included (B intro). The storm is decided before routing, so this answer cannot tell the
     * token endpoint or {@code /services/data/} apart and carries the header there too.
     */
    @Override
    public Optional<SandboxResponse> injectedRateLimit() {
        return Optional.of(withLimitInfo(SalesforceErrorBodies.requestLimitExceeded()));
    }

    /**
     * A revoked connected app or user: the token endpoint refuses to log in (B.1 {@code invalid_grant})
     * and every issued session is dead (B.5 {@code INVALID_SESSION_ID}).
     */
    @Override
    public SandboxResponse credentialsRevoked(SandboxRequest request) {
        return request.path().startsWith("/services/oauth2/")
                ? SalesforceErrorBodies.oauthError("invalid_grant", "authentication failure")
                : withLimitInfo(SalesforceErrorBodies.invalidSession());
    }

    @Override
    public String endpointOf(SandboxRequest request) {
        return router.match(request).map(m -> m.route().endpoint()).orElse(request.method() + " " + request.path());
    }

    private void api(String method, String template, Router.Handler handler) {
        router.route(method, API + template, r -> authorized(r, true, handler));
    }

    private SandboxResponse authorized(SandboxRequest request, boolean counted, Router.Handler handler) throws Exception {
        // B intro: "every REST response (except /services/data/)" carries Sforce-Limit-Info; B.5 makes no
        // exception for the 401 or the 403 REQUEST_LIMIT_EXCEEDED, so neither does the sandbox.
        if (!hasLiveToken(request)) {
            return withLimitInfo(SalesforceErrorBodies.invalidSession());
        }
        if (counted && !budget.trySpend()) {
            return withLimitInfo(SalesforceErrorBodies.requestLimitExceeded());
        }
        SandboxResponse response;
        try {
            response = handler.handle(request);
        } catch (RequestBodies.BadRequest e) {
            response = SalesforceErrorBodies.error(400, e.errorCode, e.getMessage());
        }
        return withLimitInfo(response);
    }

    private SandboxResponse withLimitInfo(SandboxResponse response) {
        return response.withHeader("Sforce-Limit-Info", limits.limitInfo());
    }

    /** Accepts "Bearer" and camel-salesforce's "OAuth" prefix; a retried request may carry several headers. */
    private boolean hasLiveToken(SandboxRequest request) {
        return request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                .flatMap(e -> e.getValue().stream())
                .map(v -> v.replaceFirst("(?i)^(Bearer|OAuth)\\s+", "").trim())
                .anyMatch(token -> sessions.validate(token).isPresent());
    }

    private Router.Handler typed(BiFunction<SandboxRequest, SObjectType, SandboxResponse> handler) {
        return r -> SObjectSchema.type(r.pathVar("type").toLowerCase(Locale.ROOT))
                .map(t -> handler.apply(r, t))
                .orElseGet(SalesforceErrorBodies::notFound);
    }
}
