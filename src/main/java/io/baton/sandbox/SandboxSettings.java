package io.baton.sandbox;

import io.baton.sandbox.hubspot.HubSpotSandboxSettings;
import io.baton.sandbox.salesforce.SalesforceSandboxSettings;
import io.baton.sandbox.seed.SeedPlan;

/**
 * Everything needed to start the whole sandbox: where it listens, how each simulated service
 * behaves, and what it is seeded with. Port 0 picks a free port (tests).
 */
public record SandboxSettings(
        String host,
        int hubspotPort,
        int salesforcePort,
        int smtpPort,
        HubSpotSandboxSettings hubspot,
        SalesforceSandboxSettings salesforce,
        SeedPlan seed,
        long faultSeed) {

    /** Free ports on loopback, default service behaviour, nothing seeded: what most tests want. */
    public static SandboxSettings forTests() {
        return new SandboxSettings("127.0.0.1", 0, 0, 0, HubSpotSandboxSettings.defaults(),
                SalesforceSandboxSettings.defaults(), SeedPlan.NONE, 42L);
    }

    public SandboxSettings withSeed(SeedPlan plan) {
        return new SandboxSettings(host, hubspotPort, salesforcePort, smtpPort, hubspot, salesforce, plan, faultSeed);
    }

    public SandboxSettings withHubSpot(HubSpotSandboxSettings settings) {
        return new SandboxSettings(host, hubspotPort, salesforcePort, smtpPort, settings, salesforce, seed, faultSeed);
    }

    public SandboxSettings withSalesforce(SalesforceSandboxSettings settings) {
        return new SandboxSettings(host, hubspotPort, salesforcePort, smtpPort, hubspot, settings, seed, faultSeed);
    }
}
