package io.baton.sandbox.hubspot;

import java.time.Duration;

/**
 * How the simulated HubSpot portal behaves: its published limits (A.7, Professional tier by default),
 * the private app's token, the search index lag A.2 warns about (zero by default) and whether the
 * lifecycle stage is forward-only for integrations (A.5, on by default).
 */
public record HubSpotSandboxSettings(int burstLimit, long dailyLimit, int searchPerSecond, String accessToken,
                                     Duration searchIndexLag, boolean lifecycleForwardOnly) {

    public HubSpotSandboxSettings(int burstLimit, long dailyLimit, int searchPerSecond, String accessToken) {
        this(burstLimit, dailyLimit, searchPerSecond, accessToken, Duration.ZERO, true);
    }

    public static HubSpotSandboxSettings defaults() {
        return new HubSpotSandboxSettings(190, 1_000_000, 5, "demo-token");
    }

    public HubSpotSandboxSettings withBurstLimit(int value) {
        return new HubSpotSandboxSettings(value, dailyLimit, searchPerSecond, accessToken, searchIndexLag, lifecycleForwardOnly);
    }

    public HubSpotSandboxSettings withDailyLimit(long value) {
        return new HubSpotSandboxSettings(burstLimit, value, searchPerSecond, accessToken, searchIndexLag, lifecycleForwardOnly);
    }

    public HubSpotSandboxSettings withSearchPerSecond(int value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, value, accessToken, searchIndexLag, lifecycleForwardOnly);
    }

    public HubSpotSandboxSettings withAccessToken(String value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, value, searchIndexLag, lifecycleForwardOnly);
    }

    public HubSpotSandboxSettings withSearchIndexLag(Duration value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, value, lifecycleForwardOnly);
    }

    public HubSpotSandboxSettings withLifecycleForwardOnly(boolean value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, searchIndexLag, value);
    }
}
