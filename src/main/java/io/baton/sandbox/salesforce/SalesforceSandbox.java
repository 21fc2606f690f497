package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.http.SandboxService;
import java.util.Map;
import java.util.Optional;

/** STUB: replaced by the real simulated Salesforce REST. */
public final class SalesforceSandbox implements SandboxService {

    private final SalesforceOrg org = new SalesforceOrg();

    public SalesforceSandbox(SalesforceSandboxSettings settings, SandboxClock clock, io.baton.sandbox.http.Faults faults) {
    }

    public void setBaseUrl(String baseUrl) {
    }

    public SalesforceOrg org() {
        return org;
    }

    @Override
    public String name() {
        return "salesforce";
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
