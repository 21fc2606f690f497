package io.baton.sandbox.hubspot;

/** How the simulated HubSpot portal behaves: its published limits (Professional tier by default). */
public record HubSpotSandboxSettings(int burstLimit, long dailyLimit, int searchPerSecond, String accessToken) {

    public static HubSpotSandboxSettings defaults() {
        return new HubSpotSandboxSettings(190, 1_000_000, 5, "demo-token");
    }

    public HubSpotSandboxSettings withBurstLimit(int value) {
        return new HubSpotSandboxSettings(value, dailyLimit, searchPerSecond, accessToken);
    }

    public HubSpotSandboxSettings withDailyLimit(long value) {
        return new HubSpotSandboxSettings(burstLimit, value, searchPerSecond, accessToken);
    }

    public HubSpotSandboxSettings withSearchPerSecond(int value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, value, accessToken);
    }
}
