package io.baton.sandbox.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code max} requests in any rolling {@code window} (HubSpot's 190 per 10 s, search's
 * 5 per second). A refused request does not use up the window, as with the real services.
 */
public final class RollingWindowLimiter {

    /** The outcome of one attempt; {@code remaining} is what is left in the window afterwards. */
    public record Outcome(boolean allowed, int max, int remaining, Duration retryAfter) {
    }

    private final Clock clock;
    private final Deque<Instant> granted = new ArrayDeque<>();
    private volatile int max;
    private volatile Duration window;

    public RollingWindowLimiter(Clock clock, int max, Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    /** Changes the limit at run time (0 or less = unlimited). */
    public synchronized void configure(int newMax, Duration newWindow) {
        this.max = newMax;
        this.window = newWindow;
        granted.clear();
    }

    public synchronized Outcome tryAcquire() {
        if (max <= 0) {
            return new Outcome(true, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);
        }
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        while (!granted.isEmpty() && !granted.peekFirst().isAfter(horizon)) {
            granted.pollFirst();
        }
        if (granted.size() >= max) {
            Duration wait = Duration.between(horizon, granted.peekFirst());
            return new Outcome(false, max, 0, wait.isNegative() ? Duration.ZERO : wait);
        }
        granted.addLast(now);
        return new Outcome(true, max, max - granted.size(), Duration.ZERO);
    }

    public Duration window() {
        return window;
    }

    public int max() {
        return max;
    }
}
