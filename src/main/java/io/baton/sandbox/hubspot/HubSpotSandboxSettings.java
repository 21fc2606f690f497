package io.baton.sandbox.hubspot;

import java.time.Duration;

/**
 * How the simulated HubSpot portal behaves: its published limits (A.7, Professional tier by default),
 * the private app's token, the search index lag A.2 warns about (zero by default), whether the
 * lifecycle stage is forward-only for integrations (A.5, on by default), and whether batch results
 * come back shuffled (A.3: "not guaranteed in input order"; on by default, repeatable from the seed).
 */
public record HubSpotSandboxSettings(int burstLimit, long dailyLimit, int searchPerSecond, String accessToken,
                                     Duration searchIndexLag, boolean lifecycleForwardOnly,
                                     boolean batchOrderShuffled, long batchOrderSeed) {

    public HubSpotSandboxSettings(int burstLimit, long dailyLimit, int searchPerSecond, String accessToken) {
        this(burstLimit, dailyLimit, searchPerSecond, accessToken, Duration.ZERO, true, true, 1L);
    }

    public static HubSpotSandboxSettings defaults() {
        return new HubSpotSandboxSettings(190, 625_000, 5, "demo-token");
    }

    public HubSpotSandboxSettings withBurstLimit(int value) {
        return new HubSpotSandboxSettings(value, dailyLimit, searchPerSecond, accessToken, searchIndexLag,
                lifecycleForwardOnly, batchOrderShuffled, batchOrderSeed);
    }

    public HubSpotSandboxSettings withDailyLimit(long value) {
        return new HubSpotSandboxSettings(burstLimit, value, searchPerSecond, accessToken, searchIndexLag,
                lifecycleForwardOnly, batchOrderShuffled, batchOrderSeed);
    }

    public HubSpotSandboxSettings withSearchPerSecond(int value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, value, accessToken, searchIndexLag,
                lifecycleForwardOnly, batchOrderShuffled, batchOrderSeed);
    }

    public HubSpotSandboxSettings withAccessToken(String value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, value, searchIndexLag,
                lifecycleForwardOnly, batchOrderShuffled, batchOrderSeed);
    }

    public HubSpotSandboxSettings withSearchIndexLag(Duration value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, value,
                lifecycleForwardOnly, batchOrderShuffled, batchOrderSeed);
    }

    public HubSpotSandboxSettings withLifecycleForwardOnly(boolean value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, searchIndexLag,
                value, batchOrderShuffled, batchOrderSeed);
    }

    /** False keeps batch results in input order (handy for debugging; real HubSpot promises nothing, A.3). */
    public HubSpotSandboxSettings withBatchOrderShuffled(boolean value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, searchIndexLag,
                lifecycleForwardOnly, value, batchOrderSeed);
    }

    /** The seed of the batch-order shuffle, so a run can be repeated (like the fault seed). */
    public HubSpotSandboxSettings withBatchOrderSeed(long value) {
        return new HubSpotSandboxSettings(burstLimit, dailyLimit, searchPerSecond, accessToken, searchIndexLag,
                lifecycleForwardOnly, batchOrderShuffled, value);
    }
}
