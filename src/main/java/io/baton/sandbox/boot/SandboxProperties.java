package io.baton.sandbox.boot;

import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.hubspot.HubSpotSandboxSettings;
import io.baton.sandbox.salesforce.SalesforceSandboxSettings;
import io.baton.sandbox.seed.SeedPlan;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
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

    /**
     * {@code baton.sandbox.hubspot.*}: HubSpot's published limits (Professional tier by default) and
     * the private app's token the sandbox accepts.
     */
    public record HubSpot(
            @DefaultValue("190") int burstLimit,
            @DefaultValue("625000") long dailyLimit,
            @DefaultValue("5") int searchPerSecond,
            @DefaultValue("0ms") Duration searchIndexLag,
            @DefaultValue(DEMO_HUBSPOT_TOKEN) String accessToken) {
    }

    /** {@code baton.sandbox.salesforce.*}: session lifetime, the org's daily API allowance, the login it accepts. */
    public record Salesforce(
            @DefaultValue("2h") Duration tokenLifetime,
            @DefaultValue("100000") long dailyApiRequests,
            @DefaultValue("demo") String clientId,
            @DefaultValue("demo") String clientSecret,
            @DefaultValue("demo@baton.local") String username,
            @DefaultValue("demo") String password) {

        /** True when the login is the documented demo one, which is safe to print. */
        public boolean demoCredentials() {
            SalesforceSandboxSettings demo = SalesforceSandboxSettings.defaults();
            return demo.clientId().equals(clientId) && demo.clientSecret().equals(clientSecret)
                    && demo.username().equals(username) && demo.password().equals(password);
        }
    }

    /** The simulated services a fault knob can be aimed at. */
    public enum FaultTarget { HUBSPOT, SALESFORCE }

    /**
     * {@code baton.sandbox.faults.*}: injected trouble, applied to the CRMs named in {@code targets}
     * (both by default) — latency (plus up to {@code latency-jitter} more), a rate of JSON 5xx
     * answers with {@code error-status}, dropped connections, a rate of HTML error pages from a
     * gateway ({@code html-error-status} 502 or 503), a rate of 200s whose JSON is cut short, a storm
     * of 429s (HubSpot) / REQUEST_LIMIT_EXCEEDED (Salesforce) for the first {@code rate-limit-storm}
     * requests, and records (by email or external id) whose writes fail with the given error code.
     * The rates share one roll per request, so together they should stay at most 1.
     */
    public record Faults(
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("0ms") Duration latencyJitter,
            @DefaultValue("0") double errorRate,
            @DefaultValue("503") int errorStatus,
            @DefaultValue("0") double dropRate,
            @DefaultValue("0") double htmlErrorRate,
            @DefaultValue("502") int htmlErrorStatus,
            @DefaultValue("0") double malformedJsonRate,
            @DefaultValue("0") int rateLimitStorm,
            @DefaultValue Map<String, String> failRecords,
            @DefaultValue("1") long randomSeed,
            @DefaultValue({"hubspot", "salesforce"}) Set<FaultTarget> targets) {
    }

    public static final String DEMO_HUBSPOT_TOKEN = "demo-token";

    public SandboxSettings toSettings() {
        HubSpotSandboxSettings hubspotSettings = HubSpotSandboxSettings.defaults()
                .withBurstLimit(hubspot.burstLimit())
                .withDailyLimit(hubspot.dailyLimit())
                .withSearchPerSecond(hubspot.searchPerSecond())
                .withSearchIndexLag(hubspot.searchIndexLag())
                .withBatchOrderSeed(faults.randomSeed())
                .withAccessToken(hubspot.accessToken());
        SalesforceSandboxSettings salesforceSettings = SalesforceSandboxSettings.defaults()
                .withTokenLifetime(salesforce.tokenLifetime())
                .withDailyApiRequests(salesforce.dailyApiRequests())
                .withCredentials(salesforce.clientId(), salesforce.clientSecret(), salesforce.username(),
                        salesforce.password());
        return new SandboxSettings(host, hubspotPort, salesforcePort, smtpPort, hubspotSettings, salesforceSettings,
                new SeedPlan(seed.hubspotContacts(), seed.salesforceLeads(), seed.overlap(), seed.randomSeed()),
                faults.randomSeed());
    }
}
