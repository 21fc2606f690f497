package io.baton.sandbox.boot;

import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.hubspot.HubSpotSandboxSettings;
import io.baton.sandbox.salesforce.SalesforceSandboxSettings;
import io.baton.sandbox.seed.SeedPlan;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.sandbox.*}: where the sandbox listens, what it is seeded with, and the knobs that
 * make it misbehave. Only the demo profile and the {@code sandbox} command read these.
 */
@ConfigurationProperties("baton.sandbox")
public record SandboxProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8091") int hubspotPort,
        @DefaultValue("8092") int salesforcePort,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue Seed seed,
        @DefaultValue HubSpot hubspot,
        @DefaultValue Salesforce salesforce,
        @DefaultValue Faults faults,
        @DefaultValue("") String mailDir) {

    /** {@code baton.sandbox.seed.*}: the deterministic data set. */
    public record Seed(
            @DefaultValue("300") int hubspotContacts,
            @DefaultValue("300") int salesforceLeads,
            @DefaultValue("0.4") double overlap,
            @DefaultValue("7") long randomSeed) {
    }

    /** {@code baton.sandbox.hubspot.*}: HubSpot's published limits (Professional tier by default). */
    public record HubSpot(
            @DefaultValue("190") int burstLimit,
            @DefaultValue("625000") long dailyLimit,
            @DefaultValue("5") int searchPerSecond,
            @DefaultValue("0ms") Duration searchIndexLag) {
    }

    /** {@code baton.sandbox.salesforce.*}: session lifetime and the org's daily API allowance. */
    public record Salesforce(
            @DefaultValue("2h") Duration tokenLifetime,
            @DefaultValue("100000") long dailyApiRequests) {
    }

    /**
     * {@code baton.sandbox.faults.*}: injected trouble, applied to both CRMs — latency, a 5xx rate,
     * dropped connections, a storm of 429s (HubSpot) / REQUEST_LIMIT_EXCEEDED (Salesforce) for the
     * first {@code rate-limit-storm} requests, and records (by email or external id) whose writes
     * fail with the given error code.
     */
    public record Faults(
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("0") double errorRate,
            @DefaultValue("0") double dropRate,
            @DefaultValue("0") int rateLimitStorm,
            @DefaultValue Map<String, String> failRecords,
            @DefaultValue("1") long randomSeed) {
    }

    public SandboxSettings toSettings() {
        HubSpotSandboxSettings hubspotSettings = HubSpotSandboxSettings.defaults()
                .withBurstLimit(hubspot.burstLimit())
                .withDailyLimit(hubspot.dailyLimit())
                .withSearchPerSecond(hubspot.searchPerSecond())
                .withSearchIndexLag(hubspot.searchIndexLag())
                .withBatchOrderSeed(faults.randomSeed());
        SalesforceSandboxSettings salesforceSettings = SalesforceSandboxSettings.defaults()
                .withTokenLifetime(salesforce.tokenLifetime())
                .withDailyApiRequests(salesforce.dailyApiRequests());
        return new SandboxSettings(host, hubspotPort, salesforcePort, smtpPort, hubspotSettings, salesforceSettings,
                new SeedPlan(seed.hubspotContacts(), seed.salesforceLeads(), seed.overlap(), seed.randomSeed()),
                faults.randomSeed());
    }
}
