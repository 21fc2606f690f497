package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.Router;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.http.SandboxService;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated HubSpot CRM v3 (API-REFERENCE A, checklist E): bearer auth, contacts with list,
 * search, batch and merge, owners and daily usage, behind HubSpot's rate limits. Requests are
 * answered in this order, as HubSpot's gateway does: authentication, route, rate limits, handler.
 */
public final class HubSpotSandbox implements SandboxService {

    private final HubSpotSandboxSettings settings;
    private final HubSpotStore store;
    private final HubSpotRateLimits limits;
    private final Router router = new Router();
    private volatile boolean tokenExpired;

    public HubSpotSandbox(HubSpotSandboxSettings settings, SandboxClock clock, Faults faults) {
        this.settings = settings;
        this.store = new HubSpotStore(clock);
        store.configure(settings.lifecycleForwardOnly(), settings.searchIndexLag());
        this.limits = new HubSpotRateLimits(clock, settings);
        PropertyCatalog catalog = PropertyCatalog.standard();
        PropertyValidator validator = new PropertyValidator(catalog, id -> store.owner(id).isPresent());
        ApiContext ctx = new ApiContext(store, catalog, new ContactJson(catalog), validator, faults, clock, settings,
                new Random(settings.batchOrderSeed()));
        new ContactsApi(ctx).register(router);
        new SearchApi(ctx).register(router);
        new BatchApi(ctx).register(router);
        new OwnersApi(ctx).register(router);
        new AccountInfoApi(ctx, limits.daily()).register(router);
    }

    public HubSpotStore store() {
        return store;
    }

    /** 429s the burst and search windows answered so far (not injected storms, not the daily limit). */
    public long rateLimitRefusals() {
        return limits.windowRefusals();
    }

    public HubSpotSandboxSettings settings() {
        return settings;
    }

    /** Test hook: a fresh rate-limit window and a new day's allowance. */
    public void resetLimits() {
        limits.reset();
    }

    /** Test hook: requests used today, as the daily-usage endpoint reports them. */
    public long dailyUsage() {
        return limits.daily().used();
    }

    /** Test hook, the "daily limit exhausted" fault: every further request today is a 429 {@code DAILY}. */
    public void exhaustDailyLimit() {
        limits.daily().exhaust();
    }

    /** Test hook: the token still matches but HubSpot reports it expired (401 EXPIRED_AUTHENTICATION, A.6). */
    public void expireAccessToken(boolean expired) {
        this.tokenExpired = expired;
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public SandboxResponse serve(SandboxRequest request) {
        if (!authorised(request)) {
            return HubSpotErrorBodies.unauthorized(false);
        }
        if (tokenExpired) {
            return HubSpotErrorBodies.unauthorized(true);
        }
        Optional<Router.Match> match = router.match(request);
        if (match.isEmpty()) {
            boolean otherMethod = router.knowsPath(request.path());
            return HubSpotErrorBodies.error(otherMethod ? 405 : 404, otherMethod ? "METHOD_NOT_ALLOWED" : "OBJECT_NOT_FOUND",
                    "Unable to route " + request.method() + " request to " + request.path());
        }
        HubSpotRateLimits.Admission admission = limits.admit(SearchApi.ENDPOINT.equals(match.get().route().endpoint()));
        if (!admission.allowed()) {
            return admission.refusal();
        }
        SandboxResponse response;
        try {
            response = match.get().route().handler().handle(match.get().request());
        } catch (HubSpotApiException e) {
            response = e.response();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response.withHeaders(admission.headers());
    }

    /** A.0: {@code Authorization: Bearer <private-app token>}; the token itself is never logged. */
    private boolean authorised(SandboxRequest request) {
        return request.header("Authorization")
                .map(h -> h.regionMatches(true, 0, "Bearer ", 0, 7) && h.substring(7).trim().equals(settings.accessToken()))
                .orElse(false);
    }

    @Override
    public SandboxResponse serverError(int status) {
        return HubSpotErrorBodies.serverError(status);
    }

    /** An injected storm answers like the ten-secondly limit, the one a busy sync meets (A.7). */
    @Override
    public Optional<SandboxResponse> injectedRateLimit() {
        return Optional.of(limits.tenSecondly());
    }

    /** Search is exempt from the ten-secondly limit (A.0), so a storm meets it at its own per-second one. */
    @Override
    public Optional<SandboxResponse> injectedRateLimit(SandboxRequest request) {
        boolean search = router.match(request).map(m -> SearchApi.ENDPOINT.equals(m.route().endpoint())).orElse(false);
        return Optional.of(search ? limits.secondly() : limits.tenSecondly());
    }

    /** A revoked private-app token is no longer recognised at all (A.6 {@code INVALID_AUTHENTICATION}). */
    @Override
    public SandboxResponse credentialsRevoked(SandboxRequest request) {
        return HubSpotErrorBodies.unauthorized(false);
    }

    @Override
    public String endpointOf(SandboxRequest request) {
        return router.match(request).map(m -> m.route().endpoint()).orElse(request.method() + " " + request.path());
    }
}
