package io.baton.sandbox.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A daily request allowance (HubSpot's per-account daily limit, Salesforce's DailyApiRequests).
 * The sandbox runs for minutes, not days, so the budget is reset explicitly rather than at midnight.
 */
public final class DailyBudget {

    private volatile long max;
    private final AtomicLong used = new AtomicLong();

    public DailyBudget(long max) {
        this.max = max;
    }

    /** Spends one request; false when the budget is already exhausted (the request is refused). */
    public boolean trySpend() {
        long current;
        do {
            current = used.get();
            if (max > 0 && current >= max) {
                return false;
            }
        } while (!used.compareAndSet(current, current + 1));
        return true;
    }

    public long max() {
        return max;
    }

    public long used() {
        return used.get();
    }

    public long remaining() {
        return max <= 0 ? Long.MAX_VALUE : Math.max(0, max - used.get());
    }

    /** Spends what is left of today's allowance, so the next request is refused (a limited budget only). */
    public void exhaust() {
        if (max > 0) {
            used.set(max);
        }
    }

    /** Sets a new allowance and forgets what was used (a new day). */
    public void reset(long newMax) {
        this.max = newMax;
        used.set(0);
    }
}
