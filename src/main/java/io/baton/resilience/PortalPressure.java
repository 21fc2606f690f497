package io.baton.resilience;

import java.time.Duration;

/**
 * What HubSpot's {@code X-HubSpot-RateLimit-Max/-Remaining/-Interval-Milliseconds} headers say
 * about the app's burst window (A.7): Baton's own limiter keeps below its allowance, but calls of
 * the same app from elsewhere share the window. When less than a tenth is left, the remaining
 * calls are spread over the interval instead of spent at once.
 */
public final class PortalPressure {

    private volatile long max = -1;
    private volatile long remaining = -1;
    private volatile Duration interval = Duration.ZERO;

    public void observed(long max, long remaining, Duration interval) {
        this.max = max;
        this.remaining = remaining;
        this.interval = interval;
    }

    /** How long to hold the next call; zero unless the window is nearly used up. */
    public Duration holdBeforeNextCall() {
        long m = max;
        long r = remaining;
        if (m <= 0 || r < 0 || r * 10 >= m) {
            return Duration.ZERO;
        }
        return interval.dividedBy(Math.max(r, 1));
    }
}
