package io.baton.resilience;

import java.time.Duration;

/**
 * How to cut a rolling-window allowance ("at most N calls in any 10 s", HubSpot A.7) into the
 * fixed refresh periods a Resilience4j RateLimiter hands out. A window as long as {@code k}
 * periods overlaps at most {@code k + 1} of them, so {@code permitsPerPeriod × (k + 1) ≤ N} keeps
 * every rolling window within the allowance; of the {@code k} that satisfy it, the one with the
 * highest sustained rate wins.
 */
public record WindowShape(int permitsPerPeriod, Duration period) {

    /** Periods per window tried: more periods smooth the flow but round the allowance down further. */
    private static final int MAX_PERIODS = 20;

    public static WindowShape of(int allowance, Duration window) {
        if (allowance < 2) {
            throw new IllegalArgumentException("a rolling-window allowance must be at least 2 calls, was " + allowance);
        }
        int bestPeriods = 1;
        int bestPermits = allowance / 2;
        for (int periods = 1; periods <= MAX_PERIODS; periods++) {
            int permits = allowance / (periods + 1);
            if (permits > 0 && (long) permits * periods > (long) bestPermits * bestPeriods) {
                bestPeriods = periods;
                bestPermits = permits;
            }
        }
        // Rounded up to the millisecond, so k periods always cover the whole window.
        return new WindowShape(bestPermits, Duration.ofMillis(ceilDiv(window.toMillis(), bestPeriods)));
    }

    /** The most calls any rolling window of {@code window} can see under this shape. */
    public long worstWindow(Duration window) {
        long periodsOverlapped = ceilDiv(window.toNanos(), period.toNanos()) + 1;
        return permitsPerPeriod * periodsOverlapped;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
