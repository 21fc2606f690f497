package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.limits.DailyBudget;
import io.baton.sandbox.limits.RollingWindowLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HubSpot's three limits (A.7): the app's burst per rolling 10 s, the account's daily allowance,
 * and search's own per-second limit (search is exempt from the ten-secondly one, A.0). Normal
 * answers carry the {@code X-HubSpot-RateLimit-*} headers; search answers carry none (A.2).
 */
final class HubSpotRateLimits {

    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    static final String TEN_SECONDLY_MESSAGE = "You have reached your ten_secondly_rolling limit.";
    static final String DAILY_MESSAGE = "You have reached your daily limit.";
    static final String SECONDLY_MESSAGE = "You have reached your secondly limit.";

    /** The verdict on one request: a 429 to send instead, or the headers to add to the answer. */
    record Admission(SandboxResponse refusal, Map<String, String> headers) {
        boolean allowed() {
            return refusal == null;
        }
    }

    private final HubSpotSandboxSettings settings;
    private final RollingWindowLimiter burst;
    private final RollingWindowLimiter search;
    private final DailyBudget daily;
    private final java.util.concurrent.atomic.AtomicLong refusals = new java.util.concurrent.atomic.AtomicLong();

    HubSpotRateLimits(Clock clock, HubSpotSandboxSettings settings) {
        this.settings = settings;
        this.burst = new RollingWindowLimiter(clock, settings.burstLimit(), BURST_WINDOW);
        this.search = new RollingWindowLimiter(clock, settings.searchPerSecond(), Duration.ofSeconds(1));
        this.daily = new DailyBudget(settings.dailyLimit());
    }

    /**
     * One lock around the whole verdict so that concurrent requests at a limit cannot all pass
     * (A.7): {@link DailyBudget#trySpend()} is the daily admission test itself, and the windows'
     * {@code tryAcquire} is atomic too. The {@code remaining()} peek only keeps an exhausted day
     * from also using up a window slot; a window-refused request does not spend the day.
     */
    synchronized Admission admit(boolean isSearch) {
        if (daily.remaining() == 0) {
            return dailyRefusal(isSearch);
        }
        RollingWindowLimiter.Outcome outcome = (isSearch ? search : burst).tryAcquire();
        if (!outcome.allowed()) {
            refusals.incrementAndGet();
            // A.2: search answers carry no rate-limit headers, not even on its 429.
            return new Admission(isSearch ? secondly() : tenSecondly().withHeaders(headers(outcome)), Map.of());
        }
        if (!daily.trySpend()) {
            return dailyRefusal(isSearch);
        }
        return new Admission(null, isSearch ? Map.of() : headers(outcome));
    }

    private Admission dailyRefusal(boolean isSearch) {
        SandboxResponse refusal = HubSpotErrorBodies.rateLimited("DAILY", DAILY_MESSAGE);
        return new Admission(isSearch ? refusal : refusal.withHeaders(dailyHeaders()), Map.of());
    }

    /** The ten-secondly 429, also the answer to an injected rate-limit storm. */
    SandboxResponse tenSecondly() {
        return HubSpotErrorBodies.rateLimited("TEN_SECONDLY_ROLLING", TEN_SECONDLY_MESSAGE);
    }

    /** Search's own per-second 429, which carries no rate-limit headers (A.2). */
    SandboxResponse secondly() {
        return HubSpotErrorBodies.rateLimited("SECONDLY", SECONDLY_MESSAGE);
    }

    /** How many requests a burst or search window refused with 429 (tests prove client-side limiting by it). */
    long windowRefusals() {
        return refusals.get();
    }

    DailyBudget daily() {
        return daily;
    }

    /** Forgets all usage: a fresh window and a new day. */
    synchronized void reset() {
        burst.configure(settings.burstLimit(), BURST_WINDOW);
        search.configure(settings.searchPerSecond(), Duration.ofSeconds(1));
        daily.reset(settings.dailyLimit());
    }

    private Map<String, String> headers(RollingWindowLimiter.Outcome outcome) {
        Map<String, String> h = dailyHeaders();
        h.put("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(BURST_WINDOW.toMillis()));
        h.put("X-HubSpot-RateLimit-Max", Integer.toString(outcome.max()));
        h.put("X-HubSpot-RateLimit-Remaining", Integer.toString(outcome.remaining()));
        return h;
    }

    private Map<String, String> dailyHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-HubSpot-RateLimit-Daily", Long.toString(daily.max()));
        h.put("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(daily.remaining()));
        return h;
    }
}
