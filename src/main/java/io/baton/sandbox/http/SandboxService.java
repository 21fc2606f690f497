package io.baton.sandbox.http;

import java.util.Optional;

/**
 * One simulated API behind a {@link SandboxHttpServer}. The server does the generic work —
 * counting calls, injected latency, dropped connections, injected 5xx and 429 storms — and asks
 * the service for the body each fault has on <em>its</em> wire, since HubSpot and Salesforce
 * shape errors differently.
 */
public interface SandboxService {

    /** The service name used in logs and counters, e.g. {@code hubspot}. */
    String name();

    /** Answers a request; never throws for a client mistake, which is a 4xx like the real API. */
    SandboxResponse serve(SandboxRequest request);

    /** The real service's answer to a server-side failure with this status (500, 502, 503). */
    SandboxResponse serverError(int status);

    /** The real service's answer when a rate-limit storm is injected; empty when not applicable. */
    Optional<SandboxResponse> injectedRateLimit();

    /**
     * The answer to this request in a rate-limit storm, for services whose limits differ by endpoint
     * (HubSpot's search has its own); by default the same for every request.
     */
    default Optional<SandboxResponse> injectedRateLimit(SandboxRequest request) {
        return injectedRateLimit();
    }

    /** The real service's refusal of this request when its credential has been revoked. */
    default SandboxResponse credentialsRevoked(SandboxRequest request) {
        return SandboxResponse.json(401, java.util.Map.of("error", "unauthorized"));
    }

    /** The endpoint key for a request, so the call counter can tell endpoints apart. */
    String endpointOf(SandboxRequest request);
}
