package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.http.SandboxService;
import java.util.Map;
import java.util.Optional;

/** STUB: replaced by the real simulated HubSpot CRM v3. */
public final class HubSpotSandbox implements SandboxService {

    private final HubSpotStore store = new HubSpotStore();

    public HubSpotSandbox(HubSpotSandboxSettings settings, SandboxClock clock, io.baton.sandbox.http.Faults faults) {
    }

    public HubSpotStore store() {
        return store;
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public SandboxResponse serve(SandboxRequest request) {
        return SandboxResponse.json(404, Map.of());
    }

    @Override
    public SandboxResponse serverError(int status) {
        return SandboxResponse.json(status, Map.of());
    }

    @Override
    public Optional<SandboxResponse> injectedRateLimit() {
        return Optional.empty();
    }

    @Override
    public String endpointOf(SandboxRequest request) {
        return request.method() + " " + request.path();
    }
}
