package io.baton.bench;

/**
 * The fewest API calls a piece of work needs, split by the limit each call counts against, and the
 * time the binding limit then needs at least: HubSpot search has its own per-second limit and is
 * exempt from the ten-secondly burst (API-REFERENCE A.0, A.7); every other HubSpot call counts
 * against the burst; Salesforce calls draw on the org's daily allowance (B.7), spread over a day.
 * The limits are those in force ({@link RateLimits#of}), never assumed.
 */
record CallBudget(long hubspotSearches, long hubspotOtherCalls, long salesforceCalls) {

    private static final double BURST_WINDOW_SECONDS = 10;
    private static final double SECONDS_PER_DAY = 86_400;

    long total() {
        return hubspotSearches + hubspotOtherCalls + salesforceCalls;
    }

    CallBudget plus(CallBudget other) {
        return new CallBudget(hubspotSearches + other.hubspotSearches, hubspotOtherCalls + other.hubspotOtherCalls,
                salesforceCalls + other.salesforceCalls);
    }

    /** The seconds these calls take at best: the slowest of the limits, each used to the full. */
    double bindingSeconds(RateLimits limits) {
        double[] seconds = secondsPerLimit(limits);
        return Math.max(seconds[0], Math.max(seconds[1], seconds[2]));
    }

    /** Which limit binds, for the progress log and the README. */
    String bindingLimit(RateLimits limits) {
        double[] seconds = secondsPerLimit(limits);
        double binding = bindingSeconds(limits);
        return binding == seconds[0] ? "HubSpot search " + limits.hubspotSearchesPerSecond() + "/s"
                : binding == seconds[1] ? "HubSpot burst " + limits.hubspotBurstPerTenSeconds() + "/10 s"
                : "Salesforce daily " + limits.salesforceDailyRequests();
    }

    /** Seconds needed under HubSpot search, HubSpot burst and Salesforce's daily allowance, in that order. */
    private double[] secondsPerLimit(RateLimits limits) {
        return new double[] {hubspotSearches / (double) limits.hubspotSearchesPerSecond(),
            hubspotOtherCalls / (limits.hubspotBurstPerTenSeconds() / BURST_WINDOW_SECONDS),
            salesforceCalls / (limits.salesforceDailyRequests() / SECONDS_PER_DAY)};
    }

    static long pages(long records, long perPage) {
        return (records + perPage - 1) / perPage;
    }
}
