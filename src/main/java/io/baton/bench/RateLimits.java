package io.baton.bench;

import io.baton.sandbox.boot.SandboxProperties;

/**
 * The rate limits a scenario runs under, read from the sandbox settings in force: HubSpot's burst
 * per rolling 10 s and search's own per-second limit (A.7), and Salesforce's daily allowance (B.7).
 */
record RateLimits(int hubspotBurstPerTenSeconds, int hubspotSearchesPerSecond, long salesforceDailyRequests) {

    static RateLimits of(SandboxProperties settings) {
        return new RateLimits(settings.hubspot().burstLimit(), settings.hubspot().searchPerSecond(),
                settings.salesforce().dailyApiRequests());
    }
}
