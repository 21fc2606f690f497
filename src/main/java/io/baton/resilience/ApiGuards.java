package io.baton.resilience;

import io.baton.core.record.Side;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The two guards, one per CRM, as the adapters, the sync loop and health see them. */
public record ApiGuards(ApiGuard hubspot, ApiGuard salesforce) {

    /** A permit is waited for at most this long; longer means something is wrong, not busy. */
    private static final Duration PERMIT_WAIT = Duration.ofMinutes(1);

    public ApiGuard of(Side side) {
        return side == Side.HUBSPOT ? hubspot : salesforce;
    }

    /** Writes the counts not yet stored, so a restart remembers them. */
    public void flush() {
        both().forEach(g -> g.allocation().flush());
    }

    public List<ApiGuard> both() {
        return List.of(hubspot, salesforce);
    }

    /**
     * HubSpot: the burst window's allowance spread over refresh periods (see {@link WindowShape})
     * and search's own per-second limit, which HubSpot does not count against the burst window (A.7).
     */
    public static ApiGuard hubspot(GuardSettings settings, double allocation, int windowAllowance, Duration window,
                                   int searchPerSecond, UsageLog log, GuardMetrics metrics, Clock clock) {
        Map<ApiCall.Lane, RateLimiter> lanes = Map.of(
                ApiCall.Lane.BURST, limiter("hubspot-burst", WindowShape.of(windowAllowance, window)),
                ApiCall.Lane.SEARCH, limiter("hubspot-search", WindowShape.of(searchPerSecond, Duration.ofSeconds(1))));
        return new ApiGuard(Side.HUBSPOT, settings, new DailyAllocation("hubspot", allocation, clock, log), lanes, metrics,
                ApiGuards::sleep, clock);
    }

    /** Salesforce: no per-second limit worth shaping (B.x), only the rolling daily allowance. */
    public static ApiGuard salesforce(GuardSettings settings, double allocation, UsageLog log, GuardMetrics metrics,
                                      Clock clock) {
        return new ApiGuard(Side.SALESFORCE, settings, new DailyAllocation("salesforce", allocation, clock, log), Map.of(),
                metrics, ApiGuards::sleep, clock);
    }

    static RateLimiter limiter(String name, WindowShape shape) {
        return RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(shape.permitsPerPeriod())
                .limitRefreshPeriod(shape.period())
                .timeoutDuration(PERMIT_WAIT)
                .build());
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
